package io.matey.ci;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The branch a generated pipeline runs on pushes to, and whose migrations its {@code lint --base} compares with
 * (L109): the remote's default branch ({@code origin/HEAD}), else the
 * branch checked out, else {@code main} (docs/architecture.md §2).
 */
final class DefaultBranch {

    static final String FALLBACK = "main";

    private DefaultBranch() {
    }

    static String of(Path repoRoot) {
        try (Repository repo = new FileRepositoryBuilder().setWorkTree(repoRoot.toFile()).setMustExist(true).build()) {
            return remoteHead(repo).or(() -> checkedOut(repo)).orElse(FALLBACK);
        } catch (IOException | IllegalArgumentException notARepository) {
            return FALLBACK;
        }
    }

    private static Optional<String> remoteHead(Repository repo) {
        try {
            Ref head = repo.exactRef(Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/" + Constants.HEAD);
            String prefix = Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/";
            return head != null && head.isSymbolic() && head.getTarget().getName().startsWith(prefix)
                    ? Optional.of(head.getTarget().getName().substring(prefix.length())) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** The checked-out branch, also before its first commit; none when HEAD is detached. */
    private static Optional<String> checkedOut(Repository repo) {
        try {
            String full = repo.getFullBranch();
            return full != null && full.startsWith(Constants.R_HEADS)
                    ? Optional.of(full.substring(Constants.R_HEADS.length())) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }
}
