package io.matey.replay;

import io.matey.artifact.Snapshot;
import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/** Reads a target's files as they were at the merge base of HEAD and a given ref ({@code --base REF}). */
public final class GitBaseSnapshot {

    private GitBaseSnapshot() {
    }

    /** The snapshot of {@code targetDir} at merge-base(HEAD, ref); empty when the directory did not exist there. */
    public static Snapshot read(Path targetDir, String targetName, String ref) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(targetDir.toFile()).setMustExist(true);
        if (builder.getGitDir() == null) {
            throw new MateyException("--base " + ref + " compares with git history, but " + targetDir
                    + " is not inside a git repository. Run it in a git checkout, or leave out --base.");
        }
        try (Repository repo = builder.build()) {
            if (repo.getWorkTree() == null) {
                throw new MateyException("--base needs a git work tree; " + targetDir + " is not inside one.");
            }
            RevCommit base = mergeBase(repo, ref);
            String prefix = repo.getWorkTree().toPath().toRealPath()
                    .relativize(targetDir.toRealPath()).toString().replace('\\', '/');
            return readTree(repo, base, prefix, targetName);
        } catch (IllegalArgumentException | IOException e) {
            throw new MateyException("Cannot read git history for --base " + ref + ": " + e.getMessage(), e);
        }
    }

    private static RevCommit mergeBase(Repository repo, String ref) throws IOException {
        ObjectId head = repo.resolve("HEAD");
        ObjectId other = repo.resolve(ref);
        if (head == null) {
            throw new MateyException("--base needs a commit at HEAD; the repository has none yet.");
        }
        if (other == null) {
            throw new MateyException("Unknown git ref '" + ref + "'. Name a branch, tag or commit this clone has; a "
                    + "remote branch such as origin/main needs `git fetch origin main` first (a CI checkout may hold only "
                    + "the branch it builds).");
        }
        try (RevWalk walk = new RevWalk(repo)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(head));
            walk.markStart(walk.parseCommit(other));
            RevCommit base = walk.next();
            if (base == null) {
                throw new MateyException("No merge base between HEAD (" + head.abbreviate(8).name() + ") and " + ref
                        + " (" + other.abbreviate(8).name() + ").");
            }
            return base;
        }
    }

    private static Snapshot readTree(Repository repo, RevCommit commit, String prefix, String targetName) throws IOException {
        Map<String, byte[]> migrations = new TreeMap<>();
        Map<String, byte[]> checkpoints = new TreeMap<>();
        byte[] schema = null;
        byte[] lock = null;
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            if (!prefix.isEmpty()) {
                walk.setFilter(PathFilter.create(prefix));
            }
            while (walk.next()) {
                String path = prefix.isEmpty() ? walk.getPathString() : walk.getPathString().substring(prefix.length() + 1);
                boolean relevant = path.equals("schema.sql") || path.equals("schema.lock.toml")
                        || (path.endsWith(".sql") && (path.startsWith("migrations/") || path.startsWith("checkpoints/")));
                if (!relevant) {
                    continue;
                }
                if (walk.getFileMode(0) == FileMode.SYMLINK) {
                    throw new MateyException("Refusing to read symlinked file in git tree: " + walk.getPathString());
                }
                byte[] bytes = repo.open(walk.getObjectId(0)).getBytes();
                if (path.equals("schema.sql")) {
                    schema = bytes;
                } else if (path.equals("schema.lock.toml")) {
                    lock = bytes;
                } else if (path.startsWith("migrations/")) {
                    migrations.put(path, bytes);
                } else {
                    checkpoints.put(path, bytes);
                }
            }
        }
        return Snapshot.of(targetName, migrations, checkpoints, schema, lock);
    }
}
