package io.matey.lint;

import io.matey.lint.Finding.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects one target's findings. Findings in migration files can be accepted on purpose with a nolint comment:
 * those are dropped here and the rest say how to accept them. Findings about artifacts cannot be silenced (they
 * mean the artifacts are wrong) and say how to fix them instead.
 */
final class Findings {

    private final String target;
    private final Map<String, Nolint> nolintByPath;
    private final List<Finding> findings = new ArrayList<>();

    Findings(String target, Map<String, Nolint> nolintByPath) {
        this.target = target;
        this.nolintByPath = nolintByPath;
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

    List<Finding> sorted() {
        return findings.stream().sorted(Finding.ORDER).toList();
    }
}
