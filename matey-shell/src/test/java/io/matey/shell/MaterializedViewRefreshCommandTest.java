package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether a PostgreSQL materialized view is populated is data (docs/architecture.md §5): a migration creates one
 * {@code WITH NO DATA}, a routine {@code REFRESH} on the live database is no drift and does not stop {@code db up},
 * {@code db bootstrap} loads it populated from its empty tables, and an incremental replay and a clean one write
 * the same bytes.
 */
class MaterializedViewRefreshCommandTest {

    @TempDir
    Path dir;

    @Test
    void aRefreshIsNoDriftAndABootstrappedViewAnswersQueries() throws Exception {
        try (TestDatabase live = TestDatabase.create("postgres"); TestDatabase fresh = TestDatabase.unborn("postgres")) {
            Map<String, String> env = MateyProcess.init(dir, live, "postgres");
            write("001_sales.sql", """
                    -- migrate:up
                    CREATE SCHEMA app;
                    CREATE TABLE app.sales (id int PRIMARY KEY, sold_on date NOT NULL, amount numeric NOT NULL);
                    CREATE MATERIALIZED VIEW app.daily_sales AS
                        SELECT sold_on, sum(amount) AS total, sum(amount) / count(*) AS average FROM app.sales GROUP BY 1
                        WITH NO DATA;
                    -- migrate:down
                    DROP MATERIALIZED VIEW app.daily_sales;
                    DROP TABLE app.sales;
                    DROP SCHEMA app;
                    """);
            ok(env, "schema", "apply");
            assertThat(read("schema.sql")).contains("CREATE MATERIALIZED VIEW app.daily_sales AS")
                    .doesNotContain("WITH NO DATA");
            ok(env, "db", "up");

            live.execute("INSERT INTO app.sales VALUES (1, '2026-12-01', 10)");
            live.execute("REFRESH MATERIALIZED VIEW app.daily_sales");
            assertThat(ok(env, "db", "drift", "--exit-code").stdout()).contains("Status: clean");

            write("002_day_index.sql", """
                    -- migrate:up
                    CREATE UNIQUE INDEX daily_sales_day ON app.daily_sales (sold_on);
                    -- migrate:down
                    DROP INDEX app.daily_sales_day;
                    """);
            ok(env, "schema", "apply");
            assertThat(ok(env, "db", "up").stdout()).contains("Verified: live schema equals the committed state at index 2");
            live.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY app.daily_sales");

            MateyProcess.Result bootstrap = ok(env, "db", "bootstrap", "--url", fresh.url().raw());
            assertThat(bootstrap.stdout()).contains("Verified: live schema equals the committed state at index 2");
            try (Connection c = fresh.connect()) {
                assertThat(TestDatabase.firstValue(c, "SELECT count(*) FROM app.daily_sales")).isEqualTo("0");
            }

            String schema = read("schema.sql");
            String checkpoint = read("checkpoints/001_sales.sql");
            ok(env, "schema", "apply", "--clean");
            assertThat(read("schema.sql")).isEqualTo(schema);
            assertThat(read("checkpoints/001_sales.sql")).isEqualTo(checkpoint);
        }
    }

    private MateyProcess.Result ok(Map<String, String> env, String... args) throws Exception {
        MateyProcess.Result result = MateyProcess.run(dir, env, args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ":\n" + result.stdout() + result.stderr()).isZero();
        return result;
    }

    private void write(String file, String text) throws Exception {
        Files.writeString(dir.resolve("migrations").resolve(file), text, StandardCharsets.UTF_8);
    }

    private String read(String file) throws Exception {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }
}
