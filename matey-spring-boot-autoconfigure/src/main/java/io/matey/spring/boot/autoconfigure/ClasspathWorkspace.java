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

/**
 * A workspace packaged on the classpath (in the application jar, the usual production case), copied into a
 * temporary directory once at start-up, because the core reads a workspace from the file system. Only the
 * classpath root that holds {@code matey.toml} is copied, so test resources never mix with main ones.
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
        try {
            String configUrl = config.getURL().toString();
            String rootUrl = configUrl.substring(0, configUrl.length() - WorkspaceLoader.CONFIG_FILE.length());
            Path dir = Files.createTempDirectory("matey-workspace-");
            for (Resource resource : resolver.getResources("classpath*:" + base + "/**")) {
                String url = resource.getURL().toString();
                if (url.startsWith(rootUrl) && !isDirectory(resource, url)) {
                    copy(resource, dir, decode(url.substring(rootUrl.length())));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the Matey workspace at " + location + ": " + e.getMessage(), e);
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
