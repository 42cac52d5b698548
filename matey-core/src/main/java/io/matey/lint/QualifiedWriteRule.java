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
 * No nolint comment silences them, since replay would refuse the statement anyway.
 */
final class QualifiedWriteRule implements LintRule {

    private static final String FIX = "use unqualified names, or make the other database a target of its own "
            + "(schema plan|apply and db up|down refuse this statement)";
    private static final String UNCHECKED_FIX = "write the SQL out as a statement or a string literal (schema "
            + "plan|apply refuse this statement; db up|down run it)";

    @Override
    public void check(LintContext context, Findings findings) {
        WriteGuard guard = context.plugin().map(Engine::writeGuard).orElse(WriteGuard.NONE);
        if (guard == WriteGuard.NONE) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            check(guard, context.engine(), file, file.upStatements(), "L104", findings);
            check(guard, context.engine(), file, file.downStatements(), "L105", findings);
        }
    }

    private static void check(WriteGuard guard, String engine, MigrationFile file, List<ParsedStatement> statements,
            String code, Findings findings) {
        for (ParsedStatement statement : statements) {
            String quoted = ". Statement: '" + statement.source().summary() + "'";
            Optional<String> reason = guard.foreignWrite(statement.parsed());
            if (reason.isPresent()) {
                findings.addWithFix(Level.ERROR, code, file.path(), statement.line(), engine
                        + " migrations must only write to their own database: " + reason.get() + quoted, FIX);
            } else {
                guard.unchecked(statement.parsed()).ifPresent(r -> findings.addWithFix(Level.ERROR, code, file.path(),
                        statement.line(), engine + " migrations must only write to their own database: " + r + quoted,
                        UNCHECKED_FIX));
            }
        }
    }
}
