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

    /** A DataSource does not reveal its password: say where it goes when the database needs one. */
    static String passwordHint(TargetReport report) {
        return report.connection().contains("@") && !report.connection().contains(":****@")
                ? "\n\n(Add the password to the URL, user:password@host, if the database needs one.)" : "";
    }

    /**
     * A database ahead of the application: it records versions the packaged migrations lack. There is no diff to
     * look at (no committed state is expected there): the application is older than its database.
     */
    static String ahead(TargetReport report) {
        int count = report.unknownVersions().size();
        return "Target " + subject(report) + " records " + count + (count == 1 ? " version" : " versions")
                + " that this application has no migration for: " + String.join(", ", report.unknownVersions())
                + ". All " + report.head() + " of its migrations are applied: the database was migrated by a newer "
                + "version of the application (or a workspace with more migrations), so this application is older "
                + "than its database.";
    }

    /** What to do about a database ahead of the application. */
    static String aheadAction(TargetReport report, WorkspaceCommands commands) {
        return "Deploy the version of the application that has those migrations. If they were undone on this database "
                + "without their rows in schema_migrations, delete those rows. `" + commands.command("db status "
                + commands.targetArguments(report)) + "` lists what the database records.";
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
