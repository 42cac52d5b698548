package io.matey.workspace;

import io.matey.error.MateyException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The error of a command that needs a workspace where discovery found no {@code matey.toml}: it names the
 * directories looked in and, when an enclosing directory holds one, the {@code --workspace} that reaches it
 * (a target's directory inside a workspace that is not the git root), or when the directory is a Spring Boot
 * application's whose workspace is where the starter reads it, {@code src/main/resources/db/matey}.
 */
final class MissingWorkspace {

    /** Where the Spring Boot starter's default {@code classpath:db/matey} comes from in a Maven or Gradle project. */
    private static final Path APPLICATION_WORKSPACE = Path.of("src", "main", "resources", "db", "matey");

    private MissingWorkspace() {
    }

    static MateyException error(Path root, Optional<Path> gitRoot, Path cwd) {
        Path here = cwd.toAbsolutePath().normalize();
        // discovery falls back to the git root when the cwd holds no matey.toml
        boolean fellBack = gitRoot.filter(root::equals).isPresent() && !root.equals(here) && here.startsWith(root);
        String where = fellBack ? here + " or at the git root " + root : root.toString();
        String message = "No matey.toml in " + where + "; ";
        Optional<MateyException> enclosing = enclosing(message, fellBack ? here : root, here);
        if (enclosing.isPresent()) {
            return enclosing.get();
        }
        return applicationWorkspace(here, root).map(dir -> new MateyException(message + dir
                        + " holds the application's workspace: pass --workspace " + here.relativize(dir) + "."))
                .orElseGet(() -> new MateyException(message + "pass --workspace DIR (the directory holding "
                        + "matey.toml), or run `matey init` to create one."));
    }

    /**
     * Outside a git repository: a workspace in a directory above {@code cwd} (whose target {@code cwd} is), else a
     * Spring Boot application's workspace below it.
     */
    static MateyException outsideGit(Path cwd) {
        Path here = cwd.toAbsolutePath().normalize();
        Optional<MateyException> enclosing = enclosing("No matey.toml in " + here + "; ", here, here);
        if (enclosing.isPresent()) {
            return enclosing.get();
        }
        String message = "No matey.toml in " + here + ", which is not inside a git repository. ";
        return applicationWorkspace(here, here).map(dir -> new MateyException(message + dir
                        + " holds the application's workspace: pass --workspace " + here.relativize(dir) + "."))
                .orElseGet(() -> new MateyException(message + "Run `matey init --engine <engine>` here or pass "
                        + "--workspace DIR (the directory holding matey.toml)."));
    }

    /** The error naming the nearest directory above {@code from} that holds a workspace, if one does. */
    private static Optional<MateyException> enclosing(String message, Path from, Path here) {
        return WorkspaceLoader.enclosingRoot(from).map(dir -> {
            String relative = here.relativize(dir).toString();
            return new MateyException(message + dir + " holds one: pass --workspace "
                    + (relative.isEmpty() ? "." : relative) + ".");
        });
    }

    private static Optional<Path> applicationWorkspace(Path here, Path root) {
        return Stream.of(here, root).distinct().map(dir -> dir.resolve(APPLICATION_WORKSPACE))
                .filter(dir -> WorkspaceLoader.configFile(dir) != null).findFirst();
    }
}
