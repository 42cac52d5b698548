package io.matey.lint;

import io.matey.lint.Finding.Level;
import io.matey.migration.Section;
import io.matey.migration.SqlDialect;
import io.matey.migration.SqlStatement;
import java.util.List;
import java.util.Optional;

/**
 * L013: a {@code transaction:false} section holding a statement the server refuses inside a transaction block
 * ({@link LintDialect#refusedInTransactionBlock}) together with other statements. dbmate sends the section as one
 * query, which PostgreSQL runs as one implicit transaction, so dbmate fails on the statement and records nothing;
 * alone in its section it runs. Matey runs the statements one by one, so only {@code allow_non_dbmate_files} lets
 * the commands run such a file (docs/architecture.md §9).
 */
final class ImplicitTransactionRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        context.readableMigrations().forEach(file -> check(file, context.dialect().orElseThrow(), context.facts(),
                findings));
    }

    static void check(MigrationFile file, SqlDialect dialect, LintDialect facts, Findings findings) {
        for (Section section : List.of(file.script().up(), file.script().down())) {
            if (section.transaction()) {
                continue; // L407 reports what a transaction refuses
            }
            List<SqlStatement> statements = section.statements(dialect).stream()
                    .map(ClientCommandRule::withoutClientCommands).flatMap(Optional::stream).toList();
            if (statements.size() < 2) {
                continue;
            }
            for (SqlStatement statement : statements) {
                facts.refusedInTransactionBlock(statement.code()).ifPresent(kind -> findings.addDbmateRefusal(
                        Level.ERROR, "L013", file.path(), statement.line(), kind + " cannot run inside a transaction "
                                + "block, and dbmate sends the " + statements.size() + " statements of this '-- migrate:"
                                + section.kind() + " transaction:false' section as one query, which PostgreSQL runs "
                                + "as one transaction: dbmate fails on it and records nothing.",
                        "move the statement to a migration file of its own (`matey db new`), alone in its '-- migrate:"
                                + section.kind() + " transaction:false' section, one file per such statement"));
            }
        }
    }
}
