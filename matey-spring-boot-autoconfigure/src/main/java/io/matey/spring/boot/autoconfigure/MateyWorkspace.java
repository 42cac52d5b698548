package io.matey.spring.boot.autoconfigure;

import io.matey.Matey;
import io.matey.error.MateyException;
import io.matey.workspace.Workspace;
import io.matey.workspace.WorkspaceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.ResourceUtils;

/**
 * The workspace the application's databases are checked against, loaded once at start-up from
 * {@code matey.workspace}: a classpath location (copied to a temporary directory, removed when the context
 * closes) or a directory ({@code file:} prefix optional). Messages name a copied workspace as the user knows it,
 * not by the copy, which is gone when they are read ({@link #shown(MateyException)}).
 */
public class MateyWorkspace implements DisposableBean {

    private final String location;
    private final Path root;
    private final boolean temporary;
    /** How messages name {@link #root}: the copy of a classpath workspace by its source. */
    private final String shownRoot;
    private final Matey matey;

    private MateyWorkspace(String location, Path root, boolean temporary) {
        this.location = location;
        this.root = root;
        this.temporary = temporary;
        this.shownRoot = temporary ? WorkspaceCommands.classpathSource(location, Path.of("").toAbsolutePath())
                : root.toString();
        // Live commands get their endpoints from the application, never from the process environment.
        this.matey = new Matey(root, root, Map.of());
    }

    public static MateyWorkspace load(String location, ResourcePatternResolver resolver) {
        if (WorkspaceCommands.classpath(location)) {
            MateyWorkspace workspace = new MateyWorkspace(location, ClasspathWorkspace.extract(location, resolver), true);
            return workspace.loaded();
        }
        Path dir = Path.of(location.startsWith(ResourceUtils.FILE_URL_PREFIX)
                ? location.substring(ResourceUtils.FILE_URL_PREFIX.length()) : location).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new MateyWorkspaceNotFoundException(location, dir, dir + " is not a directory");
        }
        if (WorkspaceLoader.configFile(dir) == null) {
            // a target's directory: the workspace above it is the one meant, as the CLI says for --workspace
            throw new MateyWorkspaceNotFoundException(location, dir, "there is no " + WorkspaceLoader.CONFIG_FILE
                    + " in " + dir + WorkspaceLoader.enclosingRoot(dir).map(up -> "; " + up + " holds one").orElse(""));
        }
        return new MateyWorkspace(location, dir, false).loaded();
    }

    /** Reads the workspace config now, so that a broken one stops the start-up instead of the first check. */
    private MateyWorkspace loaded() {
        try {
            shown(matey::workspace);
            return this;
        } catch (RuntimeException e) {
            destroy();
            throw e;
        }
    }

    /**
     * Runs work on this workspace, its errors naming the workspace as the user knows it: a classpath workspace's
     * copy by the classpath location (or its source directory beside the application).
     */
    <T> T shown(Supplier<T> work) {
        try {
            return work.get();
        } catch (MateyException e) {
            throw shown(e);
        }
    }

    /** The error, its message naming the workspace as the user knows it. */
    MateyException shown(MateyException error) {
        String message = error.getMessage();
        if (!temporary || message == null || !message.contains(root.toString())) {
            return error;
        }
        if (error instanceof MateyUnknownTargetException unknown) {
            return unknown.in(shownRoot);
        }
        return reworded(error, message.replace(root.toString(), shownRoot));
    }

    /**
     * The error with another message, in its place: the same reason, cause and stack trace, so that no cause
     * repeats the old message's words.
     */
    static MateyException reworded(MateyException error, String message) {
        MateyException reworded = new MateyException(error.reason(), message, error.getCause());
        reworded.setStackTrace(error.getStackTrace());
        return reworded;
    }

    public String location() {
        return location;
    }

    public Path root() {
        return root;
    }

    public Workspace workspace() {
        return matey.workspace();
    }

    /** The façade bound to this workspace. */
    public Matey matey() {
        return matey;
    }

    @Override
    public void destroy() {
        if (temporary) {
            FileSystemUtils.deleteRecursively(root.toFile());
        }
    }
}
