package io.matey.spring.boot.autoconfigure;

import io.matey.Matey;
import io.matey.workspace.Workspace;
import io.matey.workspace.WorkspaceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.ResourceUtils;

/**
 * The workspace the application's databases are checked against, loaded once at start-up from
 * {@code matey.workspace}: a classpath location (copied to a temporary directory, removed when the context
 * closes) or a directory ({@code file:} prefix optional).
 */
public class MateyWorkspace implements DisposableBean {

    private final String location;
    private final Path root;
    private final boolean temporary;
    private final Matey matey;

    private MateyWorkspace(String location, Path root, boolean temporary) {
        this.location = location;
        this.root = root;
        this.temporary = temporary;
        // Live commands get their endpoints from the application, never from the process environment.
        this.matey = new Matey(root, root, Map.of());
    }

    public static MateyWorkspace load(String location, ResourcePatternResolver resolver) {
        if (location.startsWith(ResourceUtils.CLASSPATH_URL_PREFIX)
                || location.startsWith(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX)) {
            MateyWorkspace workspace = new MateyWorkspace(location, ClasspathWorkspace.extract(location, resolver), true);
            return workspace.loaded();
        }
        Path dir = Path.of(location.startsWith(ResourceUtils.FILE_URL_PREFIX)
                ? location.substring(ResourceUtils.FILE_URL_PREFIX.length()) : location).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new MateyWorkspaceNotFoundException(location, dir + " is not a directory");
        }
        if (WorkspaceLoader.configFile(dir) == null) {
            throw new MateyWorkspaceNotFoundException(location, "there is no " + WorkspaceLoader.CONFIG_FILE + " in " + dir);
        }
        return new MateyWorkspace(location, dir, false).loaded();
    }

    /** Reads the workspace config now, so that a broken one stops the start-up instead of the first check. */
    private MateyWorkspace loaded() {
        try {
            matey.workspace();
            return this;
        } catch (RuntimeException e) {
            destroy();
            throw e;
        }
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
