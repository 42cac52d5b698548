package io.matey.artifact;

import io.matey.engine.LockNotices;
import io.matey.error.FileFailure;
import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes a set of artifact files so that a crash at any instant leaves either the old or the new set once
 * {@link #recover()} has run: files are staged and backed up in {@code <target>/.matey/tx/<id>/}, then renamed
 * into place under the {@code applying} state, which recovery rolls back.
 */
public final class ArtifactJournal {

    static final String RESERVED_DIR = ".matey";

    private final Path targetDir;
    private final LockNotices notices;
    /** Told each completed step; tests throw from it to simulate a crash right after that step. */
    private final Consumer<String> probe;

    /** @param notices where a wait for the target lock is told */
    public ArtifactJournal(Path targetDir, LockNotices notices) {
        this(targetDir, notices, step -> { });
    }

    ArtifactJournal(Path targetDir, LockNotices notices, Consumer<String> probe) {
        this.targetDir = targetDir;
        this.notices = notices;
        this.probe = probe;
    }

    /**
     * Atomically replaces {@code writes} (target-relative POSIX path → new content) and removes {@code deletes}.
     * Recovers an earlier interrupted write first. On an I/O error the target is rolled back before throwing.
     *
     * @return the directories the deletions emptied and removed, as {@link Staging#commit} returns them
     */
    public List<String> commit(Map<String, byte[]> writes, Set<String> deletes) {
        try (TargetLock lock = TargetLock.acquire(targetDir, notices); Staging staging = stage()) {
            return staging.commit(writes, deletes);
        }
    }

    /**
     * Opens a transaction whose files are staged one by one as they are produced, so that a long replay holds none
     * of them in memory (docs/architecture.md §4). {@link Staging#commit} puts them in place; closing without a
     * commit discards them, as recovery discards a transaction that never reached {@code prepared}. Recovers an
     * earlier interrupted write first; the caller holds the target lock until the staging is closed.
     */
    public Staging stage() {
        recover();
        Instant now = Instant.now();
        long createdNs = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        String id = createdNs + "-" + UUID.randomUUID().toString().replace("-", "");
        return new Staging(new JournalTransaction(targetDir.resolve(RESERVED_DIR).resolve("tx").resolve(id)),
                createdNs);
    }

    /** The files of one transaction staged so far. */
    public final class Staging implements AutoCloseable {

        private final JournalTransaction transaction;
        private final long createdNs;
        private final AtomicFiles.DirectorySyncs syncs = new AtomicFiles.DirectorySyncs();
        private final Set<String> staged = new TreeSet<>(CodePointOrder.INSTANCE);
        private boolean finished;

        private Staging(JournalTransaction transaction, long createdNs) {
            this.transaction = transaction;
            this.createdNs = createdNs;
        }

        /** Stages {@code bytes} as the new content of {@code path} (target-relative POSIX path). */
        public void write(String path, byte[] bytes) {
            validate(List.of(path), List.of());
            try {
                AtomicFiles.writeFlushed(transaction.staged(path), bytes, syncs);
            } catch (IOException e) {
                throw new MateyException("Writing artifacts in " + targetDir + " failed: "
                        + FileFailure.detail(targetDir, e) + "; nothing was changed", e);
            }
            staged.add(path);
            probe.accept("stage " + path);
        }

        /** What {@link #write} staged as {@code path}. */
        public byte[] read(String path) {
            try {
                return Files.readAllBytes(transaction.staged(path));
            } catch (IOException e) {
                throw new MateyException("Reading the staged " + path + " in " + targetDir + " failed: "
                        + FileFailure.detail(targetDir, e), e);
            }
        }

        /**
         * Stages {@code writes} too, then atomically puts every staged file in place and removes {@code deletes}.
         * On an I/O error the target is rolled back before throwing.
         *
         * @return the directories the deletions emptied and removed (target-relative, '/'-terminated, sorted),
         *         outermost only: a removed directory's removed subdirectories are not listed
         */
        public List<String> commit(Map<String, byte[]> writes, Set<String> deletes) {
            for (String path : sorted(writes.keySet())) {
                write(path, writes.get(path));
            }
            List<String> writePaths = List.copyOf(staged);
            List<String> deletePaths = sorted(deletes);
            validate(writePaths, deletePaths);
            if (writePaths.isEmpty() && deletePaths.isEmpty()) {
                return List.of();
            }
            List<String> removed = apply(transaction, createdNs, syncs, writePaths, deletePaths);
            finished = true;
            finish(transaction);
            return removed;
        }

        /**
         * Discards what was staged unless the transaction got a state: from {@code prepared} on, only recovery may
         * decide (an exception thrown while applying leaves it to the next command, as a crash would).
         */
        @Override
        public void close() {
            if (finished) {
                return;
            }
            try {
                if (Files.isDirectory(transaction.dir(), LinkOption.NOFOLLOW_LINKS)) {
                    if (transaction.readState().isPresent()) {
                        return;
                    }
                    transaction.deleteTree();
                }
                JournalRecovery.deleteEmptyJournalDirs(targetDir);
            } catch (IOException e) {
                throw new MateyException("Cannot remove the staged artifacts in " + transaction.dir() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Rolls back an interrupted {@code applying} transaction and discards every other journal entry. */
    public void recover() {
        try (TargetLock lock = TargetLock.acquire(targetDir, notices)) {
            new JournalRecovery(targetDir, probe).run();
        } catch (IOException e) {
            throw new MateyException("Transaction recovery failed in " + targetDir + ": " + e.getMessage(), e);
        }
    }

    static boolean isReserved(String path) {
        return path.equals(RESERVED_DIR) || path.startsWith(RESERVED_DIR + "/");
    }

    /**
     * Backs up, then puts the staged files in place under the {@code applying} state; returns the outermost
     * directories the deletions emptied and removed.
     */
    private List<String> apply(JournalTransaction transaction, long createdNs, AtomicFiles.DirectorySyncs syncs,
            List<String> writePaths, List<String> deletePaths) {
        Set<String> removed = new TreeSet<>(CodePointOrder.INSTANCE);
        try {
            for (String path : union(writePaths, deletePaths)) {
                Path current = targetDir.resolve(path);
                if (Files.isRegularFile(current, LinkOption.NOFOLLOW_LINKS)) {
                    AtomicFiles.writeFlushed(transaction.backup(path), Files.readAllBytes(current), syncs);
                    probe.accept("backup " + path);
                }
            }
            syncs.flush(); // staged files and backups are durable before the manifest can point at them
            transaction.writeManifest(new JournalManifest(createdNs, writePaths, deletePaths));
            probe.accept("manifest");
            transaction.writeState(JournalState.PREPARED);
            probe.accept("prepared");
            transaction.writeState(JournalState.APPLYING);
            probe.accept("applying");
            for (String path : writePaths) {
                AtomicFiles.move(transaction.staged(path), targetDir.resolve(path), syncs);
                probe.accept("write " + path);
            }
            for (String path : deletePaths) {
                AtomicFiles.delete(targetDir.resolve(path), syncs);
                removeEmptyParents(targetDir.resolve(path), syncs, removed);
                probe.accept("delete " + path);
            }
            syncs.flush(); // every rename and removal is durable before the journal says committed
            transaction.writeState(JournalState.COMMITTED);
            probe.accept("committed");
            return outermost(removed);
        } catch (IOException e) {
            MateyException failure = new MateyException(
                    "Writing artifacts in " + targetDir + " failed: " + FileFailure.detail(targetDir, e)
                            + "; changes rolled back", e);
            try {
                recover();
            } catch (RuntimeException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
    }

    /** The new files are in place; what remains is removing the journal, which recovery would also do. */
    private void finish(JournalTransaction transaction) {
        try {
            transaction.forget();
            probe.accept("forgotten");
            transaction.deleteTree();
            JournalRecovery.deleteEmptyJournalDirs(targetDir);
        } catch (IOException e) {
            throw new MateyException("Artifacts were written in " + targetDir
                    + " but their journal could not be removed: " + e.getMessage(), e);
        }
    }

    /**
     * Removes the directories a deletion left empty, up to the target directory: a Java package's folders and the
     * output directory such as {@code models/} when codegen stops writing there. A directory holding anything else
     * stays, and so does {@code checkpoints/}, which {@code init} creates for every target; a rollback's restore
     * creates them again.
     */
    private void removeEmptyParents(Path deleted, AtomicFiles.DirectorySyncs syncs, Set<String> removed)
            throws IOException {
        Path checkpoints = targetDir.resolve(ArtifactNames.CHECKPOINTS_DIR);
        for (Path dir = deleted.getParent(); !dir.equals(targetDir) && !dir.equals(checkpoints)
                && dir.startsWith(targetDir) && AtomicFiles.isEmptyDirectory(dir); dir = dir.getParent()) {
            Files.delete(dir);
            syncs.add(dir.getParent());
            removed.add(targetDir.relativize(dir).toString().replace('\\', '/') + "/");
        }
    }

    /** Drops each directory whose parent is listed too. */
    private static List<String> outermost(Set<String> removed) {
        List<String> outermost = new ArrayList<>();
        for (String dir : removed) {
            int slash = dir.lastIndexOf('/', dir.length() - 2);
            if (slash < 0 || !removed.contains(dir.substring(0, slash + 1))) {
                outermost.add(dir);
            }
        }
        return outermost;
    }

    private void validate(List<String> writePaths, List<String> deletePaths) {
        Set<String> both = new TreeSet<>(CodePointOrder.INSTANCE);
        both.addAll(writePaths);
        both.retainAll(deletePaths);
        if (!both.isEmpty()) {
            throw new MateyException("Paths cannot be in both writes and deletes in one transaction: "
                    + String.join(", ", both));
        }
        for (String path : union(writePaths, deletePaths)) {
            if (!RelativePath.isCanonical(path)) {
                throw new MateyException("Artifact path must be relative, inside the target and without '.' or '..' "
                        + "segments: '" + path + "'");
            }
            if (isReserved(path)) {
                throw new MateyException("Artifact path is inside the reserved " + RESERVED_DIR + " directory: " + path);
            }
            Path current = targetDir;
            for (String segment : path.split("/")) {
                current = current.resolve(segment);
                if (Files.isSymbolicLink(current)) {
                    throw new MateyException("Refusing to write through symlink: " + current);
                }
            }
            if (Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                throw new MateyException("Artifact path is a directory: " + current);
            }
        }
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new TreeSet<>(CodePointOrder.INSTANCE);
        all.addAll(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static List<String> sorted(Collection<String> paths) {
        return paths.stream().sorted(CodePointOrder.INSTANCE).toList();
    }
}
