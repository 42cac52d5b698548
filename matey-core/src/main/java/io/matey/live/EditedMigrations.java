package io.matey.live;

import io.matey.artifact.ArtifactNames;
import io.matey.artifact.LockFileCodec;
import io.matey.artifact.LockFileException;
import io.matey.artifact.LockStep;
import io.matey.artifact.SchemaLock;
import io.matey.schema.SchemaDump;
import io.matey.workspace.GitCommands;
import io.matey.workspace.TargetConfig;
import io.matey.workspace.TargetPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Why a drifted database may differ: a migration it applied was edited afterwards. dbmate's table records versions,
 * not digests, so the database cannot say what it ran; git history can. Walking back through the commits that
 * changed the target's lock, the first one whose lock gives an applied migration another digest than now and whose
 * checkpoint at the applied index is the live schema names the edited files (docs/architecture.md §7). Only the
 * command line asks (JGit is optional in core, and the starter leaves it out).
 */
public final class EditedMigrations {

    /** How far back the history is read: enough for any edit a deploy still runs into, bounded for huge repositories. */
    private static final int COMMITS = 500;

    private EditedMigrations() {
    }

    /**
     * The explanation of {@code drift}, or empty when the database did not drift, its versions do not fit the
     * worktree, the target is not in a git work tree, or no commit explains it that way.
     */
    /** @param git the restore, named for where matey runs */
    public static Optional<String> explain(TargetConfig target, LiveDrift drift, GitCommands git) {
        int index = drift.appliedIndex();
        if (!drift.drifted() || !drift.prefix().consistent() || index == 0) {
            return Optional.empty();
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(target.dir().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repo = builder.build()) {
            if (repo.isBare() || repo.resolve("HEAD") == null) {
                return Optional.empty();
            }
            String prefix = repo.getWorkTree().toPath().toRealPath().relativize(target.dir().toRealPath()).toString()
                    .replace('\\', '/');
            String dir = prefix.isEmpty() ? "" : prefix + "/";
            SchemaLock current = LockFileCodec.parse(Files.readAllBytes(target.dir().resolve(ArtifactNames.LOCK_FILE)));
            return search(repo, dir, current.steps().subList(0, index), drift.liveSql(), target.name(), git);
        } catch (IOException | LockFileException e) {
            // A hint only: history that cannot be read explains nothing, and the drift itself is still reported.
            return Optional.empty();
        }
    }

    private static Optional<String> search(Repository repo, String dir, List<LockStep> applied, String live,
            String target, GitCommands git)
            throws IOException, LockFileException {
        try (RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(repo.resolve("HEAD")));
            walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(dir + ArtifactNames.LOCK_FILE), TreeFilter.ANY_DIFF));
            int seen = 0;
            for (RevCommit commit : walk) {
                if (++seen > COMMITS) {
                    break;
                }
                byte[] lockBytes = blob(repo, commit, dir + ArtifactNames.LOCK_FILE);
                List<LockStep> then = lockBytes == null ? List.of() : LockFileCodec.parse(lockBytes).steps();
                List<String> edited = edited(then, applied);
                if (edited.isEmpty()) {
                    continue;
                }
                byte[] checkpoint = blob(repo, commit, dir + then.get(applied.size() - 1).checkpointFile());
                if (checkpoint != null && SchemaDump.sameSchema(live, new String(checkpoint, StandardCharsets.UTF_8))) {
                    return Optional.of(message(edited, commit, applied.size(), target, git));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The applied migrations whose digest differs between a lock of the past and now; empty when that lock is
     * shorter or names other migrations (a rename is not an edit this can vouch for).
     */
    private static List<String> edited(List<LockStep> then, List<LockStep> applied) {
        List<String> edited = new ArrayList<>();
        if (then.size() < applied.size()) {
            return edited;
        }
        for (int i = 0; i < applied.size(); i++) {
            LockStep old = then.get(i);
            LockStep now = applied.get(i);
            if (!old.version().equals(now.version()) || !old.migrationFile().equals(now.migrationFile())) {
                return List.of();
            }
            if (!old.migrationDigest().equals(now.migrationDigest())) {
                edited.add(now.migrationFile());
            }
        }
        return edited;
    }

    private static byte[] blob(Repository repo, RevCommit commit, String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repo, path, commit.getTree())) {
            if (walk == null) {
                return null;
            }
            ObjectId id = walk.getObjectId(0);
            return repo.open(id).getBytes();
        }
    }

    private static String message(List<String> edited, RevCommit commit, int index, String target, GitCommands git) {
        boolean one = edited.size() == 1;
        String id = commit.abbreviate(8).name();
        return (one ? "Migration " : "Migrations ") + String.join(", ", edited) + (one ? " was" : " were")
                + " edited after this database applied " + (one ? "it" : "them") + ": the live schema is the "
                + "committed state at index " + index + " as of commit " + id + " (\"" + commit.getShortMessage()
                + "\"), and " + (one ? "that file has" : "those files have") + " changed since. A migration that has "
                + "been applied must not be edited (the database will not run it again): restore "
                + (one ? "it" : "them") + " with `" + git.command("checkout " + id + " --", edited) + "`, put the change in a new migration (`matey db new NAME" + TargetPaths.option(target)
                + "`) and run `matey schema apply" + TargetPaths.option(target) + "`.";
    }
}
