package io.matey.lint;

import io.matey.engine.Engine;
import io.matey.engine.WriteGuard;
import io.matey.lint.Finding.Level;
import java.util.List;
import java.util.Optional;

/**
 * L104 (up), L105 (down): statements that write outside the target's database, as the engine's write guard
 * sees them (MySQL {@code other_db.t}, {@code USE}, {@code CREATE DATABASE}; SQLite {@code ATTACH}; PostgreSQL
 * database statements), and statements running SQL built at run time, which the guard cannot read (MySQL
 * {@code PREPARE s FROM @sql}). Replay refuses both before running anything, the live commands the former
 * (docs/architecture.md §6); lint reports them without a database (BigQuery: any dataset-qualified write).
 * No nolint comment silences a write outside, since replay would refuse the statement anyway; SQL built at run time
 * is accepted by a {@code -- matey:nolint L104 reason} comment directly above it, which replay honours too.
 */
final class QualifiedWriteRule implements LintRule {

    private static final String FIX = "use unqualified names, or make the other database a target of its own "
            + "(schema plan|apply and db up|down refuse this statement)";
    private static final String UNCHECKED_FIX = "write the SQL out as a statement or a string literal (schema "
            + "plan|apply refuse this statement; db up|down run it), or, if it writes only in the target's own "
            + "database, add \"-- matey:nolint %s reason\" on the line above";
    private static final String REASON_FIX = "write after %s why this SQL writes only in the target's own database "
            + "(schema plan|apply refuse it until then)";

    @Override
    public void check(LintContext context, Findings findings) {
        WriteGuard guard = context.plugin().map(Engine::writeGuard).orElse(WriteGuard.NONE);
        if (guard == WriteGuard.NONE) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            Nolint nolint = file.nolint();
            check(guard, context.engine(), file, nolint, file.upStatements(), "L104", findings);
            check(guard, context.engine(), file, nolint, file.downStatements(), "L105", findings);
        }
    }

    private static void check(WriteGuard guard, String engine, MigrationFile file, Nolint nolint,
            List<ParsedStatement> statements, String code, Findings findings) {
        for (ParsedStatement statement : statements) {
            Optional<String> reason = guard.foreignWrite(statement.parsed());
            if (reason.isPresent()) {
                findings.addWithFix(Level.ERROR, code, file.path(), statement.line(), engine
                        + " migrations must only write to their own database: " + reason.get() + quoted(statement), FIX);
                continue;
            }
            Optional<String> unchecked = guard.unchecked(statement.parsed());
            Nolint.Vouch vouch = nolint.vouch(code, statement.line());
            if (unchecked.isPresent() && vouch != Nolint.Vouch.GIVEN) {
                findings.addWithFix(Level.ERROR, code, file.path(), statement.line(), engine + " migrations must only "
                        + "write to their own database: " + unchecked.get() + quoted(statement),
                        vouch == Nolint.Vouch.ABSENT ? UNCHECKED_FIX.formatted(code)
                                : REASON_FIX.formatted("\"-- matey:nolint " + code + "\""));
            }
        }
    }

    /** Made only for a finding: masking passwords in every statement's summary was most of a data migration's lint. */
    private static String quoted(ParsedStatement statement) {
        return ". Statement: '" + statement.source().summary() + "'";
    }
}
