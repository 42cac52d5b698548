package io.matey.spring.boot.autoconfigure;

import io.matey.engine.MateyUrl;
import io.matey.engine.UrlOption;
import io.matey.workspace.TargetPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.ResourceUtils;

/**
 * The {@code matey} commands that start-up reports suggest, written so that they can be pasted in the
 * application's working directory: a directory workspace is named with {@code --workspace}; a classpath one has
 * no directory the command could name, so the report says where to run them, and a database file the JDBC driver
 * found relative to the working directory is named by its absolute path there (docs/architecture.md §8).
 *
 * @param option     {@code --workspace DIR } or empty
 * @param where      a sentence saying where to run the commands, or empty when they run anywhere
 * @param workingDir the application's working directory, absolute
 */
record WorkspaceCommands(String option, String where, Path workingDir) {

    /** The Maven and Gradle source directory of classpath resources. */
    private static final String RESOURCES = "src/main/resources";

    /** For the working directory of this process, where the application was started. */
    static WorkspaceCommands of(String location) {
        return of(location, Path.of(""));
    }

    /**
     * @param location   {@code matey.workspace}: a classpath location or a directory ({@code file:} optional)
     * @param workingDir the application's working directory
     */
    static WorkspaceCommands of(String location, Path workingDir) {
        Path cwd = workingDir.toAbsolutePath().normalize();
        if (classpath(location)) {
            String source = source(location);
            return new WorkspaceCommands("", Files.isDirectory(cwd.resolve(source))
                    ? "Run these commands in " + source + " (the source of " + location + ")."
                    : "Run these commands from the workspace directory (the source of " + location + ").", cwd);
        }
        Path dir = cwd.resolve(location.startsWith(ResourceUtils.FILE_URL_PREFIX)
                ? location.substring(ResourceUtils.FILE_URL_PREFIX.length()) : location).normalize();
        String shown = dir.startsWith(cwd) ? cwd.relativize(dir).toString() : dir.toString();
        return new WorkspaceCommands("--workspace " + quoted(shown.isEmpty() ? "." : shown) + " ", "", cwd);
    }

    /**
     * How the user knows a classpath workspace, for messages about its files: its source directory when the
     * application runs beside it ({@code src/main/resources/db/matey}), else {@code classpath:db/matey}.
     */
    static String classpathSource(String location, Path workingDir) {
        String source = source(location);
        return Files.isDirectory(workingDir.resolve(source)) ? source : ResourceUtils.CLASSPATH_URL_PREFIX + base(location);
    }

    static boolean classpath(String location) {
        return location.startsWith(ResourceUtils.CLASSPATH_URL_PREFIX)
                || location.startsWith(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX);
    }

    private static String base(String location) {
        return location.substring(location.indexOf(':') + 1).replaceAll("^/+|/+$", "");
    }

    private static String source(String location) {
        String base = base(location);
        return base.isEmpty() ? RESOURCES : RESOURCES + "/" + base;
    }

    /** Whether the workspace is packaged in the application: changing it means building the application again. */
    boolean packaged() {
        return option.isEmpty();
    }

    /** {@code matey [--workspace DIR] ARGS}. */
    String command(String arguments) {
        return "matey " + option + arguments;
    }

    /**
     * {@code --path TARGET --url URL} (no {@code --path} for the root target): the database of a report, as live
     * commands take it.
     */
    String targetArguments(TargetReport report) {
        return targetArguments(report.target(), report.connection());
    }

    /** {@link #targetArguments(TargetReport)} of a target and its database as {@code LiveEndpoint} describes it. */
    String targetArguments(String target, String connection) {
        return (TargetPaths.option(target) + " --url " + urlArgument(connection)).strip();
    }

    /**
     * The Matey URL quoted for a shell, or a placeholder when a DataSource has none or a secret of it is masked. A
     * masked password cannot log in, so the URL names where the password goes ({@code user:<password>@}), which the
     * user fills in before running the command; never the password itself. A relative database file is named by its
     * absolute path when the commands run elsewhere, since the driver found it in the working directory.
     */
    private String urlArgument(String connection) {
        if (connection.startsWith("jdbc:")) {
            return "<its database URL>";
        }
        String url = UrlOption.argument(where.isEmpty() ? connection : absoluteFile(connection));
        return url == null ? "<its database URL>" : url;
    }

    private String absoluteFile(String connection) {
        MateyUrl url = MateyUrl.parse(connection);
        return !url.isFile() || Path.of(url.path()).isAbsolute() ? connection
                : url.withPath(workingDir.resolve(url.path()).normalize().toString()).toString();
    }

    /** The sentence saying where to run the commands, followed by a blank line; empty when they run anywhere. */
    String preface() {
        return where.isEmpty() ? "" : where + "\n\n";
    }

    private static String quoted(String path) {
        return path.matches("[A-Za-z0-9_./:@%+=,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }
}
