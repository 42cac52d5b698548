package io.matey.engine;

import java.nio.file.Path;
import java.util.Locale;

/** Where a file engine's URL with a relative path points, made explicit (README "Targets"). */
public final class FileUrls {

    private FileUrls() {
    }

    /**
     * {@code url} with its relative file path resolved against {@code base}; any other URL (a server's, an absolute
     * path, SQLite's {@code :memory:}) as given.
     */
    public static String absolute(String url, Path base) {
        int colon = url.indexOf(':');
        if (colon <= 0 || !Engines.fileScheme(url.substring(0, colon).toLowerCase(Locale.ROOT))) {
            return url;
        }
        MateyUrl parsed = MateyUrl.parse(url);
        String path = parsed.path();
        if (path.startsWith(":") || Path.of(path).isAbsolute()) {
            return url;
        }
        return parsed.withPath(base.resolve(path).normalize().toString()).raw();
    }
}
