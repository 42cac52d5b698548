package io.matey.artifact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rules for target-relative POSIX paths, the only kind of path artifacts and journals record. */
final class RelativePath {

    private RelativePath() {
    }

    /** True for a non-empty relative path without empty, {@code .} or {@code ..} segments. */
    static boolean isCanonical(String path) {
        return normalize(path).filter(path::equals).isPresent();
    }

    /**
     * Drops empty and {@code .} segments. Empty when the path is absolute, climbs with {@code ..}, or names
     * nothing, since such a path could leave the target.
     */
    static Optional<String> normalize(String path) {
        if (path.startsWith("/")) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.empty();
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return segments.isEmpty() ? Optional.empty() : Optional.of(String.join("/", segments));
    }
}
