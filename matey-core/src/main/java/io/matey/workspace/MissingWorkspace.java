package io.matey.workspace;

import io.matey.error.MateyException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The error of a command that needs a workspace where discovery found no {@code matey.toml}: it names the
 * directories looked in and, when an enclosing directory holds one, the {@code --workspace} that reaches it
 * (a target's directory inside a workspace that is not the git root).
 */
final class MissingWorkspace {

    private MissingWorkspace() {
    }

    static MateyException error(Path root, Optional<Path> gitRoot, Path cwd) {
        Path here = cwd.toAbsolutePath().normalize();
        // discovery falls back to the git root when the cwd holds no matey.toml
        boolean fellBack = gitRoot.filter(root::equals).isPresent() && !root.equals(here) && here.startsWith(root);
        String where = fellBack ? here + " or at the git root " + root : root.toString();
        String message = "No matey.toml in " + where + "; ";
        for (Path dir = (fellBack ? here : root).getParent(); dir != null && gitRoot.map(dir::startsWith).orElse(true);
                dir = dir.getParent()) {
            if (WorkspaceLoader.configFile(dir) != null) {
                String relative = here.relativize(dir).toString();
                return new MateyException(message + dir + " holds one: pass --workspace "
                        + (relative.isEmpty() ? "." : relative) + ".");
            }
        }
        return new MateyException(message + "pass --workspace DIR (the directory holding matey.toml), or run "
                + "`matey init` to create one.");
    }
}
