package io.matey.spring.boot.autoconfigure;

import java.util.List;

/** Shared wording of Matey's failure analyses. */
final class FailureText {

    /** A start-up report must stay readable: the endpoint and {@code matey db plan --diff} give the whole diff. */
    static final int DIFF_LINES = 40;

    static final String DISABLE = "Set matey.enabled=false to start without Matey.";

    private FailureText() {
    }

    /** {@code 'db/core' (jdbc:postgresql://host/db)}. */
    static String subject(TargetReport report) {
        return "'" + report.target() + "' (" + report.connection() + ")";
    }

    static String shortDiff(String diff) {
        List<String> lines = diff.lines().toList();
        if (lines.size() <= DIFF_LINES) {
            return String.join("\n", lines);
        }
        return String.join("\n", lines.subList(0, DIFF_LINES)) + "\n... (" + (lines.size() - DIFF_LINES)
                + " more lines)";
    }

    static String indent(String text) {
        return text.lines().map(line -> "    " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
