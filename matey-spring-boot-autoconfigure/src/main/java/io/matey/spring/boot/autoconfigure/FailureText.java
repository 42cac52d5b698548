package io.matey.spring.boot.autoconfigure;

import java.util.List;

/** Shared wording of Matey's failure analyses. */
final class FailureText {

    /** A start-up report must stay readable: the endpoint and {@code matey db plan --diff} give the whole diff. */
    static final int DIFF_LINES = 40;

    static final String DISABLE = "Set matey.enabled=false to start without Matey.";

    private FailureText() {
    }

    /** {@code 'db/core' (postgres://app@host:5432/db)}. */
    static String subject(TargetReport report) {
        return "'" + report.target() + "' (" + report.connection() + ")";
    }

    /** {@code --path TARGET --url URL}: the database of a report, as live commands take it. */
    static String targetArguments(TargetReport report) {
        return "--path " + report.target() + " --url " + urlArgument(report);
    }

    /** The target's Matey URL quoted for a shell, or a placeholder when its DataSource has none. */
    static String urlArgument(TargetReport report) {
        return report.connection().startsWith("jdbc:") ? "<its database URL>" : "'" + report.connection() + "'";
    }

    /** A DataSource does not reveal its password: say where it goes when the database needs one. */
    static String passwordHint(TargetReport report) {
        return report.connection().contains("@") && !report.connection().contains(":****@")
                ? "\n\n(Add the password to the URL, user:password@host, if the database needs one.)" : "";
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
