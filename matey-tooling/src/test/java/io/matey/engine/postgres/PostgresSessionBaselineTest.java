package io.matey.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.Matey;
import io.matey.engine.MigrationRunner;
import io.matey.migration.Migration;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each section starts from the connection's own session, however migrations are batched (docs/architecture.md §7). */
class PostgresSessionBaselineTest {

    private static final String A = "20240101000000_a.sql";
    private static final String B = "20240102000000_b.sql";

    private static final String SEARCH_PATH_UP = """
            CREATE SCHEMA app;
            SET search_path TO app, public;
            CREATE TABLE a (id int);""";
    private static final String SEARCH_PATH_DOWN = "DROP TABLE app.a;\nDROP SCHEMA app;";

    private static final String PG_DUMP_PREAMBLE = """
            SET statement_timeout = 0;
            SET lock_timeout = 0;
            SET client_encoding = 'UTF8';
            SET standard_conforming_strings = on;
            SELECT pg_catalog.set_config('search_path', '', false);
            SET check_function_bodies = false;
            SET xmloption = content;
            SET client_min_messages = warning;
            SET row_security = off;
            CREATE TABLE public.a (id integer);""";

    @TempDir
    Path dir;

    @Test
    void aSearchPathSetByOneMigrationDoesNotReachTheNextInReplayOrOnLiveDatabases() throws SQLException {
        TestWorkspace together = new TestWorkspace(dir.resolve("together"), "postgres");
        together.migration(A, SEARCH_PATH_UP, SEARCH_PATH_DOWN);
        together.migration(B, "CREATE TABLE b (id int);", "DROP TABLE b;");
        together.apply();
        assertThat(together.read(TestWorkspace.TARGET + "/checkpoints/20240102000000_b.sql"))
                .contains("CREATE TABLE public.b").doesNotContain("app.b");

        TestWorkspace apart = new TestWorkspace(dir.resolve("apart"), "postgres");
        apart.migration(A, SEARCH_PATH_UP, SEARCH_PATH_DOWN);
        apart.apply();
        try (TestDatabase oneRun = TestDatabase.unborn("postgres"); TestDatabase twoRuns = TestDatabase.unborn("postgres")) {
            Matey apartMatey = apart.matey();
            apartMatey.dbUp(apartMatey.target(TestWorkspace.TARGET), twoRuns.url().raw(), line -> { });
            apart.migration(B, "CREATE TABLE b (id int);", "DROP TABLE b;");
            apart.apply();
            apartMatey.dbUp(apartMatey.target(TestWorkspace.TARGET), twoRuns.url().raw(), line -> { });

            Matey matey = together.matey();
            matey.dbUp(matey.target(TestWorkspace.TARGET), oneRun.url().raw(), line -> { });

            assertThat(dump(oneRun)).contains("CREATE TABLE public.b").isEqualTo(dump(twoRuns));
            assertThat(matey.dbDown(matey.target(TestWorkspace.TARGET), oneRun.url().raw(), 2, line -> { }).after())
                    .isZero();
            assertThat(dump(oneRun)).isEmpty();
        }
    }

    @Test
    void aPgDumpPreambleEndsWithItsMigration() throws SQLException {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        ws.migration(A, PG_DUMP_PREAMBLE, "DROP TABLE public.a;");
        ws.migration(B, """
                CREATE TABLE b (id int);
                CREATE FUNCTION b_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM b';""",
                "DROP FUNCTION b_count();\nDROP TABLE b;");
        ws.apply();
        assertThat(ws.read(TestWorkspace.TARGET + "/checkpoints/20240102000000_b.sql")).contains("CREATE TABLE public.b");
        try (TestDatabase db = TestDatabase.unborn("postgres")) {
            Matey matey = ws.matey();
            assertThat(matey.dbUp(matey.target(TestWorkspace.TARGET), db.url().raw(), line -> { }).after()).isEqualTo(2);
            assertThat(matey.dbDown(matey.target(TestWorkspace.TARGET), db.url().raw(), 2, line -> { }).after()).isZero();
        }
    }

    @Test
    void roleSettingsAndTemporaryTablesEndWithTheSectionWhileWhatTheSessionHadBeforeStays() throws SQLException {
        String role = "matey_role_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Migration migration = migration("migrations/" + A, """
                -- migrate:up transaction:false
                SET ROLE %s;
                SET search_path TO pg_catalog;
                SET work_mem = '77MB';
                CREATE TEMP TABLE scratch_rows (id int);
                -- migrate:down
                SELECT 1;
                """.formatted(role));
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            execute(c, "CREATE ROLE " + role);
            try {
                execute(c, "GRANT ALL ON SCHEMA public TO " + role + "; SET statement_timeout = '42s'");
                db.engine().migrationTable().ensure(c);

                new MigrationRunner(db.engine(), c, MigrationRunner.DISCARDED_SCRATCH).up(migration);

                assertThat(TestDatabase.firstValue(c, "SELECT current_user")).isEqualTo("postgres");
                assertThat(TestDatabase.firstValue(c, "SHOW search_path")).isEqualTo("\"$user\", public");
                assertThat(TestDatabase.firstValue(c, "SHOW work_mem")).isEqualTo("4MB");
                assertThat(TestDatabase.firstValue(c, "SELECT to_regclass('pg_temp.scratch_rows')::text")).isNull();
                assertThat(TestDatabase.firstValue(c, "SHOW statement_timeout")).as("set before the first section").isEqualTo("42s");
                assertThat(db.engine().migrationTable().appliedVersions(c)).containsExactly("20240101000000");
            } finally {
                execute(c, "RESET ROLE; DROP OWNED BY " + role + "; DROP ROLE " + role);
            }
        }
    }

    @Test
    void aFailedSectionLeavesNoSettingBehindEither() throws SQLException {
        Migration failing = migration("migrations/" + A, """
                -- migrate:up transaction:false
                SET search_path TO pg_catalog;
                SELECT 1 / 0;
                -- migrate:down
                SELECT 1;
                """);
        Migration plain = migration("migrations/" + B, """
                -- migrate:up
                CREATE TABLE b (id int);
                -- migrate:down
                DROP TABLE b;
                """);
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);
            MigrationRunner runner = new MigrationRunner(db.engine(), c, MigrationRunner.DISCARDED_SCRATCH);

            assertThatThrownBy(() -> runner.up(failing)).hasMessageContaining("division by zero");
            runner.up(plain);

            assertThat(db.engine().dumpSchema(c)).contains("CREATE TABLE public.b");
        }
    }

    private static String dump(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return db.engine().dumpSchema(c);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static Migration migration(String file, String text) {
        return new Migration(file, file.replaceAll("^migrations/(\\d+).*", "$1"), text.getBytes(StandardCharsets.UTF_8));
    }
}
