package io.matey.spring.boot.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.ResourceUtils;

/**
 * The {@code matey} commands that start-up reports suggest, written so that they can be pasted in the
 * application's working directory: a directory workspace is named with {@code --workspace}; a classpath one has
 * no directory the command could name, so the report says where to run them (docs/architecture.md §8).
 *
 * @param option {@code --workspace DIR } or empty
 * @param where  a sentence saying where to run the commands, or empty when they run anywhere
 */
record WorkspaceCommands(String option, String where) {

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
        if (location.startsWith(ResourceUtils.CLASSPATH_URL_PREFIX)
                || location.startsWith(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX)) {
            String base = location.substring(location.indexOf(':') + 1).replaceAll("^/+|/+$", "");
            String source = base.isEmpty() ? RESOURCES : RESOURCES + "/" + base;
            return new WorkspaceCommands("", Files.isDirectory(cwd.resolve(source))
                    ? "Run these commands in " + source + " (the source of " + location + ")."
                    : "Run these commands from the workspace directory (the source of " + location + ").");
        }
        Path dir = cwd.resolve(location.startsWith(ResourceUtils.FILE_URL_PREFIX)
                ? location.substring(ResourceUtils.FILE_URL_PREFIX.length()) : location).normalize();
        String shown = dir.startsWith(cwd) ? cwd.relativize(dir).toString() : dir.toString();
        return new WorkspaceCommands("--workspace " + quoted(shown.isEmpty() ? "." : shown) + " ", "");
    }

    /** {@code matey [--workspace DIR] ARGS}. */
    String command(String arguments) {
        return "matey " + option + arguments;
    }

    /** The sentence saying where to run the commands, followed by a blank line; empty when they run anywhere. */
    String preface() {
        return where.isEmpty() ? "" : where + "\n\n";
    }

    private static String quoted(String path) {
        return path.matches("[A-Za-z0-9_./:@%+=,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }
}
