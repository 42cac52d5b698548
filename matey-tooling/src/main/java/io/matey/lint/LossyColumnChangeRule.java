package io.matey.lint;

import io.matey.lint.Finding.Level;
import java.util.Optional;

/**
 * L421: an up section's change of a column's type that holds fewer values than its earlier type, on a table an
 * earlier migration created ({@code ALTER TABLE ... MODIFY|CHANGE}, {@code CONVERT TO CHARACTER SET} on MySQL and
 * MariaDB, {@code ALTER COLUMN c TYPE} on PostgreSQL; {@link LintDialect#columnTypes}). The earlier type is the one
 * the earlier migrations' up sections and the section's statements before it give ({@link ColumnTypes}); where it
 * is not known, nothing is reported. Rows holding a value the new type cannot hold fail the migration on the
 * database that has them (not on the scratch replay, which has none), or lose data where the server converts
 * silently (rounding, MySQL without a strict {@code sql_mode}, a character replaced by {@code ?}).
 */
final class LossyColumnChangeRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        Optional<ColumnTypeFacts> facts = context.facts().columnTypes();
        if (facts.isEmpty()) {
            return;
        }
        ColumnTypes types = new ColumnTypes(facts.get());
        for (MigrationFile file : context.readableMigrations()) {
            types.section();
            for (ParsedStatement statement : file.upStatements()) {
                for (ColumnTypes.Change change : types.read(statement)) {
                    report(file, statement, change, findings);
                }
            }
        }
    }

    private static void report(MigrationFile file, ParsedStatement statement, ColumnTypes.Change change,
            Findings findings) {
        if (change.newTable() || change.before() == null || change.after() == null) {
            return;
        }
        ColumnType.Narrowing narrowing = change.after().narrowing(change.before());
        if (narrowing == null) {
            return;
        }
        String column = change.column();
        String table = change.table();
        findings.add(Level.WARNING, "L421", file.path(), statement.line(), "'" + statement.source().summary()
                + "' narrows column '" + table + "." + column + "' of an existing table from "
                + change.before().text() + " to " + change.after().text() + " (" + narrowing.what() + "): "
                + (narrowing.loss() == ColumnType.Loss.ROUNDED
                ? "every value with more digits is rounded, and the digits lost cannot be restored."
                : "a row holding a value the new type cannot hold fails the migration on a database that has one, "
                + "or loses data where the server converts it (MySQL and MariaDB without a strict sql_mode)."),
                hint(narrowing, table, column, change.after()));
    }

    /** What to do first: the query that finds the rows the change would lose, or keeping the digits. */
    private static String hint(ColumnType.Narrowing narrowing, String table, String column, ColumnType after) {
        String query = switch (narrowing.loss()) {
            case LENGTH -> "SELECT max(char_length(" + column + ")) FROM " + table;
            case BYTES -> "SELECT max(octet_length(" + column + ")) FROM " + table;
            case RANGE -> "SELECT min(" + column + "), max(" + column + ") FROM " + table;
            case DIGITS -> "SELECT max(abs(" + column + ")) FROM " + table;
            case VALUES -> "SELECT DISTINCT " + column + " FROM " + table;
            case CHARSET -> "SELECT count(*) FROM " + table + " WHERE " + column + " <> CONVERT(" + column
                    + " USING " + after.charset() + ")";
            case ROUNDED -> null;
        };
        String copy = "add a column of the new type, copy the values you keep and swap it in";
        return query == null ? "keep the column's digits, or " + copy
                : "check first that no row holds such a value (" + query + "), or " + copy;
    }
}
