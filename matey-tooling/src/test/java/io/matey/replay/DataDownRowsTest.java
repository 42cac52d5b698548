package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A data migration whose down section does not delete the rows its up section inserts: the round trip's second up
 * inserts them again, so the replay would go on with them twice where {@code db up} has them once
 * (docs/architecture.md §6). The row counts after the first and second up section tell it, as a down failure unless
 * config.toml accepts it, the replay then going on from the state after the first up section.
 */
class DataDownRowsTest {

    private static final String ROWS = "migrations/002_rows.sql";

    @TempDir
    Path dir;

    private TestWorkspace history(String engine, String create) {
        TestWorkspace ws = new TestWorkspace(dir, engine);
        ws.migration("001_create.sql", create, "DROP TABLE users;");
        ws.migration("002_rows.sql", "INSERT INTO users (email) VALUES ('a@example.com'), ('b@example.com');",
                "SELECT 1;");
        return ws;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sqlite | CREATE TABLE users (email TEXT); | users",
        "postgres | CREATE TABLE users (email text); | public.users",
        "mysql | CREATE TABLE users (email VARCHAR(64)); | users",
        "clickhouse | CREATE TABLE users (email String) ENGINE = MergeTree ORDER BY email; | users"})
    void aDownSectionLeavingTheInsertedRowsFails(String engine, String create, String table) {
        TestWorkspace ws = history(engine, create);
        Map<String, String> before = ws.files();

        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class).hasMessageContaining(ROWS)
                .hasMessageContaining("its down section leaves rows its up section inserts again")
                .hasMessageContaining("  " + table + ": 2 row(s) after the first up section, 4 after the second")
                .hasMessageContaining("[inexact_downs]");
        assertThat(ws.files()).isEqualTo(before);
    }

    /** Accepted, it is inexact after all (no "exact: remove its entry"), and later ones see its rows once. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sqlite | CREATE TABLE users (email TEXT); | CREATE UNIQUE INDEX users_email ON users (email);",
        "postgres | CREATE TABLE users (email text); | CREATE UNIQUE INDEX users_email ON users (email);",
        "mysql | CREATE TABLE users (email VARCHAR(64)); | CREATE UNIQUE INDEX users_email ON users (email);",
        "clickhouse | CREATE TABLE users (email String) ENGINE = MergeTree ORDER BY email; | "
                + "CREATE TABLE later (id Int32) ENGINE = MergeTree ORDER BY id;"})
    void anAcceptedOneGoesOnFromTheFirstUp(String engine, String create, String later) {
        TestWorkspace ws = history(engine, create);
        ws.migration("003_later.sql", later, "");
        ws.write(TestWorkspace.TARGET + "/config.toml", ws.read(TestWorkspace.TARGET + "/config.toml")
                + "\n[inexact_downs]\n\"002_rows.sql\" = \"seed rows stay\"\n");

        SchemaApplyResult applied = ws.apply();

        assertThat(applied.downAccepted()).singleElement().satisfies(accepted -> {
            assertThat(accepted.file()).isEqualTo(ROWS);
            assertThat(accepted.diff()).contains(": 2 row(s) after the first up section, 4 after the second");
        });
    }
}
