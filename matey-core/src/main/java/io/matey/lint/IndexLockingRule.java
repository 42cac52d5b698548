package io.matey.lint;

import io.matey.lint.Finding.Level;
import io.matey.lint.SchemaChange.CreateIndex;
import io.matey.lint.SchemaChange.CreateTable;
import io.matey.lint.SchemaChange.DropTable;
import io.matey.lint.SchemaChange.RenameTable;
import io.matey.migration.Section;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        Set<String> partitioned = new HashSet<>();
        for (MigrationFile file : context.readableMigrations()) {
            checkIndexBuilds(file, partitioned, findings);
            checkConcurrently(file, findings);
        }
    }

    /** L407 in both sections: also what commands that run migrations refuse up front ({@link RunnableMigrations}). */
    static void checkConcurrently(MigrationFile file, Findings findings) {
        checkConcurrently(file, file.script().up(), file.upStatements(), findings);
        checkConcurrently(file, file.script().down(), file.downStatements(), findings);
    }

    /**
     * A plain CREATE INDEX holds a SHARE lock, blocking every write to the table until the index is built; on a
     * partitioned table, on every partition. {@code partitioned} holds the partitioned tables the earlier migrations
     * left (by key), and follows this one's changes.
     */
    private static void checkIndexBuilds(MigrationFile file, Set<String> partitioned, Findings findings) {
        for (MigrationChanges.Located located : file.upChanges()) {
            SchemaChange change = located.change();
            String key = Names.key(change.subject());
            if (change instanceof CreateTable table && table.partitioned()) {
                partitioned.add(key);
            } else if (change instanceof DropTable) {
                partitioned.remove(key);
            } else if (change instanceof RenameTable rename && partitioned.remove(key)) {
                partitioned.add(Names.key(rename.newName()));
            }
            boolean onPartitioned = partitioned.contains(key);
            if (located.existing() && change instanceof CreateIndex index && !index.concurrently()
                    && !(onPartitioned && index.only())) {
                String name = index.name() == null ? "an index" : "index '" + index.name() + "'";
                findings.add(Level.WARNING, "L406", file.path(), located.line(), "Creating " + name + " on existing "
                        + (onPartitioned ? "partitioned " : "") + "table '" + index.subject() + "' without CONCURRENTLY"
                        + " blocks writes to it until the index is built.", onPartitioned ? partitionedHint(index)
                        : "build it with CREATE INDEX CONCURRENTLY in a migration of its own (`matey db new`), "
                        + "alone in a section marked '-- migrate:up transaction:false' (PostgreSQL refuses "
                        + "CONCURRENTLY in a transaction, and dbmate runs a section's statements as one, L013)");
            }
        }
    }

    /**
     * PostgreSQL refuses CONCURRENTLY on a partitioned table: each partition's index is built concurrently, alone in
     * its own transaction:false migration (dbmate runs a section as one query, L013), then one transactional
     * migration creates the parent's (ON ONLY, instant) and attaches them, so every checkpoint has only valid indexes.
     */
    private static String partitionedHint(CreateIndex index) {
        String name = index.name() == null ? "<index>" : index.name();
        return "PostgreSQL refuses CREATE INDEX CONCURRENTLY on a partitioned table; build each partition's index "
                + "first, one migration each whose '-- migrate:up transaction:false' section holds only CREATE INDEX "
                + "CONCURRENTLY <partition_index> ON <partition> (...), then in one more migration CREATE INDEX " + name
                + " ON ONLY " + index.subject() + " (...) and ALTER INDEX " + name + " ATTACH PARTITION "
                + "<partition_index> for each partition (instant)";
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
