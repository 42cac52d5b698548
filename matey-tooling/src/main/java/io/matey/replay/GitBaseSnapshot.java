package io.matey.replay;

import io.matey.artifact.Snapshot;
import io.matey.error.InvalidUtf8;
import io.matey.error.MateyException;
import io.matey.error.NonUtf8Name;
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
            return readTree(repo, base, prefix, targetName, ref);
        } catch (IllegalArgumentException | IOException e) {
            throw new MateyException("Cannot read git history for --base " + ref + ": " + e.getMessage(), e);
        }
    }

    private static RevCommit mergeBase(Repository repo, String ref) throws IOException {
        if (ref.indexOf('\uFFFD') >= 0) {
            throw new MateyException("--base " + ref + ": the ref name given is not UTF-8 (the bytes Java could not "
                    + "decode show as \uFFFD), and git names refs in UTF-8. Name the branch, tag or commit in UTF-8, "
                    + "or by its commit id (`git rev-parse`).");
        }
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

    private static Snapshot readTree(Repository repo, RevCommit commit, String prefix, String targetName, String ref)
            throws IOException {
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
                requireUtf8(walk.getRawPath(), commit, ref);
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

    /**
     * Refuses a path that is not UTF-8: JGit would decode it in another character set, so it would name a file that
     * exists neither in the tree nor in the worktree (docs/architecture.md §4, as {@link NonUtf8Name} for the worktree).
     */
    private static void requireUtf8(byte[] path, RevCommit commit, String ref) {
        InvalidUtf8 bad = InvalidUtf8.find(path);
        if (bad != null) {
            throw new MateyException("--base " + ref + ": the merge base " + commit.abbreviate(8).name() + " holds "
                    + NonUtf8Name.escaped(path) + ", whose path is not UTF-8 (byte 0x" + String.format("%02X", bad.value())
                    + " at offset " + bad.offset() + " of the path), and Matey names files in UTF-8. Rename it in a "
                    + "commit both branches share, or compare with a ref whose merge base holds UTF-8 names only.");
        }
    }
}
