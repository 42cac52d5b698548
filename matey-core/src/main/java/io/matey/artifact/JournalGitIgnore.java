package io.matey.artifact;

import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the journal directories ({@code <target>/.matey/}, transient) out of git: {@code init} adds one
 * {@code .matey/} line, which matches them in every target, to the workspace's {@code .gitignore}.
 */
public final class JournalGitIgnore {

    static final String LINE = ArtifactJournal.RESERVED_DIR + "/";
    private static final String FILE = ".gitignore";

    private JournalGitIgnore() {
    }

    /** Creates {@code .gitignore} or appends the line when no line ignores the directory yet; the file when written. */
    public static Path ensure(Path workspaceRoot) {
        Path file = workspaceRoot.resolve(FILE);
        try {
            String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (text.lines().map(String::strip).anyMatch(l -> l.equals(LINE) || l.equals(ArtifactJournal.RESERVED_DIR))) {
                return null;
            }
            String separator = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
            Files.writeString(file, text + separator + LINE + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new MateyException("Cannot add " + LINE + " to " + file + ": " + e.getMessage());
        }
    }
}
