package io.matey.spring.boot.autoconfigure;

import io.matey.workspace.WorkspaceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.FileSystemUtils;

/**
 * A workspace packaged on the classpath (in the application jar, the usual production case), copied into a
 * temporary directory once at start-up, because the core reads a workspace from the file system. Only the
 * first classpath root that holds {@code <location>/matey.toml} is copied, so that test resources never mix
 * with main ones; {@code classpath:} and {@code classpath*:} mean the same here.
 */
final class ClasspathWorkspace {

    private ClasspathWorkspace() {
    }

    /** @param location {@code classpath:db/matey} or {@code classpath*:db/matey} */
    static Path extract(String location, ResourcePatternResolver resolver) {
        String base = trimSlashes(location.substring(location.indexOf(':') + 1));
        Resource config = resolver.getResource("classpath:" + base + "/" + WorkspaceLoader.CONFIG_FILE);
        if (!config.exists()) {
            throw new MateyWorkspaceNotFoundException(location, "there is no " + base + "/"
                    + WorkspaceLoader.CONFIG_FILE + " on the classpath");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("matey-workspace-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for the Matey workspace: " + e.getMessage(), e);
        }
        try {
            copyTree(location, config, resolver, dir);
            return dir;
        } catch (IOException e) {
            FileSystemUtils.deleteRecursively(dir.toFile());
            throw new UncheckedIOException("Cannot copy the Matey workspace at " + location + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            FileSystemUtils.deleteRecursively(dir.toFile());
            throw e;
        }
    }

    private static void copyTree(String location, Resource config, ResourcePatternResolver resolver, Path dir)
            throws IOException {
        String configUrl = config.getURL().toString();
        String rootUrl = configUrl.substring(0, configUrl.length() - WorkspaceLoader.CONFIG_FILE.length());
        // A pattern on the root's own URL walks that jar's entries or that directory only.
        for (Resource resource : resolver.getResources(rootUrl + "**")) {
            String url = resource.getURL().toString();
            if (!url.startsWith(rootUrl)) {
                throw new IOException(url + " is not under " + rootUrl);
            }
            if (!isDirectory(resource, url)) {
                copy(resource, dir, decode(url.substring(rootUrl.length())));
            }
        }
        if (!Files.isRegularFile(dir.resolve(WorkspaceLoader.CONFIG_FILE))) {
            throw new MateyWorkspaceNotFoundException(location, "found " + configUrl + " but cannot list " + rootUrl
                    + " (a jar built without directory entries?)");
        }
    }

    private static void copy(Resource resource, Path dir, String relative) throws IOException {
        Path file = dir.resolve(relative).normalize();
        if (!file.startsWith(dir)) {
            throw new IOException("resource path " + relative + " leaves the workspace");
        }
        Files.createDirectories(file.getParent());
        try (InputStream in = resource.getInputStream()) {
            Files.copy(in, file);
        }
    }

    /** Jar entries of directories end with a slash; file-system directories are files that are directories. */
    private static boolean isDirectory(Resource resource, String url) throws IOException {
        return url.endsWith("/") || (resource.isFile() && resource.getFile().isDirectory());
    }

    private static String decode(String urlPath) {
        return URLDecoder.decode(urlPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String trimSlashes(String path) {
        String trimmed = path;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
