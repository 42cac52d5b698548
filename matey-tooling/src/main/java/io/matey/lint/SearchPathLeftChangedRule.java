package io.matey.lint;

import io.matey.lint.Finding.Level;
import io.matey.migration.Section;
import java.util.List;

/**
 * A section that changes {@code search_path} and does not set it back before its end, on engines where it is session
 * state ({@link LintDialect#searchPathIsSessionState}: PostgreSQL). dbmate writes {@code schema_migrations} after
 * the section in the same transaction and, unless its URL gives a {@code search_path}, in the schema
 * {@code current_schema()} names then: a path starting with a schema that holds no such table makes it fail, while
 * Matey, which resets the session after each section (docs/architecture.md §7), applies the migration.
 * <ul>
 * <li>L411: a session-level change ({@code SET [SESSION] search_path}, {@code set_config('search_path', ..., false)},
 * as pg_dump's preamble writes it); it also ends with its section under Matey, while dbmate runs the migrations after
 * it in the same batch under it.</li>
 * <li>L413: a change for the transaction ({@code SET LOCAL search_path}, {@code set_config(..., true)}); a
 * {@code transaction:false} section is one query to dbmate, whose implicit transaction ends before it writes the
 * version, so there it is not reported.</li>
 * </ul>
 * {@code RESET search_path}, {@code RESET ALL} and {@code SET search_path TO DEFAULT} set it back; {@code SET LOCAL
 * search_path TO DEFAULT} sets back a change for the transaction only.
 */
final class SearchPathLeftChangedRule implements LintRule {

    private static final String DBMATE = "dbmate updates schema_migrations in the section's transaction, in the "
            + "first schema of this path unless its URL gives a search_path, and fails where that schema has no such "
            + "table (relation \"<schema>.schema_migrations\" does not exist), although Matey applies the migration";
    private static final String FIX = "qualify the names instead, or end the section with RESET search_path";

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.facts().searchPathIsSessionState()) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            file.forEachSection((section, statements) -> check(file, section, statements, findings));
        }
    }

    private static void check(MigrationFile file, Section section, List<ParsedStatement> statements,
            Findings findings) {
        ParsedStatement session = null;
        ParsedStatement local = null;
        for (ParsedStatement statement : statements) {
            switch (SettingChange.of(statement, "search_path", null)) {
                case SETS_SESSION -> session = statement;
                case SETS_LOCAL -> local = statement;
                case RESETS_SESSION -> {
                    session = null;
                    local = null;
                }
                case RESETS_LOCAL -> local = null;
                case NONE -> { }
            }
        }
        if (session != null) {
            findings.add(Level.WARNING, "L411", file.path(), session.line(), "'" + session.source().summary()
                    + "' sets search_path for the session, and the " + section.kind() + " section does not set it "
                    + "back: " + DBMATE + "; and Matey starts every section from the connection's own session, so "
                    + "later migrations do not run under it (dbmate runs those of the same batch under it).", FIX);
        } else if (local != null && section.transaction()) {
            findings.add(Level.WARNING, "L413", file.path(), local.line(), "'" + local.source().summary()
                    + "' sets search_path until the end of the transaction, and the " + section.kind()
                    + " section does not set it back: " + DBMATE + ".", FIX);
        }
    }
}
