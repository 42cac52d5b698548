package io.matey.lint;

import io.matey.lint.Finding.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects one target's findings. Findings in migration files can be accepted on purpose with a nolint comment:
 * those are dropped here and the rest say how to accept them. Findings about artifacts, and those every command
 * that runs migrations refuses whatever a comment says (RunnableMigrations), cannot be silenced and say how to fix
 * them instead.
 */
final class Findings {

    private final String target;
    private final Map<String, Nolint> nolintByPath;
    private final boolean nonDbmateFilesRun;
    private final boolean dbmateItself;
    private final List<Finding> findings = new ArrayList<>();

    /** @param nonDbmateFilesRun the target's {@code allow_non_dbmate_files}: files dbmate refuses run as Matey reads them */
    Findings(String target, Map<String, Nolint> nolintByPath, boolean nonDbmateFilesRun) {
        this(target, nolintByPath, nonDbmateFilesRun, false);
    }

    private Findings(String target, Map<String, Nolint> nolintByPath, boolean nonDbmateFilesRun, boolean dbmateItself) {
        this.target = target;
        this.nolintByPath = nolintByPath;
        this.nonDbmateFilesRun = nonDbmateFilesRun;
        this.dbmateItself = dbmateItself;
    }

    /** For {@code matey dbmate}, which has no target and no config.toml: a refusal's hint is the fix alone. */
    static Findings ofDbmate() {
        return new Findings("", Map.of(), false, true);
    }

    /** A finding in a migration file; {@code line} null when it concerns the whole file. */
    void add(Level level, String code, String path, Integer line, String message) {
        add(level, code, path, line, message, null);
    }

    /** A finding a comment can silence, with the fix to make otherwise ({@code fix} null when there is none). */
    void add(Level level, String code, String path, Integer line, String message, String fix) {
        if (nolintByPath.getOrDefault(path, Nolint.NONE).silences(code, line)) {
            return;
        }
        String directive = "\"-- matey:nolint " + code + "\"";
        String accept = line != null
                ? "add " + directive + " on the line above to accept this on purpose"
                : "add " + directive + " above -- migrate:up to accept this for the whole file";
        findings.add(new Finding(level, code, target, path, line, message, fix == null ? accept : fix + "; or " + accept));
    }

    /** A finding no comment can silence, with what to do about it. */
    void addWithFix(Level level, String code, String path, Integer line, String message, String fix) {
        findings.add(new Finding(level, code, target, path, line, message, fix));
    }

    /**
     * A file dbmate refuses or never runs (L008, L009, L010): a comment can accept it only where
     * {@code allow_non_dbmate_files} lets the commands run it; elsewhere they refuse it, so the hint says what works.
     */
    void addDbmateRefusal(Level level, String code, String path, Integer line, String message, String fix) {
        if (nonDbmateFilesRun) {
            add(level, code, path, line, message);
        } else if (dbmateItself) {
            addWithFix(level, code, path, line, message, fix);
        } else {
            addWithFix(level, code, path, line, message, fix + ", or set allow_non_dbmate_files = true in config.toml "
                    + "to run it as Matey reads it (dbmate would not)");
        }
    }

    List<Finding> sorted() {
        return findings.stream().sorted(Finding.ORDER).toList();
    }
}
