package io.matey.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the work-tree root of the git repository enclosing a directory. */
public final class GitRoots {

    private GitRoots() {
    }

    public static Optional<Path> find(Path dir) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
