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
 * A table or column renamed by hand, kept as a user does: {@code db new --from-drift} drafts a marked rename,
 * {@code schema apply} replays it (its down section too), {@code db adopt --apply} records it on the renamed
 * database, and {@code db up} runs it on another database at the committed state, keeping its rows (real servers).
 */
class RenameDraftCommandTest {

    private static final String POSTGRES = """
            CREATE SCHEMA app;
            CREATE TABLE t_c (id bigserial PRIMARY KEY, name text NOT NULL);
            CREATE INDEX t_c_name ON t_c (name);
            CREATE TABLE items (id bigint PRIMARY KEY, qty numeric(10,3) NOT NULL);
            CREATE TABLE app.invoices (id bigint PRIMARY KEY, total numeric(10,2));
            INSERT INTO t_c (name) VALUES ('a'), ('b');
            INSERT INTO items VALUES (1, 1.5), (2, 2);
            INSERT INTO app.invoices VALUES (1, 10), (2, 20);
            """;

    @TempDir
    Path dir;

    @Test
    void aTableRenamedOnPostgres() throws Exception {
        String draft = keep("postgres", POSTGRES, "ALTER TABLE public.t_c RENAME TO t_gamma", "t_gamma");
        assertThat(draft).contains("-- matey: looks like a rename of public.t_c to public.t_gamma (same columns); "
                + "check before committing\nALTER TABLE public.t_c RENAME TO t_gamma;")
                .doesNotContain("DROP TABLE", "CREATE TABLE", "Changed out of band");
    }

    @Test
    void aColumnRenamedOnPostgres() throws Exception {
        String draft = keep("postgres", POSTGRES, "ALTER TABLE items RENAME COLUMN qty TO quantity", "items");
        assertThat(draft).contains("ALTER TABLE public.items RENAME COLUMN qty TO quantity;")
                .doesNotContain("ADD COLUMN", "DROP COLUMN");
    }

    /** The drop and create drafted before clashed on the primary key's name, which the renamed table keeps. */
    @Test
    void aTableInAnotherSchemaRenamedOnPostgres() throws Exception {
        String draft = keep("postgres", POSTGRES, "ALTER TABLE app.invoices RENAME TO bills", "app.bills");
        assertThat(draft).contains("ALTER TABLE app.invoices RENAME TO bills;").doesNotContain("invoices_pkey");
    }

    @Test
    void aTableAndAColumnRenamedOnMariadb() throws Exception {
        String draft = keep("mysql", """
                CREATE TABLE t_c (id bigint PRIMARY KEY, name varchar(20) NOT NULL, KEY t_c_name (name));
                CREATE TABLE items (id bigint PRIMARY KEY, qty decimal(10,3) NOT NULL);
                INSERT INTO t_c VALUES (1, 'a'), (2, 'b');
                INSERT INTO items VALUES (1, 1.5), (2, 2);
                """, "RENAME TABLE t_c TO t_gamma; ALTER TABLE items RENAME COLUMN qty TO quantity", "t_gamma");
        assertThat(draft).contains("ALTER TABLE `t_c` RENAME TO `t_gamma`;",
                "ALTER TABLE `items` RENAME COLUMN `qty` TO `quantity`;").doesNotContain("DROP TABLE", "DROP COLUMN");
    }

    /**
     * Applies {@code schema} to two databases, changes one by hand, keeps the change through the draft and runs it
     * on the other: both end clean, and {@code table} keeps its two rows there.
     *
     * @return the draft as {@code db new --from-drift} wrote it
     */
    private String keep(String engine, String schema, String change, String table) throws Exception {
        try (TestDatabase live = TestDatabase.create(engine); TestDatabase other = TestDatabase.create(engine)) {
            Map<String, String> env = Map.of("DATABASE_URL", live.url().raw(), "TEST_DATABASE_URL",
                    TestDatabase.serverBase(engine).raw());
            Map<String, String> otherEnv = Map.of("DATABASE_URL", other.url().raw(), "TEST_DATABASE_URL",
                    TestDatabase.serverBase(engine).raw());
            assertThat(MateyProcess.run(dir, env, "init", "--engine", engine).exitCode()).isZero();
            Files.writeString(dir.resolve("migrations/001_schema.sql"), "-- migrate:up\n" + schema
                    + "-- migrate:down\n", StandardCharsets.UTF_8);
            succeeds(env, "schema", "apply");
            succeeds(env, "db", "up");
            succeeds(otherEnv, "db", "up");
            for (String statement : change.split("; ")) {
                live.execute(statement);
            }

            succeeds(env, "db", "new", "keep_rename", "--from-drift");
            Path file;
            try (var files = Files.list(dir.resolve("migrations"))) {
                file = files.filter(f -> f.toString().endsWith("_keep_rename.sql")).findFirst().orElseThrow();
            }
            assertThat(succeeds(env, "schema", "apply").stdout()).contains("Down checked: 1");
            succeeds(env, "db", "adopt", "--apply");
            assertThat(MateyProcess.run(dir, env, "db", "drift", "--exit-code").exitCode()).isZero();

            succeeds(otherEnv, "db", "up");
            assertThat(MateyProcess.run(dir, otherEnv, "db", "drift", "--exit-code").exitCode()).isZero();
            try (Connection c = other.connect()) {
                assertThat(TestDatabase.firstValue(c, "SELECT count(*) FROM " + table)).isEqualTo("2");
            }
            return Files.readString(file);
        }
    }

    private MateyProcess.Result succeeds(Map<String, String> env, String... args) throws Exception {
        MateyProcess.Result result = MateyProcess.run(dir, env, args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.stdout() + result.stderr()).isZero();
        return result;
    }
}
