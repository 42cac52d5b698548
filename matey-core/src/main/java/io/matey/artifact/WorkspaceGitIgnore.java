package io.matey.artifact;

import io.matey.engine.sqlite.SqliteEngine;
import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Keeps what Matey changes on every run out of git: the journal directories ({@code <target>/.matey/}, transient),
 * matched in every target by one {@code .matey/} line, and the lock file beside a SQLite database
 * ({@code <db>.matey-lock}), rewritten by each command that takes the migration lock, matched by
 * {@code *.matey-lock}. {@code init} adds the lines missing from the workspace's {@code .gitignore}.
 */
public final class WorkspaceGitIgnore {

    private static final String JOURNAL = ArtifactJournal.RESERVED_DIR + "/";
    private static final String SQLITE_LOCK = "*" + SqliteEngine.LOCK_FILE_SUFFIX;
    private static final String FILE = ".gitignore";

    private WorkspaceGitIgnore() {
    }

    /** Creates {@code .gitignore} or appends the lines it lacks; the file when written. */
    public static Path ensure(Path workspaceRoot) {
        Path file = workspaceRoot.resolve(FILE);
        try {
            String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            Set<String> present = Set.copyOf(text.lines().map(String::strip).toList());
            StringBuilder missing = new StringBuilder();
            if (!present.contains(JOURNAL) && !present.contains(ArtifactJournal.RESERVED_DIR)) {
                missing.append(JOURNAL).append('\n');
            }
            if (!present.contains(SQLITE_LOCK)) {
                missing.append(SQLITE_LOCK).append('\n');
            }
            if (missing.isEmpty()) {
                return null;
            }
            String separator = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
            Files.writeString(file, text + separator + missing, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new MateyException("Cannot add " + JOURNAL + " and " + SQLITE_LOCK + " to " + file + ": "
                    + e.getMessage());
        }
    }
}
