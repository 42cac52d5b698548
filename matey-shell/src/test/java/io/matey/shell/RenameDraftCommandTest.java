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
 * A table or column renamed by hand, kept as a user does: {@code db drift --draft} shows a marked rename,
 * {@code db new --from-drift} writes it, {@code schema apply} replays it (its down section too), {@code db adopt
 * --apply} records it on the renamed database, and {@code db up} runs it on another database at the committed state,
 * keeping its rows (real databases, each set up by {@code db up} or {@code db bootstrap}).
 */
class RenameDraftCommandTest {

    private static final String POSTGRES = """
            CREATE SCHEMA app;
            CREATE TABLE t_c (id bigserial PRIMARY KEY, name text NOT NULL);
            CREATE INDEX t_c_name ON t_c (name);
            CREATE TABLE items (id bigint PRIMARY KEY, qty numeric(10,3) NOT NULL);
            CREATE TABLE app.invoices (id bigint PRIMARY KEY, total numeric(10,2));
            """;

    private static final String POSTGRES_ROWS = """
            INSERT INTO t_c (name) VALUES ('a'), ('b');
            INSERT INTO items VALUES (1, 1.5), (2, 2);
            INSERT INTO app.invoices VALUES (1, 10), (2, 20);
            """;

    @TempDir
    Path dir;

    @Test
    void aTableRenamedOnPostgres() throws Exception {
        String draft = keep("postgres", POSTGRES, POSTGRES_ROWS, "ALTER TABLE public.t_c RENAME TO t_gamma", "t_gamma",
                "up");
        assertThat(draft).contains("-- matey: looks like a rename of public.t_c to public.t_gamma (same columns); "
                + "check before committing\nALTER TABLE public.t_c RENAME TO t_gamma;")
                .doesNotContain("DROP TABLE", "CREATE TABLE", "Changed out of band");
    }

    @Test
    void aColumnRenamedOnPostgres() throws Exception {
        String draft = keep("postgres", POSTGRES, POSTGRES_ROWS, "ALTER TABLE items RENAME COLUMN qty TO quantity",
                "items", "bootstrap");
        assertThat(draft).contains("ALTER TABLE public.items RENAME COLUMN qty TO quantity;")
                .doesNotContain("ADD COLUMN", "DROP COLUMN");
    }

    /** The drop and create drafted before clashed on the primary key's name, which the renamed table keeps. */
    @Test
    void aTableInAnotherSchemaRenamedOnPostgres() throws Exception {
        String draft = keep("postgres", POSTGRES, POSTGRES_ROWS, "ALTER TABLE app.invoices RENAME TO bills",
                "app.bills", "up");
        assertThat(draft).contains("ALTER TABLE app.invoices RENAME TO bills;").doesNotContain("invoices_pkey");
    }

    @Test
    void aTableAndAColumnRenamedOnMariadb() throws Exception {
        String draft = keep("mysql", """
                CREATE TABLE t_c (id bigint PRIMARY KEY, name varchar(20) NOT NULL, KEY t_c_name (name));
                CREATE TABLE items (id bigint PRIMARY KEY, qty decimal(10,3) NOT NULL);
                """, ROWS, "RENAME TABLE t_c TO t_gamma; ALTER TABLE items RENAME COLUMN qty TO quantity", "t_gamma",
                "up");
        assertThat(draft).contains("ALTER TABLE `t_c` RENAME TO `t_gamma`;",
                "ALTER TABLE `items` RENAME COLUMN `qty` TO `quantity`;").doesNotContain("DROP TABLE", "DROP COLUMN");
    }

    /** Both renames on SQLite, on databases {@code db bootstrap} loads from {@code schema.sql}. */
    @Test
    void aTableAndAColumnRenamedOnSqlite() throws Exception {
        String draft = keep("sqlite", """
                CREATE TABLE t_c (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                CREATE INDEX t_c_name ON t_c (name);
                CREATE TABLE items (id INTEGER PRIMARY KEY, qty NUMERIC(10,3) NOT NULL);
                """, ROWS, "ALTER TABLE t_c RENAME TO t_gamma; ALTER TABLE items RENAME COLUMN qty TO quantity",
                "t_gamma", "bootstrap");
        assertThat(draft).contains("-- matey: looks like a rename of t_c to t_gamma (same columns); check before "
                + "committing\nALTER TABLE t_c RENAME TO t_gamma;", "-- matey: looks like a rename of column qty of "
                + "items to quantity (same definition); check before committing\nALTER TABLE items RENAME COLUMN qty "
                + "TO quantity;").doesNotContain("DROP TABLE", "DROP COLUMN", "_new");
    }

    /**
     * A column that a view reads, and another view through it, renamed on SQLite the only way SQLite allows: the views
     * dropped, the column renamed, the views created again; the draft does the same around its rename.
     */
    @Test
    void aColumnReadByAViewOverAViewRenamedOnSqlite() throws Exception {
        String draft = keep("sqlite", """
                CREATE TABLE items (id INTEGER PRIMARY KEY, qty NUMERIC(10,3) NOT NULL);
                CREATE VIEW v AS SELECT id, qty FROM items;
                CREATE VIEW vv AS SELECT qty FROM v;
                """, "INSERT INTO items VALUES (1, 1.5), (2, 2);\n", "DROP VIEW vv; DROP VIEW v; ALTER TABLE items "
                + "RENAME COLUMN qty TO quantity; CREATE VIEW v AS SELECT id, quantity FROM items; CREATE VIEW vv AS "
                + "SELECT quantity FROM v", "items", "up");
        assertThat(draft).contains("DROP VIEW vv;", "ALTER TABLE items RENAME COLUMN qty TO quantity;",
                "CREATE VIEW vv AS SELECT quantity FROM v;").doesNotContain("Changed out of band", "DROP COLUMN");
    }

    private static final String ROWS = """
            INSERT INTO t_c VALUES (1, 'a'), (2, 'b');
            INSERT INTO items VALUES (1, 1.5), (2, 2);
            """;

    /**
     * Applies {@code schema} to two databases and inserts {@code rows} into both, changes one by hand, keeps the change
     * through the draft and runs it on the other: both end clean, and {@code table} keeps its two rows there.
     *
     * @param setup what sets the databases up at the committed state: {@code db up} or {@code db bootstrap}
     * @return the draft as {@code db new --from-drift} wrote it, which {@code db drift --draft} printed too
     */
    private String keep(String engine, String schema, String rows, String change, String table, String setup)
            throws Exception {
        try (TestDatabase live = TestDatabase.create(engine); TestDatabase other = TestDatabase.create(engine)) {
            Map<String, String> env = Map.of("DATABASE_URL", live.url().raw(), "TEST_DATABASE_URL",
                    TestDatabase.serverBase(engine).raw());
            Map<String, String> otherEnv = Map.of("DATABASE_URL", other.url().raw(), "TEST_DATABASE_URL",
                    TestDatabase.serverBase(engine).raw());
            assertThat(MateyProcess.run(dir, env, "init", "--engine", engine).exitCode()).isZero();
            Files.writeString(dir.resolve("migrations/001_schema.sql"), "-- migrate:up\n" + schema
                    + "-- migrate:down\n", StandardCharsets.UTF_8);
            succeeds(env, "schema", "apply");
            succeeds(env, "db", setup);
            succeeds(otherEnv, "db", setup);
            live.execute(rows);
            other.execute(rows);
            for (String statement : change.split("; ")) {
                live.execute(statement);
            }

            String printed = succeeds(env, "db", "drift", "--draft").stdout();
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
            String draft = Files.readString(file);
            assertThat(printed).contains(draft.substring(draft.indexOf("-- migrate:up")));
            return draft;
        }
    }

    private MateyProcess.Result succeeds(Map<String, String> env, String... args) throws Exception {
        MateyProcess.Result result = MateyProcess.run(dir, env, args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.stdout() + result.stderr()).isZero();
        return result;
    }
}
