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

    @Test
    void enumValuesCompareByValueWhicheverQuotesWriteThem() {
        assertThat(narrowings("mysql", "CREATE TABLE t (s enum(\"a\", 'it''s'))",
                "ALTER TABLE t MODIFY s enum('a', \"it's\", 'c')")).isEmpty();
        assertThat(narrowings("mysql", "CREATE TABLE t (s enum(\"a\", \"b\"))",
                "ALTER TABLE t MODIFY s enum('a')")).containsExactly("t.s: values removed: b");
    }

    @Test
    void aMariadbCollationNamingNoCharacterSetKeepsTheColumnsOwn() {
        assertThat(narrowings("mysql", "CREATE TABLE t (x varchar(10)) DEFAULT CHARSET=utf8mb4",
                "ALTER TABLE t MODIFY x varchar(20) COLLATE uca1400_ai_ci")).isEmpty();
        assertThat(narrowings("mysql", "CREATE TABLE t (x varchar(10) CHARACTER SET utf8mb4) COLLATE=uca1400_ai_ci",
                "ALTER TABLE t MODIFY x varchar(20)")).isEmpty();
        assertThat(narrowings("mysql", "CREATE TABLE t (x varchar(10)) CHARSET=latin1 COLLATE=uca1400_ai_ci",
                "ALTER TABLE t MODIFY x varchar(20) CHARACTER SET utf8mb4 COLLATE uca1400_as_cs")).isEmpty();
    }

    @Test
    void theClausesOfOneAlterTableReadTheColumnsAsTheStatementFoundThem() {
        assertThat(narrowings("mysql", "CREATE TABLE t (a varchar(100), b varchar(10))",
                "ALTER TABLE t CHANGE a b varchar(100), CHANGE b a varchar(10)")).isEmpty();
        assertThat(narrowings("mysql", "CREATE TABLE t (a varchar(100), b varchar(10))",
                "ALTER TABLE t CHANGE a b varchar(10), CHANGE b a varchar(100)")).containsExactly(
                "t.a: a shorter length");
        assertThat(narrowings("mysql", "CREATE TABLE t (a varchar(100), b varchar(10))",
                "ALTER TABLE t RENAME COLUMN a TO b, RENAME COLUMN b TO a", "ALTER TABLE t MODIFY b varchar(50)"))
                .containsExactly("t.b: a shorter length");
    }

    @Test
    void tablesOfOneNameInTwoSchemasKeepTheirOwnColumns() {
        assertThat(narrowings("postgres", "CREATE TABLE users (email varchar(100))",
                "CREATE TABLE audit.users (email text)", "ALTER TABLE users ALTER COLUMN email TYPE varchar(200)"))
                .isEmpty();
        assertThat(narrowings("mysql", "CREATE TABLE `a`.`t` (x varchar(100))", "CREATE TABLE b.t (x varchar(5))",
                "ALTER TABLE a.t MODIFY x varchar(50)")).containsExactly("a.t.x: a shorter length");
        assertThat(narrowings("postgres", "CREATE TABLE app.t (x varchar(100))", "CREATE TABLE t (x varchar(5))",
                "ALTER TABLE app.t RENAME TO u", "DROP TABLE IF EXISTS other, t",
                "ALTER TABLE app.u ALTER x TYPE varchar(50)")).containsExactly("app.u.x: a shorter length");
        assertThat(narrowings("postgres", "CREATE TABLE t (x varchar(100))", "ALTER TABLE t SET SCHEMA app",
                "ALTER TABLE app.t ALTER x TYPE varchar(50)")).containsExactly("app.t.x: a shorter length");
    }

    @Test
    void aNameWithoutItsSchemaMeansTheOneTableOfThatNameKnown() {
        // pg_dump's public.users in the first migration, users in those written later
        assertThat(narrowings("postgres", "CREATE TABLE public.users (email varchar(100))",
                "ALTER TABLE users ALTER COLUMN email TYPE varchar(50)")).containsExactly("users.email: a shorter length");
        assertThat(narrowings("postgres", "CREATE TABLE public.users (email varchar(100))", "DROP TABLE users",
                "CREATE TABLE audit.users (email varchar(10))", "ALTER TABLE users ALTER email TYPE varchar(50)"))
                .isEmpty();
        assertThat(narrowings("postgres", "CREATE TABLE users (email varchar(100))",
                "ALTER TABLE public.users ALTER COLUMN email TYPE varchar(50)")).hasSize(1);
        assertThat(narrowings("postgres", "CREATE TABLE a.t (x varchar(5))", "CREATE TABLE b.t (x varchar(100))",
                "ALTER TABLE t ALTER x TYPE varchar(50)")).isEmpty();
        assertThat(narrowings("postgres", "CREATE TABLE audit.t (x varchar(100))",
                "ALTER TABLE public.t ALTER x TYPE varchar(50)")).isEmpty();
        assertThat(narrowings("postgres", "CREATE TABLE t AS SELECT 'x'::text AS x", "CREATE TABLE audit.t (x text)",
                "ALTER TABLE t ALTER x TYPE varchar(50)")).isEmpty();
    }

    @Test
    void aTextTypeHoldsBytesWhichAVarcharOfAWideCharacterSetMayExceed() {
        assertThat(narrowings("mysql", "CREATE TABLE t (x varchar(255)) DEFAULT CHARSET=utf8mb4",
                "ALTER TABLE t MODIFY x tinytext")).containsExactly(
                "t.x: fewer bytes than a value of varchar(255) in utf8mb4 may take (4 a character)");
        assertThat(narrowings("mysql", "CREATE TABLE t (x varchar(30000) CHARACTER SET utf8mb3)",
                "ALTER TABLE t MODIFY x text")).hasSize(1);
        assertThat(narrowings("mysql", "CREATE TABLE t (x varchar(16383)) DEFAULT CHARSET=utf8mb4",
                "ALTER TABLE t MODIFY x text")).isEmpty();
        assertThat(narrowings("mysql", "CREATE TABLE t (x varchar(255)) DEFAULT CHARSET=latin1",
                "ALTER TABLE t MODIFY x tinytext")).isEmpty();
        // the database's default, which lint does not know, is not taken for a wide one
        assertThat(narrowings("mysql", "CREATE TABLE t (x varchar(255))", "ALTER TABLE t MODIFY x tinytext")).isEmpty();
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
