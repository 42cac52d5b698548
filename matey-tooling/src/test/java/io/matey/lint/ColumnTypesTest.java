package io.matey.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engines;
import io.matey.migration.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What L421 reads from a column type change: the narrowing, with the type the earlier migrations gave it. */
class ColumnTypesTest {

    @Test
    void numericWithoutPrecisionHoldsEveryNumericOnPostgres() {
        assertThat(narrowings("postgres", "CREATE TABLE t (x numeric(10, 2))",
                "ALTER TABLE t ALTER COLUMN x TYPE numeric")).isEmpty();
        assertThat(narrowings("postgres", "CREATE TABLE t (x numeric)",
                "ALTER TABLE t ALTER COLUMN x TYPE numeric(10, 2)")).containsExactly("t.x: fewer integer digits");
    }

    /**
     * The narrowings of the last statement, each as "table.column: what", the statements before it read as an
     * earlier migration's.
     */
    private static List<String> narrowings(String engine, String... statements) {
        ColumnTypes types = new ColumnTypes(Engines.find(engine).orElseThrow().lint().columnTypes().orElseThrow());
        types.section();
        for (int i = 0; i < statements.length - 1; i++) {
            types.read(statement(statements[i]));
        }
        types.section();
        List<String> found = new ArrayList<>();
        for (ColumnTypes.Change change : types.read(statement(statements[statements.length - 1]))) {
            ColumnType.Narrowing narrowing = change.before() == null || change.after() == null ? null
                    : change.after().narrowing(change.before());
            if (narrowing != null) {
                found.add(change.table() + "." + change.column() + ": " + narrowing.what());
            }
        }
        return found;
    }

    private static ParsedStatement statement(String sql) {
        return ParsedStatement.of(new SqlStatement(sql, 1));
    }
}
