package io.matey.lint;

import io.matey.lint.Finding.Level;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * L104 (up), L105 (down): MySQL statements that write to a database-qualified table. A target must only write
 * to its own database, so that a scratch replay can run it against another one; even its own name as qualifier
 * would point the replay back at the live database. (Python matey also checks ClickHouse and BigQuery, whose
 * engines this build does not have yet.)
 */
final class QualifiedWriteRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.isEngine("mysql")) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            check(file, file.upStatements(), "L104", findings);
            check(file, file.downStatements(), "L105", findings);
        }
    }

    private static void check(MigrationFile file, List<ParsedStatement> statements, String code, Findings findings) {
        for (ParsedStatement statement : statements) {
            boolean qualified = statement.tree().stream().flatMap(QualifiedWriteRule::writtenTables)
                    .anyMatch(table -> table.getSchemaName() != null);
            if (qualified) {
                findings.add(Level.ERROR, code, file.path(), statement.line(),
                        "mysql cross-database writes are not allowed. Statement: '" + statement.source().summary() + "'");
            }
        }
    }

    /** The tables a statement creates, changes or writes rows to; reads (a view's query) do not count. */
    private static Stream<Table> writtenTables(Statement tree) {
        Stream<Table> tables;
        if (tree instanceof CreateTable s) {
            tables = Stream.of(s.getTable());
        } else if (tree instanceof CreateIndex s) {
            tables = Stream.of(s.getTable());
        } else if (tree instanceof CreateView s) {
            tables = Stream.of(s.getView());
        } else if (tree instanceof Alter s) {
            tables = Stream.of(s.getTable());
        } else if (tree instanceof Drop s) {
            tables = Stream.of(s.getName());
        } else if (tree instanceof Truncate s) {
            tables = s.getTables() != null ? s.getTables().stream() : Stream.of(s.getTable());
        } else if (tree instanceof RenameTableStatement s) {
            tables = s.getTableNames().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue()));
        } else if (tree instanceof Insert s) {
            tables = Stream.of(s.getTable());
        } else if (tree instanceof Upsert s) {
            tables = Stream.of(s.getTable());
        } else if (tree instanceof Update s) {
            tables = Stream.of(s.getTable());
        } else if (tree instanceof Delete s) {
            tables = Stream.of(s.getTable());
        } else if (tree instanceof Merge s) {
            tables = Stream.of(s.getTable());
        } else {
            tables = Stream.empty();
        }
        return tables.filter(Objects::nonNull);
    }
}
