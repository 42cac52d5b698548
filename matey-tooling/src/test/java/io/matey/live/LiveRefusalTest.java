package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.matey.engine.MigrationFailedException;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestEngines;
import io.matey.testing.TestWorkspace;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stale artifacts, failing migrations and unreachable servers: refused or reported precisely, nothing half done. */
class LiveRefusalTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix
    void staleArtifactsAreRefusedNamingTheDiagnostic(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine).twoMigrations()) {
            h.up();
            h.ws.write("db/core/migrations/002_two.sql", h.ws.read("db/core/migrations/002_two.sql") + "-- edited\n");
            List<ThrowingCallable> commands = List.of(h::up, h::migrate, () -> h.down(1), h::bootstrap, h::drift,
                    h::plan);
            for (ThrowingCallable command : commands) {
                assertThatThrownBy(command).isInstanceOf(MateyException.class)
                        .hasFieldOrPropertyWithValue("reason", Reason.STALE_ARTIFACTS)
                        .hasMessageStartingWith("Worktree schema artifacts of target 'db/core' are not clean; refusing db ")
                        .hasMessageContaining("Diagnostics:\n  coherence-")
                        .hasMessageContaining("\n  coherence-migration-digest-mismatch@migrations/002_two.sql: ")
                        .as("the edit of an applied migration never reaches this database: not blessed by schema apply")
                        .hasMessageContaining(". migrations/002_two.sql is already applied on " + h.db.url()
                                + ": editing it will not change that database. Restore it (`git restore "
                                + "db/core/migrations/002_two.sql`) and put the change in a new migration (`matey db new NAME "
                                + "--path db/core`); then `matey schema apply --path db/core` brings the artifacts up "
                                + "to date. Diagnostics:")
                        .hasMessageNotContaining("Run `matey schema apply");
            }
            // status reads only the migrations and the database, so it still answers.
            assertThat(h.status().applied()).isEqualTo(2);
            assertThat(h.recordedVersions()).isEqualTo(2);

            h.ws.apply();
            h.down(1);
            h.ws.write("db/core/migrations/002_two.sql", h.ws.read("db/core/migrations/002_two.sql") + "-- again\n");
            assertThatThrownBy(h::up).as("a pending migration may be edited").hasMessageContaining(
                    "refusing db up. Run `matey schema apply --path db/core` to bring them up to date. Diagnostics:");
            String unreachable = h.url().replaceFirst("@127\\.0\\.0\\.1:\\d+/", "@127.0.0.1:1/");
            if (!unreachable.equals(h.url())) { // a server's port
                assertThatThrownBy(() -> h.live.up(h.target(), unreachable)).as("the database cannot be asked")
                        .hasMessageContaining("refusing db up. Edited: migrations/002_two.sql. If the live database "
                                + "has applied the edited migration, the edit will never change it: restore the file "
                                + "(`git restore db/core/migrations/002_two.sql`) and put the change in a new migration "
                                + "(`matey db new NAME --path db/core`); otherwise run `matey schema apply --path "
                                + "db/core` to bring the artifacts up to date. Diagnostics:");
            }
        }
    }

    /**
     * A migration the live rows reject (duplicates under a unique index, NULLs under NOT NULL, rows a foreign key
     * does not find) fails on the data, not on its text: the advice is to fix the data, never the file alone.
     */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void aMigrationTheLiveRowsRejectAdvisesFixingTheData(String engine) throws Exception {
        boolean postgres = engine.equals("postgres");
        try (LiveHarness h = LiveHarness.unborn(dir, engine)) {
            TestWorkspace ws = h.ws;
            ws.migration("001_one.sql", ws.createTable("it_one") + "\n" + ws.createTable("it_parent"),
                    "DROP TABLE it_parent;\nDROP TABLE it_one;");
            ws.apply();
            h.up();
            h.db.execute("INSERT INTO it_one (id, name) VALUES (1, 'dup'), (2, 'dup'), (3, NULL);");
            String uniqueDown = postgres ? "DROP INDEX it_one_name;" : "DROP INDEX it_one_name ON it_one;";
            List<List<String>> rejected = List.of(
                    List.of("CREATE UNIQUE INDEX it_one_name ON it_one (name);", uniqueDown),
                    postgres ? List.of("ALTER TABLE it_one ALTER COLUMN name SET NOT NULL;",
                            "ALTER TABLE it_one ALTER COLUMN name DROP NOT NULL;")
                            : List.of("ALTER TABLE it_one MODIFY name VARCHAR(40) NOT NULL;",
                                    "ALTER TABLE it_one MODIFY name VARCHAR(40);"),
                    List.of("ALTER TABLE it_one ADD CONSTRAINT it_one_parent FOREIGN KEY (id) REFERENCES it_parent (id);",
                            "ALTER TABLE it_one " + (postgres ? "DROP CONSTRAINT" : "DROP FOREIGN KEY") + " it_one_parent;"),
                    // A value the new type cannot hold (class 22): an enum label removed, text that is no number.
                    postgres ? List.of("ALTER TABLE it_one ALTER COLUMN name TYPE integer USING name::integer;",
                            "ALTER TABLE it_one ALTER COLUMN name TYPE varchar(40);")
                            : List.of("ALTER TABLE it_one MODIFY name INT;", "ALTER TABLE it_one MODIFY name VARCHAR(40);"),
                    postgres ? List.of("ALTER TABLE it_one ALTER COLUMN name TYPE varchar(2);",
                            "ALTER TABLE it_one ALTER COLUMN name TYPE varchar(40);")
                            : List.of("ALTER TABLE it_one MODIFY name DATE;", "ALTER TABLE it_one MODIFY name VARCHAR(40);"),
                    // A statement before the rejected one: on MySQL it took effect, and --resume follows the fix.
                    List.of(ws.createTable("it_two") + "\nCREATE UNIQUE INDEX it_one_name ON it_one (name);",
                            uniqueDown + "\nDROP TABLE it_two;"));
            Throwable failure = null;
            for (List<String> migration : rejected) {
                ws.migration("002_two.sql", migration.get(0), migration.get(1));
                ws.apply();
                failure = catchThrowable(h::up);
                assertThat(failure).as(migration.get(0)).isInstanceOf(MigrationFailedException.class)
                        .hasMessageMatching("(?s).*fix(ing)? the data.*")
                        .hasMessageNotContaining("fix the file").hasMessageNotContaining("fixing the file");
            }
            assertThat(failure).hasMessageContaining(postgres
                    ? "The section was rolled back and its version is not recorded; the failure may be caused by the "
                            + "data the statement read: fix the data (or make the migration clean it before this "
                            + "statement, then `matey schema apply --path db/core`) and run again."
                    : "`matey db up --path db/core --url '" + h.db.url() + "' --resume` (after fixing the data the "
                            + "statement rejected, or the file and `matey schema apply --path db/core`) continues from "
                            + "the failed statement, which took no effect.");
        }
    }

    /** SQLite reports no SQLSTATE: its constraint result code tells a migration the live rows reject. */
    @Test
    void sqliteToldAMigrationTheLiveRowsRejectAdvisesFixingTheData() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "sqlite")) {
            TestWorkspace ws = h.ws;
            ws.migration("001_one.sql", ws.createTable("it_one"), "DROP TABLE it_one;");
            ws.apply();
            h.up();
            h.db.execute("INSERT INTO it_one (id, name) VALUES (1, 'dup'), (2, 'dup'), (3, NULL);");
            for (List<String> migration : List.of(
                    List.of("CREATE UNIQUE INDEX it_one_name ON it_one (name);", "DROP INDEX it_one_name;"),
                    List.of("CREATE TABLE it_two (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
                            + "INSERT INTO it_two SELECT id, name FROM it_one;", "DROP TABLE it_two;"))) {
                ws.migration("002_two.sql", migration.get(0), migration.get(1));
                ws.apply();
                assertThat(catchThrowable(h::up)).as(migration.get(0)).isInstanceOf(MigrationFailedException.class)
                        .hasMessageContaining("The section was rolled back and its version is not recorded; the failure "
                                + "may be caused by the data the statement read: fix the data", "`matey schema apply`")
                        .hasMessageNotContaining("fix the file");
            }
        }
    }

    /**
     * The second of three migrations fails on the live database only (a row there conflicts with its insert), so
     * the artifacts are clean; after the file is fixed and applied, up proceeds to head.
     */
    @ParameterizedTest
    @EngineMatrix
    void failingMigrationLeavesNothingOfItselfAndUpProceedsOnceFixed(String engine) throws Exception {
        boolean rollsBack = TestEngines.named(engine).transactionalDdl();
        try (LiveHarness h = LiveHarness.unborn(dir, engine)) {
            TestWorkspace ws = h.ws;
            ws.migration("001_one.sql", ws.createTable("it_one"), "DROP TABLE it_one;");
            ws.apply();
            h.up();
            h.db.execute("INSERT INTO it_one (id, name) VALUES (1, 'live');");
            ws.migration("002_two.sql", ws.createTable("it_two") + "\nINSERT INTO it_one (id, name) VALUES (1, 'x');",
                    "DELETE FROM it_one WHERE id = 1;\nDROP TABLE it_two;");
            ws.migration("003_three.sql", ws.createTable("it_three"), "DROP TABLE it_three;");
            ws.apply();

            assertThatThrownBy(h::up).isInstanceOf(MigrationFailedException.class)
                    .hasFieldOrPropertyWithValue("reason", Reason.MIGRATION_FAILED)
                    .hasMessageStartingWith("db up failed: migrations/002_two.sql:3: up section failed: ")
                    .hasMessageContaining("Statement: 'INSERT INTO it_one (id, name) VALUES (1, 'x')'")
                    .hasMessageContaining(rollsBack
                            ? "The section was rolled back and its version is not recorded"
                            : "Statements at line(s) 2 took effect and stay applied");
            assertThat(h.status().applied()).isEqualTo(1);
            assertThat(h.recordedVersions()).isEqualTo(1);
            if (rollsBack) {
                assertThat(h.drift().drifted()).as("nothing of 002 stays").isFalse();
            } else {
                assertThat(h.drift().drifted()).isTrue();
                assertThat(h.status().interrupted().describe()).startsWith("migration migrations/002_two.sql was "
                        + "interrupted after statement 1 of 2 (up section)");
            }

            ws.migration("002_two.sql", ws.createTable("it_two") + "\nINSERT INTO it_one (id, name) VALUES (2, 'x');",
                    "DELETE FROM it_one WHERE id = 2;\nDROP TABLE it_two;");
            ws.apply();
            // Without transactional DDL the fixed migration continues after its CREATE TABLE, which took effect.
            LiveChange up = rollsBack ? h.up() : h.live.upResuming(h.target(), h.url());
            assertThat(up.before()).isEqualTo(1);
            assertThat(up.after()).isEqualTo(3);
            assertThat(h.plan().match()).isTrue();
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void failureNamesTheMigrationsThisRunAlreadyApplied(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine).twoMigrations()) {
            h.up();
            h.ws.migration("003_three.sql", h.ws.createTable("it_three"), "DROP TABLE it_three;");
            h.ws.migration("004_four.sql", "INSERT INTO it_one (id, name) VALUES (7, 'seven');",
                    "DELETE FROM it_one WHERE id = 7;");
            h.ws.apply();
            // A row, not a schema change (no drift): the replay's empty table takes the insert, the live one refuses it.
            h.db.execute("INSERT INTO it_one (id, name) VALUES (7, 'taken');");
            assertThatThrownBy(h::up).isInstanceOf(MigrationFailedException.class)
                    .hasMessageStartingWith("db up failed: migrations/004_four.sql:2: up section failed: ")
                    .hasMessageEndingWith("Earlier migrations of this run stay done: migrations/003_three.sql; "
                            + "the live database is at index 3.");
            assertThat(h.status().applied()).isEqualTo(3);
            h.db.execute("DELETE FROM it_one WHERE id = 7;");
            assertThat(h.up().after()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EngineMatrix(servers = true)
    void unreachableServerIsReportedWithoutThePassword(String engine) throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, engine);
        ws.migration("001_one.sql", ws.createTable("it_one"), "DROP TABLE it_one;");
        ws.apply();
        String url = engine + "://matey:s3cret-pw@127.0.0.1:1/live";
        LiveDatabase live = new LiveDatabase(ws.env(), line -> { });
        var target = ws.matey().target(TestWorkspace.TARGET);
        for (ThrowingCallable command : List.<ThrowingCallable>of(() -> live.up(target, url),
                () -> live.status(target, url), () -> live.plan(target, url))) {
            assertThatThrownBy(command).isInstanceOf(MateyException.class)
                    .hasFieldOrPropertyWithValue("reason", Reason.DATABASE_UNAVAILABLE)
                    .hasMessageContaining("cannot reach the server of " + engine + "://matey:****@127.0.0.1:1/live")
                    .hasMessageNotContaining("s3cret-pw");
        }
    }

    @ParameterizedTest
    @EngineMatrix(servers = true, variants = true)
    void refusedLoginIsToldApartFromAnUnreachableServer(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine).twoMigrations()) {
            URI server = URI.create(h.url());
            String url = new URI(server.getScheme(), "matey_nobody:s3cret-pw", server.getHost(), server.getPort(),
                    server.getPath(), server.getQuery(), null).toString();
            assertThatThrownBy(() -> h.live.up(h.target(), url)).isInstanceOf(MateyException.class)
                    .hasFieldOrPropertyWithValue("reason", Reason.DATABASE_UNAVAILABLE)
                    .hasMessageStartingWith("db up failed: the server at " + server.getScheme() + "://matey_nobody:****@"
                            + server.getHost() + ":" + server.getPort() + server.getPath())
                    .hasMessageContaining(" refused the login: ").hasMessageNotContaining("(conn=")
                    .hasMessageNotContaining("s3cret-pw");
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void liveUrlComesFromTheEnvironmentAndMustMatchTheEngine(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine).twoMigrations()) {
            var target = h.target();
            assertThatThrownBy(() -> h.live.status(target, (String) null)).isInstanceOf(MateyException.class)
                    .hasMessage("Live database URL is missing. Pass --url or set DB_CORE_DATABASE_URL (the target's "
                            + "url_env) in the environment; live commands read no .env file.");
            h.ws.env().put("DB_CORE_DATABASE_URL", h.url());
            assertThat(new LiveDatabase(h.ws.env(), line -> { }).up(target, (String) null).after()).isEqualTo(2);
            String other = engine.equals("sqlite") ? "mysql://root@127.0.0.1:3306/x" : "sqlite3:x.sqlite3";
            assertThatThrownBy(() -> h.live.status(target, other))
                    .hasMessageContaining("but " + target.configFile() + " says engine '" + engine + "'");
        }
    }

    /**
     * config.toml's {@code [inexact_downs]} is no input the lock's digests cover: an entry added, removed or reworded
     * since {@code schema apply} means the lock's round trip of that down section was checked under another list, so
     * {@code db down} over it refuses and names {@code schema apply} (exit 2, nothing rolled back), where it would
     * otherwise trust the lock. {@code db up} runs no down section and goes on.
     */
    @Test
    void downOverAStaleInexactDownAcceptanceIsRefused() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "sqlite")) {
            String configFile = TestWorkspace.TARGET + "/config.toml";
            String config = h.ws.read(configFile) + "\n[inexact_downs]\n";
            String kept = "\"001_a.sql\" = \"a_log is kept\"\n";
            h.ws.write(configFile, config + kept);
            h.ws.migration("001_a.sql", "CREATE TABLE a (id INTEGER);\nCREATE TABLE a_log (id INTEGER);", "DROP TABLE a;");
            h.ws.migration("002_b.sql", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");
            h.ws.apply();
            assertThat(h.up().after()).isEqualTo(2);
            String refused = "db down refused: [inexact_downs] in " + h.target().configFile() + " does not match the "
                    + "lock: ";
            String fix = "; nothing was rolled back: run `matey schema apply --path db/core` to check the round trip "
                    + "again and rewrite the lock.";

            h.ws.write(configFile, config + kept + "\"002_b.sql\" = \"reviewed\"\n");
            assertThatThrownBy(() -> h.down(1)).isInstanceOf(MateyException.class)
                    .hasFieldOrPropertyWithValue("reason", Reason.STALE_ARTIFACTS)
                    .hasMessage(refused + "Lock records no accepted inexact down for migrations/002_b.sql, but "
                            + "config.toml accepts it: 'reviewed', so its round trip was not checked under the current "
                            + "list" + fix);
            assertThat(h.status().applied()).isEqualTo(2);

            h.ws.write(configFile, config);
            assertThat(h.down(1).after()).as("002's acceptance matches the lock again").isEqualTo(1);
            assertThatThrownBy(() -> h.down(1)).hasMessage(refused + "Lock records the accepted inexact down "
                    + "'a_log is kept' for migrations/001_a.sql, but config.toml accepts none, so its round trip was not "
                    + "checked under the current list" + fix);
            assertThat(h.up().after()).as("up runs no down section").isEqualTo(2);

            h.ws.write(configFile, config + kept);
            assertThatThrownBy(() -> h.down(2)).as("the acceptance as the lock records it")
                    .hasMessageContaining("refused: the down section of migrations/001_a.sql is accepted as inexact "
                            + "(a_log is kept)");
        }
    }
}
