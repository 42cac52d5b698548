package io.matey.replay;

import io.matey.error.FileFailure;
import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files {@code schema apply} must write or delete so that a target holds exactly the desired artifacts:
 * files whose bytes differ, and checkpoints that belong to no migration any more.
 *
 * @param staged checkpoints that differ, already staged in the journal by the replay ({@link CheckpointSink})
 */
public record ArtifactChanges(Map<String, byte[]> writes, Set<String> staged, Set<String> deletes) {

    /**
     * @param desired files to compare with the target's
     * @param staged  checkpoints already found to differ
     * @param kept    checkpoints known to be as they must be
     */
    public static ArtifactChanges between(Path targetDir, Map<String, byte[]> desired, Set<String> staged,
            Set<String> kept) {
        Map<String, byte[]> writes = new TreeMap<>();
        desired.forEach((path, bytes) -> {
            if (!Arrays.equals(read(targetDir.resolve(path)), bytes)) {
                writes.put(path, bytes);
            }
        });
        Set<String> deletes = new TreeSet<>();
        Path checkpoints = targetDir.resolve("checkpoints");
        if (Files.isDirectory(checkpoints)) {
            try (Stream<Path> files = Files.walk(checkpoints)) {
                files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".sql"))
                        .map(p -> targetDir.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> !desired.containsKey(p) && !staged.contains(p) && !kept.contains(p))
                        .forEach(deletes::add);
            } catch (IOException e) {
                throw new MateyException("Cannot list " + checkpoints + ": " + FileFailure.detail(checkpoints, e));
            }
        }
        return new ArtifactChanges(writes, staged, deletes);
    }

    /** A target file's text as it is now, empty when it is missing. */
    static String text(Path file) {
        byte[] bytes = read(file);
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            throw new MateyException("Cannot read " + file + ": " + FileFailure.detail(file, e));
        }
    }

    public boolean isEmpty() {
        return writes.isEmpty() && staged.isEmpty() && deletes.isEmpty();
    }

    /** Every written or deleted path, sorted. */
    public Set<String> paths() {
        Set<String> paths = new TreeSet<>(writes.keySet());
        paths.addAll(staged);
        paths.addAll(deletes);
        return paths;
    }
}
