package io.matey.lint;

import io.matey.lint.Finding.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * L419: an up section that sets a timeout for the session ({@code SET [SESSION] lock_timeout = '5s'},
 * {@code set_config('lock_timeout', ..., false)}; also {@code statement_timeout} and
 * {@code idle_in_transaction_session_timeout}) and does not set it back, on engines where those are session state
 * ({@link LintDialect#sessionTimeouts}: PostgreSQL). dbmate runs the migrations of a batch on one session, so the
 * later ones run under it, while Matey restores the session after each section (docs/architecture.md §7). As L411
 * reads {@code search_path}; besides {@code RESET} and {@code TO DEFAULT}, setting {@code 0} (the built-in default,
 * as pg_dump's preamble does) sets it back. {@code SET LOCAL} ends with the section's transaction.
 */
final class TimeoutLeftChangedRule implements LintRule {

    private static final List<String> TIMEOUTS = List.of("lock_timeout", "statement_timeout",
            "idle_in_transaction_session_timeout");

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.facts().sessionTimeouts()) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            Map<String, ParsedStatement> left = new LinkedHashMap<>();
            for (ParsedStatement statement : file.upStatements()) {
                // One search of a data migration's statement for what could change a setting, not one a timeout.
                if (!statement.startsWith("SET") && !statement.startsWith("RESET")
                        && !statement.mentions("set_config")) {
                    continue;
                }
                for (String timeout : TIMEOUTS) {
                    switch (SettingChange.of(statement, timeout, "0")) {
                        case SETS_SESSION -> left.put(timeout, statement);
                        case RESETS_SESSION -> left.remove(timeout);
                        case SETS_LOCAL, RESETS_LOCAL, NONE -> { }
                    }
                }
            }
            for (Map.Entry<String, ParsedStatement> entry : left.entrySet()) {
                report(file, entry.getKey(), entry.getValue(), findings);
            }
        }
    }

    private static void report(MigrationFile file, String timeout, ParsedStatement statement, Findings findings) {
        findings.add(Level.WARNING, "L419", file.path(), statement.line(), "'" + statement.source().summary()
                + "' sets " + timeout + " for the session, and the up section does not set it back: dbmate runs "
                + "the migrations of a batch on one session, so the later ones run under it (Matey restores the "
                + "session after each section, so they would behave differently under the two).",
                "write SET LOCAL " + timeout + " (for the section's transaction), or end the section with RESET "
                + timeout);
    }
}
