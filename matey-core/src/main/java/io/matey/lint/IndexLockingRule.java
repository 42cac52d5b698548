package io.matey.lint;

import io.matey.lint.Finding.Level;
import io.matey.lint.SchemaChange.CreateIndex;
import io.matey.migration.Section;
import java.util.List;

/**
 * L406, L407: index builds that block a live table (Atlas PG101, PG103), on engines that build indexes
 * {@code CONCURRENTLY} ({@link LintDialect#concurrentIndexBuilds}: PostgreSQL).
 */
final class IndexLockingRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.facts().concurrentIndexBuilds()) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            checkIndexBuilds(file, findings);
            checkConcurrently(file, findings);
        }
    }

    /** L407 in both sections: also what commands that run migrations refuse up front ({@link RunnableMigrations}). */
    static void checkConcurrently(MigrationFile file, Findings findings) {
        checkConcurrently(file, file.script().up(), file.upStatements(), findings);
        checkConcurrently(file, file.script().down(), file.downStatements(), findings);
    }

    /** A plain CREATE INDEX holds a SHARE lock, blocking every write to the table until the index is built. */
    private static void checkIndexBuilds(MigrationFile file, Findings findings) {
        for (MigrationChanges.Located located : file.upChanges()) {
            if (located.existing() && located.change() instanceof CreateIndex index && !index.concurrently()) {
                String name = index.name() == null ? "an index" : "index '" + index.name() + "'";
                findings.add(Level.WARNING, "L406", file.path(), located.line(), "Creating " + name
                        + " on existing table '" + index.subject() + "' without CONCURRENTLY blocks writes to it "
                        + "until the index is built.", "build it with CREATE INDEX CONCURRENTLY in a section marked "
                        + "'-- migrate:up transaction:false' (PostgreSQL refuses CONCURRENTLY in a transaction)");
            }
        }
    }

    /**
     * PostgreSQL refuses {@code CREATE/DROP INDEX CONCURRENTLY}, {@code REINDEX ... CONCURRENTLY} and
     * {@code DETACH PARTITION ... CONCURRENTLY} inside a transaction block; only
     * {@code REFRESH MATERIALIZED VIEW CONCURRENTLY} may run in one.
     */
    private static void checkConcurrently(MigrationFile file, Section section, List<ParsedStatement> statements,
            Findings findings) {
        if (!section.transaction()) {
            return;
        }
        for (ParsedStatement statement : statements) {
            if (statement.contains("CONCURRENTLY") && !statement.startsWith("REFRESH")) {
                // No comment accepts it: PostgreSQL refuses the statement, and schema plan refuses the file.
                findings.addWithFix(Level.ERROR, "L407", file.path(), statement.line(), "CONCURRENTLY cannot run "
                        + "inside a transaction; add transaction:false to the '-- migrate:" + section.kind() + "' marker.",
                        "write '-- migrate:" + section.kind() + " transaction:false'");
            }
        }
    }
}
