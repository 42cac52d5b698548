package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.testing.DbmateBinary;
import io.matey.engine.MateyUrl;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/** Matey and the real dbmate share {@code schema_migrations}: each continues where the other stopped. */
class DbmateInteropTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix
    void mateyContinuesADatabaseMigratedByDbmate(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir.resolve("ws"), engine).twoMigrations()) {
            Path firstOnly = Files.createDirectories(dir.resolve("first-only"));
            Files.copy(h.ws.target().resolve("migrations/001_one.sql"), firstOnly.resolve("001_one.sql"));
            DbmateBinary.Result up = DbmateBinary.installed().run(h.db.url(), firstOnly, "--no-dump-schema", "up");
            assertThat(up.exitCode()).as(up.output()).isZero();

            LiveStatus status = h.status();
            assertThat(status.migrations()).extracting(LiveStatus.Entry::applied).containsExactly(true, false);
            assertThat(status.applied()).isEqualTo(1);
            assertThat(status.pending()).isEqualTo(1);
            assertThat(h.drift().drifted()).as(h.drift().diff()).isFalse();

            LiveChange migrate = h.migrate();
            assertThat(migrate.before()).isEqualTo(1);
            assertThat(migrate.after()).isEqualTo(2);
            assertThat(h.plan().match()).isTrue();
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void dbmateReadsAndRollsBackADatabaseMigratedByMatey(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine).twoMigrations()) {
            h.up();
            Path migrations = h.ws.target().resolve("migrations");
            DbmateBinary dbmate = DbmateBinary.installed();

            DbmateBinary.Result status = dbmate.run(h.db.url(), migrations, "status");
            assertThat(status.exitCode()).as(status.output()).isZero();
            assertThat(status.output()).contains("[X] 001_one.sql", "[X] 002_two.sql", "Applied: 2", "Pending: 0");

            DbmateBinary.Result rollback = dbmate.run(h.db.url(), migrations, "--no-dump-schema", "rollback");
            assertThat(rollback.exitCode()).as(rollback.output()).isZero();
            assertThat(rollback.output()).contains("Rolling back: 002_two.sql");

            assertThat(h.status().applied()).isEqualTo(1);
            assertThat(h.drift().drifted()).isFalse();
            assertThat(h.drift().appliedIndex()).isEqualTo(1);
            assertThat(h.up().after()).isEqualTo(2);
            assertThat(dbmate.run(h.db.url(), migrations, "status").output()).contains("Applied: 2");
        }
    }

    /**
     * dbmate dumps SQLite with the sqlite3 shell, which ends every view with a comment listing its columns; a database
     * {@code dbmate load} builds from that file keeps it in the view's SQL and still reads clean, while a comment the
     * migration wrote inside a view stays part of it.
     */
    @Test
    void aSqliteDatabaseLoadedFromDbmatesDumpReadsClean() throws Exception {
        try (LiveHarness h = LiveHarness.created(dir.resolve("ws"), "sqlite");
                TestDatabase theirs = TestDatabase.create("sqlite")) {
            h.ws.migration("001_one.sql", h.ws.createTable("it_one"), "DROP TABLE it_one;");
            h.ws.migration("002_views.sql", "CREATE VIEW it_names AS SELECT id, /* kept */ name FROM it_one;\n"
                    + "CREATE VIEW \"it view\" AS SELECT name FROM it_names;",
                    "DROP VIEW \"it view\";\nDROP VIEW it_names;");
            h.ws.apply();
            Path migrations = h.ws.target().resolve("migrations");
            Path schema = dir.resolve("dbmate-schema.sql");
            DbmateBinary dbmate = DbmateBinary.installed();
            DbmateBinary.Result up = dbmate.run(theirs.url(), migrations, "--schema-file", schema.toString(), "up");
            assertThat(up.exitCode()).as(up.output()).isZero();
            assertThat(Files.readString(schema)).contains("\n/* it_names(id,name) */;", "\n/* \"it view\"(name) */;");

            DbmateBinary.Result load = dbmate.run(h.db.url(), migrations, "--schema-file", schema.toString(), "load");
            assertThat(load.exitCode()).as(load.output()).isZero();
            LiveDrift drift = h.drift();
            assertThat(drift.drifted()).as(drift.diff()).isFalse();
            assertThat(Files.readString(h.ws.target().resolve("schema.sql"))).contains("id, /* kept */ name");
        }
    }

    /**
     * A {@code transaction:false} section that fails partway on the data leaves what dbmate leaves: on PostgreSQL
     * nothing, since dbmate's one query of the section is one implicit transaction there (and nothing marks the
     * migration interrupted); on MySQL (DDL commits itself) and SQLite the statement before the failure.
     */
    @ParameterizedTest
    @EngineMatrix
    void aTransactionFalseSectionThatFailsPartwayLeavesWhatDbmateLeaves(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir.resolve("ws"), engine);
                TestDatabase theirs = TestDatabase.create(engine)) {
            h.ws.migration("001_one.sql", h.ws.createTable("it_one"), "DROP TABLE it_one;");
            h.ws.apply();
            Path firstOnly = Files.createDirectories(dir.resolve("first-only"));
            Files.copy(h.ws.target().resolve("migrations/001_one.sql"), firstOnly.resolve("001_one.sql"));
            DbmateBinary dbmate = DbmateBinary.installed();
            assertThat(dbmate.run(theirs.url(), firstOnly, "--no-dump-schema", "up").exitCode()).isZero();
            h.up();
            String row = "INSERT INTO it_one (id, name) VALUES (1, 'live');";
            h.db.execute(row);
            theirs.execute(row);
            h.ws.write(TestWorkspace.TARGET + "/migrations/002_origin.sql", "-- migrate:up transaction:false\n"
                    + "ALTER TABLE it_one ADD COLUMN origin VARCHAR(10);\n" + row + "\n\n-- migrate:down\n"
                    + "DELETE FROM it_one WHERE id = 1;\nALTER TABLE it_one DROP COLUMN origin;\n");
            h.ws.apply();

            DbmateBinary.Result theirUp = dbmate.run(theirs.url(), h.ws.target().resolve("migrations"),
                    "--no-dump-schema", "up");
            assertThat(theirUp.exitCode()).as(theirUp.output()).isEqualTo(2);
            boolean postgres = engine.equals("postgres");
            assertThatThrownBy(h::up).hasMessageContaining(postgres ? "The section was rolled back (transaction:false "
                    + "still runs its statements in one transaction" : "Statements at line(s) 2 took effect");
            assertThat(h.db.hasColumn("it_one", "origin")).isEqualTo(theirs.hasColumn("it_one", "origin"))
                    .isEqualTo(!postgres);
            assertThat(h.status().interrupted() == null).isEqualTo(postgres);
        }
    }

    /**
     * dbmate's {@code search_path} convention: {@code ?search_path=dbmate,app} keeps {@code schema_migrations} in
     * schema {@code dbmate}, created when missing. A database dbmate built that way reads clean, and Matey builds
     * the same layout, which dbmate reads back.
     */
    @Test
    void searchPathKeepsTheMigrationsTableInItsFirstSchemaForBothTools() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir.resolve("ws"), "postgres");
                TestDatabase byMatey = TestDatabase.unborn("postgres");
                TestDatabase bootstrapped = TestDatabase.unborn("postgres")) {
            h.ws.migration("001_app.sql", "CREATE SCHEMA app;\nCREATE TABLE app.items (id integer PRIMARY KEY);",
                    "DROP TABLE app.items;\nDROP SCHEMA app;");
            h.ws.migration("002_tags.sql", "CREATE TABLE app.tags (id integer PRIMARY KEY);", "DROP TABLE app.tags;");
            h.ws.apply();
            Path migrations = h.ws.target().resolve("migrations");
            DbmateBinary dbmate = DbmateBinary.installed();

            MateyUrl byDbmate = h.db.urlWithSearchPath("dbmate,app");
            DbmateBinary.Result up = dbmate.run(byDbmate, migrations, "--no-dump-schema", "up");
            assertThat(up.exitCode()).as(up.output()).isZero();
            assertThat(h.live.status(h.target(), byDbmate.raw()).applied()).isEqualTo(2);
            LiveDrift drift = h.live.drift(h.target(), byDbmate.raw());
            assertThat(drift.drifted()).as(drift.diff()).isFalse();
            assertThat(h.live.plan(h.target(), byDbmate.raw()).match()).isTrue();

            MateyUrl mateyUrl = byMatey.urlWithSearchPath("dbmate,app");
            assertThat(h.live.up(h.target(), mateyUrl.raw()).after()).isEqualTo(2);
            assertThat(migrationsSchema(byMatey)).isEqualTo("dbmate");
            DbmateBinary.Result status = dbmate.run(mateyUrl, migrations, "status");
            assertThat(status.output()).as(status.output()).contains("Applied: 2", "Pending: 0");
            assertThat(h.live.down(h.target(), mateyUrl.raw(), 1).after()).isEqualTo(1);
            assertThat(dbmate.run(mateyUrl, migrations, "--no-dump-schema", "up").exitCode()).isZero();
            assertThat(h.live.drift(h.target(), mateyUrl.raw()).drifted()).isFalse();

            MateyUrl bootstrapUrl = bootstrapped.urlWithSearchPath("dbmate,app");
            assertThat(h.live.bootstrap(h.target(), bootstrapUrl.raw()).after()).isEqualTo(2);
            assertThat(migrationsSchema(bootstrapped)).isEqualTo("dbmate");
            assertThat(dbmate.run(bootstrapUrl, migrations, "status").output()).contains("Applied: 2");
        }
    }

    /**
     * dbmate writes {@code schema_migrations} in the section's transaction, in {@code current_schema()} when its URL
     * gives no {@code search_path}: a section that leaves its {@code SET LOCAL search_path} in place makes it fail
     * (lint's L413), one that ends with {@code RESET search_path} (lint's fix) runs under both tools.
     */
    @Test
    void aSectionThatSetsSearchPathBackLetsDbmateRecordItsVersion() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir.resolve("ws"), "postgres");
                TestDatabase left = TestDatabase.unborn("postgres")) {
            String up = "CREATE SCHEMA billing;\nSET LOCAL search_path TO billing, public;\n"
                    + "CREATE TABLE coupons (code text PRIMARY KEY);";
            String down = "SET LOCAL search_path TO billing;\nDROP TABLE coupons;\nRESET search_path;\n"
                    + "DROP SCHEMA billing;";
            h.ws.migration("001_billing.sql", up + "\nRESET search_path;", down);
            h.ws.apply();
            Path migrations = h.ws.target().resolve("migrations");
            Path leftChanged = Files.createDirectories(dir.resolve("left-changed"));
            Files.writeString(leftChanged.resolve("001_billing.sql"), "-- migrate:up\n" + up
                    + "\n\n-- migrate:down\n" + down + "\n");
            DbmateBinary dbmate = DbmateBinary.installed();

            DbmateBinary.Result failed = dbmate.run(left.url(), leftChanged, "--no-dump-schema", "up");
            assertThat(failed.exitCode()).as(failed.output()).isEqualTo(2);
            assertThat(failed.output()).contains("relation \"billing.schema_migrations\" does not exist");

            DbmateBinary.Result theirUp = dbmate.run(h.db.url(), migrations, "--no-dump-schema", "up");
            assertThat(theirUp.exitCode()).as(theirUp.output()).isZero();
            DbmateBinary.Result rollback = dbmate.run(h.db.url(), migrations, "--no-dump-schema", "rollback");
            assertThat(rollback.exitCode()).as(rollback.output()).isZero();
            assertThat(h.up().after()).isEqualTo(1);
            assertThat(dbmate.run(h.db.url(), migrations, "status").output()).contains("Applied: 1");
        }
    }

    private static String migrationsSchema(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT string_agg(schemaname, ',') FROM pg_tables "
                        + "WHERE tablename = 'schema_migrations'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
