package io.matey.replay;

import io.matey.artifact.ArtifactJournal;
import io.matey.artifact.CheckpointFile;
import io.matey.artifact.Digests;
import io.matey.artifact.Snapshot;
import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Takes each checkpoint of a replay as it is dumped and keeps only its digest, so that a long history's
 * checkpoints are never all in memory (docs/architecture.md §6): one that differs from the worktree's is staged
 * in the journal by {@code schema apply}, and only noted by {@code schema plan}. Its text is read again where it
 * is ({@link #text}) when {@link LoadCheck} bisects: the worktree's file, the journal's, or, for a plan that keeps
 * them, a temporary directory deleted when closed.
 */
final class CheckpointSink implements AutoCloseable {

    private final Snapshot head;
    private final ArtifactJournal.Staging staging;
    private final boolean keepUnstaged;
    private final Map<String, String> digests = new HashMap<>();
    private final Set<String> changed = new TreeSet<>();
    /** A plan's changed checkpoints, by path, kept on disk when {@code keepUnstaged}: they are nowhere else. */
    private final Map<String, Path> unstaged = new HashMap<>();
    private Path unstagedDir;

    /**
     * @param staging      where changed checkpoints go; null for a plan, which writes nothing
     * @param keepUnstaged whether a plan's changed checkpoints are kept for {@link #text}
     */
    CheckpointSink(Snapshot head, ArtifactJournal.Staging staging, boolean keepUnstaged) {
        this.head = head;
        this.staging = staging;
        this.keepUnstaged = keepUnstaged;
    }

    void accept(String path, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String digest = Digests.sqlDigest(bytes);
        digests.put(path, digest);
        CheckpointFile current = head.checkpoints().get(path);
        // Equal digests of the same length are equal bytes: the digest only ever adds the missing final newline.
        if (current != null && current.size() == bytes.length && current.digest().equals(Optional.of(digest))) {
            return;
        }
        changed.add(path);
        if (staging != null) {
            staging.write(path, bytes);
        } else if (keepUnstaged) {
            unstaged.put(path, keep(bytes));
        }
    }

    private Path keep(byte[] bytes) {
        try {
            if (unstagedDir == null) {
                unstagedDir = Files.createTempDirectory("matey-checkpoints");
            }
            return Files.write(unstagedDir.resolve(unstaged.size() + ".sql"), bytes);
        } catch (IOException e) {
            throw new MateyException("Cannot keep the replay's checkpoints in a temporary directory: "
                    + e.getMessage(), e);
        }
    }

    /** The text of the checkpoint taken as {@code path}. */
    String text(String path) {
        byte[] bytes;
        if (!changed.contains(path)) {
            bytes = head.checkpoints().get(path).bytes();
        } else if (staging != null) {
            bytes = staging.read(path);
        } else {
            try {
                bytes = Files.readAllBytes(unstaged.get(path));
            } catch (IOException e) {
                throw new MateyException("Cannot read the replay's checkpoint " + path + " again: " + e.getMessage(), e);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The digest of every checkpoint taken, by path. */
    Map<String, String> digests() {
        return Collections.unmodifiableMap(digests);
    }

    /** The checkpoints that differ from the worktree's (staged for apply). */
    Set<String> changed() {
        return Collections.unmodifiableSet(changed);
    }

    /** Deletes the temporary directory, if any, with every file in it (even one a failed write left). */
    @Override
    public void close() {
        if (unstagedDir == null) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(unstagedDir)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // the directory's deletion below then fails too, as harmlessly
        }
        try {
            Files.deleteIfExists(unstagedDir);
        } catch (IOException e) {
            // a leftover in the system's temporary directory is harmless
        }
    }
}
