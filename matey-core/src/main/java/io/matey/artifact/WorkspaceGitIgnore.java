package io.matey.artifact;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps what Matey changes on every run out of git: the journal directories ({@code <target>/.matey/}, transient),
 * matched in every target by one {@code .matey/} line, and the files engines write beside a database
 * ({@link Engine#gitIgnoredFiles}: the lock file beside a SQLite database, {@code <db>.matey-lock}, rewritten by each
 * command that takes the migration lock, matched by {@code *.matey-lock}). {@code init} adds the lines missing from
 * the workspace's {@code .gitignore}, and {@code *.matey-lock} to the repository root's when the workspace lies deeper: the database, and its lock file, is
 * wherever the application opens it (its working directory, for a Spring Boot application whose workspace is
 * {@code src/main/resources/db/matey}), which the workspace's {@code .gitignore} does not cover.
 */
public final class WorkspaceGitIgnore {

    private static final String JOURNAL = ArtifactJournal.RESERVED_DIR + "/";
    private static final List<String> ENGINE_FILES = engineFiles();
    private static final String FILE = ".gitignore";

    private WorkspaceGitIgnore() {
    }

    /** Creates the workspace's {@code .gitignore} or appends the lines it lacks; the file when written. */
    public static Path ensure(Path workspaceRoot) {
        return ensure(workspaceRoot.resolve(FILE), true);
    }

    /**
     * {@code *.matey-lock} in the repository root's {@code .gitignore} (created when missing), unless the workspace
     * is that root; the file when written.
     */
    public static Path ensureRepository(Path gitRoot, Path workspaceRoot) {
        return gitRoot.equals(workspaceRoot) ? null : ensure(gitRoot.resolve(FILE), false);
    }

    private static Path ensure(Path file, boolean journal) {
        try {
            String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            Set<String> present = Set.copyOf(text.lines().map(String::strip).toList());
            StringBuilder missing = new StringBuilder();
            if (journal && !present.contains(JOURNAL) && !present.contains(ArtifactJournal.RESERVED_DIR)) {
                missing.append(JOURNAL).append('\n');
            }
            for (String pattern : ENGINE_FILES) {
                if (!present.contains(pattern)) {
                    missing.append(pattern).append('\n');
                }
            }
            if (missing.isEmpty()) {
                return null;
            }
            String separator = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
            Files.writeString(file, text + separator + missing, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new MateyException("Cannot add " + missing(journal) + " to " + file + ": " + e.getMessage());
        }
    }

    private static String missing(boolean journal) {
        String files = String.join(" and ", ENGINE_FILES);
        return journal ? JOURNAL + (files.isEmpty() ? "" : " and " + files) : files;
    }

    private static List<String> engineFiles() {
        List<String> patterns = new ArrayList<>();
        for (Engine engine : Engines.all()) {
            Optional<String> pattern = engine.gitIgnoredFiles();
            if (pattern.isPresent() && !patterns.contains(pattern.get())) {
                patterns.add(pattern.get());
            }
        }
        return List.copyOf(patterns);
    }
}
