package io.matey.codegen.java;

import io.matey.error.MateyException;
import io.matey.workspace.TargetConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Java files Matey generated anywhere in a target: those whose first line is the generated marker, so a
 * hand-written class is never taken for one. The whole target is searched, because the package, the output
 * directory or the generator may have changed since a file was written; nested targets, the journal's directory
 * and {@code .git} are not Matey's to clean.
 */
public final class GeneratedSources {

    private static final Set<String> SKIPPED = Set.of(".matey", ".git");

    private GeneratedSources() {
    }

    /** Target-relative paths, '/'-separated, in order. */
    public static Set<String> in(Path targetDir) {
        Set<String> found = new TreeSet<>();
        if (!Files.isDirectory(targetDir)) {
            return found;
        }
        try {
            Files.walkFileTree(targetDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean other = !dir.equals(targetDir) && (SKIPPED.contains(dir.getFileName().toString())
                            || Files.isRegularFile(dir.resolve(TargetConfig.CONFIG_FILE)));
                    return other ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".java") && isGenerated(file)) {
                        found.add(targetDir.relativize(file).toString().replace('\\', '/'));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new MateyException("Cannot search " + targetDir + " for generated models: " + e.getMessage(), e);
        }
        return found;
    }

    private static boolean isGenerated(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return JavaText.MARKER.equals(reader.readLine());
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
