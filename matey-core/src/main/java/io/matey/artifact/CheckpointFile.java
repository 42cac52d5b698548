package io.matey.artifact;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A checkpoint of a snapshot, known by its digest. Each checkpoint holds the whole schema after its migration, so
 * a long history's checkpoints together outgrow any small heap: a worktree snapshot digests each file as it reads
 * it and reads it again only when its text is needed (docs/architecture.md §4).
 */
public final class CheckpointFile {

    private final Path file;
    private final byte[] bytes;
    private final long size;
    private final String digest;
    private final OptionalInt conflictLine;
    /** {@link Engine#earlierDumpText} by the id of each engine that finds some: almost always none. */
    private final Map<String, String> earlierDumpText;

    private CheckpointFile(Path file, byte[] bytes, byte[] content) {
        this.file = file;
        this.bytes = bytes;
        this.size = content.length;
        this.digest = Digests.textDigest(content).orElse(null);
        this.conflictLine = ConflictMarkers.firstLine(content);
        this.earlierDumpText = earlierDumpText(content);
    }

    /** A worktree file, digested (and searched for conflict markers) now and not kept. */
    static CheckpointFile read(Path file) throws IOException {
        return new CheckpointFile(file, null, Files.readAllBytes(file));
    }

    /** Content already in memory (a git tree, a test), kept as a copy. */
    static CheckpointFile of(byte[] content) {
        byte[] copy = content.clone();
        return new CheckpointFile(null, copy, copy);
    }

    /** {@link Digests#sqlDigest} of the text, as the lock records it; empty when the file is not valid UTF-8. */
    public Optional<String> digest() {
        return Optional.ofNullable(digest);
    }

    /** The line of the first git merge conflict in the file ({@link ConflictMarkers}); empty when it holds none. */
    OptionalInt conflictLine() {
        return conflictLine;
    }

    /** What it states that only an earlier release's dumps of {@code engine} wrote ({@link ForeignArtifacts}), if anything. */
    Optional<String> earlierDumpText(Engine engine) {
        return Optional.ofNullable(earlierDumpText.get(engine.id()));
    }

    private static Map<String, String> earlierDumpText(byte[] content) {
        Map<String, String> found = new HashMap<>();
        for (Engine engine : Engines.all()) {
            engine.earlierDumpText(content).ifPresent(words -> found.put(engine.id(), words));
        }
        return found.isEmpty() ? Map.of() : found;
    }

    /** The length in bytes. */
    public long size() {
        return size;
    }

    /**
     * The content as digested. A worktree file is read again; one that changed since the snapshot was taken is
     * refused, so that a command never mixes two versions of the artifacts.
     */
    public byte[] bytes() {
        if (bytes != null) {
            return bytes.clone();
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MateyException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (content.length != size || !Objects.equals(Digests.textDigest(content).orElse(null), digest)) {
            throw new MateyException(file + " changed while this command was using it (another matey writing the "
                    + "artifacts?); run the command again.");
        }
        return content;
    }
}
