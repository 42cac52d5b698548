package io.matey.replay;

import io.matey.artifact.ArtifactJournal;
import io.matey.artifact.CheckpointFile;
import io.matey.artifact.Digests;
import io.matey.artifact.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Takes each checkpoint of a replay as it is dumped and keeps only its digest, so that a long history's
 * checkpoints are never all in memory (docs/architecture.md §6): one that differs from the worktree's is staged
 * in the journal by {@code schema apply}, and only noted by {@code schema plan}.
 */
final class CheckpointSink {

    private final Snapshot head;
    private final ArtifactJournal.Staging staging;
    private final Map<String, String> digests = new HashMap<>();
    private final Set<String> changed = new TreeSet<>();

    /** @param staging where changed checkpoints go; null for a plan, which writes nothing */
    CheckpointSink(Snapshot head, ArtifactJournal.Staging staging) {
        this.head = head;
        this.staging = staging;
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
        }
    }

    /** The digest of every checkpoint taken, by path. */
    Map<String, String> digests() {
        return Collections.unmodifiableMap(digests);
    }

    /** The checkpoints that differ from the worktree's (staged for apply). */
    Set<String> changed() {
        return Collections.unmodifiableSet(changed);
    }
}
