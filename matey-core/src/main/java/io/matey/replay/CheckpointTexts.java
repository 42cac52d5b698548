package io.matey.replay;

import io.matey.error.MateyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkpoints of a replay's tail, in order, kept in a temporary directory rather than in memory (a long history's
 * would all be held), for {@link LoadCheck} to load again should the head not load. Deleted when closed.
 */
final class CheckpointTexts implements AutoCloseable {

    private final Path dir;
    private int count;

    CheckpointTexts() {
        try {
            dir = Files.createTempDirectory("matey-checkpoints");
        } catch (IOException e) {
            throw new MateyException("Cannot create a temporary directory for the replay's checkpoints: "
                    + e.getMessage(), e);
        }
    }

    void add(String text) {
        try {
            Files.writeString(dir.resolve(count + ".sql"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        count++;
    }

    int size() {
        return count;
    }

    /** The checkpoint of the tail's {@code index}th migration (from 0). */
    String get(int index) {
        try {
            return Files.readString(dir.resolve(index + ".sql"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < count; i++) {
            try {
                Files.deleteIfExists(dir.resolve(i + ".sql"));
            } catch (IOException e) {
                // a leftover file in the temporary directory is harmless
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // likewise
        }
    }
}
