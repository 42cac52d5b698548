package io.matey.codegen.java;

import io.matey.error.MateyException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Generated Java files that a new generation no longer produces. Only files whose first line is the generated
 * marker are candidates, so hand-written classes in the same package are never deleted.
 */
public final class StaleRecords {

    private StaleRecords() {
    }

    /**
     * @param directory the target-relative package directory
     * @param generated the target-relative files the new generation produces
     * @return target-relative paths to delete
     */
    public static Set<String> in(Path targetDir, String directory, Set<String> generated) {
        Set<String> stale = new TreeSet<>();
        Path dir = targetDir.resolve(directory);
        if (!Files.isDirectory(dir)) {
            return stale;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String path = directory + "/" + file.getFileName();
                if (path.endsWith(".java") && Files.isRegularFile(file) && !generated.contains(path) && isGenerated(file)) {
                    stale.add(path);
                }
            }
        } catch (IOException e) {
            throw new MateyException("Cannot list generated models in " + dir + ": " + e.getMessage(), e);
        }
        return stale;
    }

    private static boolean isGenerated(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return JavaText.MARKER.equals(reader.readLine());
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
