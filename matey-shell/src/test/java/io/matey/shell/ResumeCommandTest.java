package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MariaDB migration that stops partway, as a user meets it: {@code db status} reports the interruption with the
 * diff, {@code db up} refuses, and {@code db up --resume} continues after the statement that took effect; abandoned
 * (its file deleted), {@code db status} reports its marker with the way out instead of refusing. Killed during a
 * statement that changes no schema (MariaDB, ClickHouse), the count and the wording stay exact. A section whose file
 * lost or gained statements since it stopped is refused, not continued at a count that now names another statement;
 * a rollback that stopped partway is finished by {@code db down --resume}, which the advice names, rather than undone
 * by {@code db up --resume} applying the migration again (docs/architecture.md §7).
 */
class ResumeCommandTest {

    @TempDir
    Path dir;

    @Test
    void statusReportsAndUpResumeContinues() throws Exception {
        try (TestDatabase live = TestDatabase.unborn("mysql")) {
            Map<String, String> env = init(live);
            migration("001_pre.sql", "CREATE TABLE pre (id int PRIMARY KEY);", "DROP TABLE pre;");
            apply(env);
            MateyProcess.Result first = matey(env, "db", "up");
            assertThat(first.exitCode()).as(first.stderr()).isZero();
            live.execute("INSERT INTO pre VALUES (1)");
            migration("002_two.sql", "CREATE TABLE two (id int);\nINSERT INTO pre VALUES (1);", "DROP TABLE two;\nDELETE FROM pre WHERE id = 1;");
            apply(env);

            MateyProcess.Result failed = matey(env, "db", "up");
            assertThat(failed.exitCode()).isEqualTo(2);
            assertThat(failed.stderr()).contains("migrations/002_two.sql:3: up section failed", "Statements at line(s) 2 took effect");

            MateyProcess.Result status = matey(env, "db", "status", "--exit-code");
            assertThat(status.exitCode()).isEqualTo(1);
            assertThat(status.stdout()).contains("Interrupted: migration migrations/002_two.sql was interrupted after "
                    + "statement 1 of 2 (up section); statement 2 (line 3) failed with an error from the server, so "
                    + "nothing after statement 1 took effect; the database holds a partial state:",
                    "--- checkpoints/001_pre.sql (committed, before migrations/002_two.sql up)", "+++ live database",
                    "+CREATE TABLE `two`", "Fix what made statement 2 fail, then run `matey db up --resume` to continue");
            assertThat(matey(env, "db", "status", "--format", "json").stdout()).contains("\"interrupted_diff\": \"--- "
                    + "checkpoints/001_pre.sql (committed, before migrations/002_two.sql up)\\n+++ live database\\n",
                    "+CREATE TABLE `two`");

            migration("002_two.sql", "CREATE TABLE two (id int);\nINSERT INTO pre VALUES (2);", "DROP TABLE two;\nDELETE FROM pre WHERE id = 2;");
            apply(env);
            MateyProcess.Result refused = matey(env, "db", "up");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.stderr()).startsWith("error: db up refused: migration migrations/002_two.sql was interrupted");

            MateyProcess.Result resumed = matey(env, "db", "up", "--resume");
            assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
            assertThat(resumed.stdout()).containsPattern("up\\s+1\\s+2").contains("Verified: live schema equals the committed state at index 2");
            assertThat(matey(env, "db", "status").stdout()).doesNotContain("Interrupted").contains("Applied: 2");
        }
    }

    @Test
    void statusReportsAnAbandonedMigrationsMarkerWithTheWayOut() throws Exception {
        try (TestDatabase live = TestDatabase.unborn("mysql")) {
            Map<String, String> env = init(live);
            interruptUniqueIndex(live, env);
            Files.delete(dir.resolve("migrations/002_unique.sql")); // abandoned: its file deleted, ...
            apply(env);

            MateyProcess.Result partial = matey(env, "db", "status");
            assertThat(partial.exitCode()).as(partial.stderr()).isZero();
            assertThat(partial.stdout()).contains("[X] migrations/001_users.sql", "Applied: 1", "Interrupted: the "
                    + "database holds a progress marker of version 002 (up section, 1 of 2 statements), whose migration "
                    + "is not in the worktree, and the live schema is not the committed state at the applied index 1 "
                    + "(schema.sql):\n--- schema.sql (committed)\n+++ live/schema.sql", "+  `tmp` varchar(10)",
                    "Either check out the migration of version 002 again", "run `matey db up --resume`, which removes");
            assertThat(matey(env, "db", "status", "--format", "json").stdout())
                    .contains("\"interrupted_diff\": \"--- schema.sql (committed)\\n+++ live/schema.sql\\n", "+  `tmp` varchar(10)");

            live.execute("ALTER TABLE users DROP COLUMN tmp"); // ... and its partial change undone by hand
            MateyProcess.Result stale = matey(env, "db", "status", "--exit-code");
            assertThat(stale.exitCode()).as(stale.stderr()).isEqualTo(1);
            assertThat(stale.stdout()).contains("the live schema is the committed state at the applied index 1 "
                    + "(schema.sql), so its partial changes were undone and the marker is stale.\nRun `matey db up "
                    + "--resume`: it removes the marker, then applies the pending migrations.");
            MateyProcess.Result json = matey(env, "db", "status", "--format", "json");
            assertThat(json.exitCode()).isZero();
            assertThat(json.stdout()).contains("\"interrupted\": \"the database holds a progress marker of version 002",
                    "the marker is stale. Run `matey db up --resume`: it removes the marker");

            MateyProcess.Result removed = matey(env, "db", "up", "--resume");
            assertThat(removed.exitCode()).as(removed.stderr()).isZero();
            assertThat(removed.stderr()).contains("matey: removed the stale progress marker of version 002 (up section, "
                    + "1 of 2 statements): its migration is not in the worktree and the live schema is the committed "
                    + "state at index 1");
            MateyProcess.Result cleared = matey(env, "db", "status", "--exit-code");
            assertThat(cleared.exitCode()).isZero();
            assertThat(cleared.stdout()).doesNotContain("Interrupted");
        }
    }

    @Test
    void aMarkerWhoseMigrationIsNoLongerNextIsReportedAndRemovedOnceTheSchemaFits() throws Exception {
        try (TestDatabase live = TestDatabase.unborn("mysql")) {
            Map<String, String> env = init(live);
            interruptUniqueIndex(live, env);
            migration("003_t.sql", "CREATE TABLE t (id int);", "DROP TABLE t;");
            apply(env);
            // another tool (dbmate, by hand) then finishes 003 and records both versions, but not 002's index
            live.execute("DELETE FROM users WHERE id = 2");
            live.execute("CREATE TABLE t (id int)");
            live.execute("INSERT INTO schema_migrations (version) VALUES ('002'), ('003')");

            MateyProcess.Result partial = matey(env, "db", "status");
            assertThat(partial.exitCode()).as(partial.stderr()).isZero();
            assertThat(partial.stdout()).contains("Applied: 3", "Interrupted: the database holds a progress marker of "
                    + "version 002 (up section, 1 of 2 statements), whose migration migrations/002_unique.sql is not the "
                    + "next migration to apply, and the live schema is not the committed state at the applied index 3 "
                    + "(schema.sql):\n--- schema.sql (committed)\n+++ live/schema.sql", "-  UNIQUE KEY `users_email`",
                    "Either check out the migrations this database was migrated with, where migrations/002_unique.sql "
                    + "is the next to apply, and run `matey db up --resume`");
            assertThat(matey(env, "db", "status", "--exit-code").exitCode()).isEqualTo(1);
            assertThat(matey(env, "db", "status", "--format", "json").stdout())
                    .contains("\"interrupted\": \"the database holds a progress marker of version 002", "-  UNIQUE KEY");
            for (String[] command : new String[][] {{"db", "up"}, {"db", "down"}, {"db", "up", "--resume"}}) {
                MateyProcess.Result refused = matey(env, command);
                assertThat(refused.exitCode()).isEqualTo(2);
                assertThat(refused.stderr()).contains(String.join(" ", command) + " refused: the live database",
                        "progress marker of version 002 (up section, 1 of 2 statements), whose migration "
                                + "migrations/002_unique.sql is not the next migration to apply", "-  UNIQUE KEY",
                        "until the schema is the committed state at index 3");
            }

            live.execute("CREATE UNIQUE INDEX users_email ON users (email)");
            MateyProcess.Result stale = matey(env, "db", "status");
            assertThat(stale.stdout()).contains("so the marker is stale: its section was undone or finished since it "
                    + "stopped.\nRun `matey db up --resume`: it removes the marker");
            MateyProcess.Result removed = matey(env, "db", "up", "--resume");
            assertThat(removed.exitCode()).as(removed.stderr()).isZero();
            assertThat(removed.stderr()).contains("matey: removed the stale progress marker of version 002 (up section, "
                    + "1 of 2 statements): its migration migrations/002_unique.sql is not the next migration to apply "
                    + "and the live schema is the committed state at index 3");
            assertThat(matey(env, "db", "status", "--exit-code").exitCode()).isZero();
        }
    }

    @Test
    void mariadbCountsTheDdlStatementBeforeAKilledSleep() throws Exception {
        try (TestDatabase live = TestDatabase.unborn("mysql")) {
            Map<String, String> env = init(live, "mysql");
            String name = live.url().path().replace("/", "");
            migration("001_ab.sql", "CREATE TABLE a (id int PRIMARY KEY);\nDO IF(DATABASE() = '" + name
                    + "', SLEEP(10), 0);\nCREATE TABLE b (id int PRIMARY KEY);", "DROP TABLE b;\nDROP TABLE a;");
            apply(env);
            killDuring(live, env, "SELECT count(*) FROM information_schema.processlist WHERE info LIKE 'DO IF(DATABASE()%'");

            MateyProcess.Result status = matey(env, "db", "status");
            assertThat(status.stdout()).as(status.stderr()).contains("Interrupted: migration migrations/001_ab.sql was "
                    + "interrupted after statement 1 of 3 (up section); statement 2 (line 3) may also have taken effect");
        }
    }

    @Test
    void clickhouseSaysASchemaUntouchedByTheKilledSectionIsTheStateBefore() throws Exception {
        try (TestDatabase live = TestDatabase.unborn("clickhouse")) {
            Map<String, String> env = init(live, "clickhouse");
            migration("001_b.sql", "SELECT sleep(3);\nCREATE TABLE b (id UInt8) ENGINE = Memory;", "DROP TABLE b;");
            apply(env);
            killDuring(live, env, "SELECT count() FROM system.processes WHERE query LIKE 'SELECT sleep(3)%'");

            MateyProcess.Result status = matey(env, "db", "status");
            assertThat(status.stdout()).as(status.stderr()).contains("Interrupted: migration migrations/001_b.sql was "
                    + "interrupted after statement 0 of 2 (up section); the live schema is still the state before the "
                    + "migration, so none of its schema changes took effect.\nRun `matey db up --resume`")
                    .doesNotContain("partial");
            MateyProcess.Result refused = matey(env, "db", "up");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.stderr()).contains("none of its schema changes took effect. Run `matey db up --resume`: "
                    + "it runs the section on from statement 1.").doesNotContain("partial", "by hand");
            MateyProcess.Result resumed = matey(env, "db", "up", "--resume");
            assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
            assertThat(resumed.stdout()).contains("Verified: live schema equals the committed state at index 1");
        }
    }

    /**
     * A ClickHouse type change whose rows do not convert changes the column's type and leaves its mutation failing:
     * db up says the statement took effect in part, and the next db up, which sees the new type as a pending
     * migration's state, names the failing mutation instead of pointing at db adopt, and db adopt refuses to record
     * the migration likewise; killed and set back by hand, with the row fixed, the migration runs.
     */
    @Test
    void clickhouseNamesAFailingMutationInsteadOfOfferingAdopt() throws Exception {
        try (TestDatabase live = TestDatabase.create("clickhouse")) {
            Map<String, String> env = init(live, "clickhouse");
            migration("001_m.sql", "CREATE TABLE m (id UInt64, s String) ENGINE = MergeTree ORDER BY id;", "DROP TABLE m;");
            apply(env);
            assertThat(matey(env, "db", "up").exitCode()).isZero();
            live.execute("INSERT INTO m VALUES (1, 'abc')");
            migration("002_type.sql", "ALTER TABLE m MODIFY COLUMN s UInt64;", "ALTER TABLE m MODIFY COLUMN s String;");
            apply(env);

            MateyProcess.Result failed = matey(env, "db", "up");
            assertThat(failed.exitCode()).isEqualTo(2);
            assertThat(failed.stderr()).contains("The failed statement (line 2) took effect in part",
                    "system.mutations").doesNotContain("No statement of this section had run");
            MateyProcess.Result again = matey(env, "db", "up");
            assertThat(again.exitCode()).isEqualTo(2);
            assertThat(again.stderr()).contains("A change of the rows is failing on the server: mutation ",
                    "of table m, (MODIFY COLUMN `s` UInt64)", "do not record that migration (no `db adopt`)")
                    .doesNotContain("--apply");
            MateyProcess.Result adopt = matey(env, "db", "adopt", "--apply");
            assertThat(adopt.exitCode()).as("db adopt would record the migration whose rows were never converted")
                    .isEqualTo(2);
            assertThat(adopt.stderr()).contains("db adopt", "refused", "equals the committed state at index 2",
                    "nothing was recorded", "A change of the rows is failing on the server: mutation ",
                    "of table m, (MODIFY COLUMN `s` UInt64)", "KILL MUTATION WHERE database = currentDatabase()",
                    "set the table back to its committed definition");
            assertThat(live.firstColumn("SELECT count() FROM schema_migrations FINAL WHERE applied"))
                    .containsExactly("1");

            live.execute(again.stderr().replaceFirst("(?s).*`(KILL MUTATION [^`]*)`.*", "$1"));
            live.execute("ALTER TABLE m MODIFY COLUMN s String");
            live.execute("ALTER TABLE m UPDATE s = '7' WHERE id = 1 SETTINGS mutations_sync = 2");
            MateyProcess.Result fixed = matey(env, "db", "up");
            assertThat(fixed.exitCode()).as(fixed.stderr()).isZero();
            assertThat(live.firstColumn("SELECT s FROM m")).containsExactly("7");
        }
    }

    /** Starts {@code db up}, waits until {@code running} counts its statement on the server, and kills it (SIGKILL). */
    @Test
    void aSectionEditedToAnotherStatementCountIsNotResumed() throws Exception {
        try (TestDatabase live = TestDatabase.unborn("mysql")) {
            Map<String, String> env = init(live);
            migration("001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, v varchar(5));", "DROP TABLE t;");
            apply(env);
            MateyProcess.Result up = matey(env, "db", "up");
            assertThat(up.exitCode()).as(up.stderr()).isZero();
            live.execute("INSERT INTO t VALUES (1, 'a')");
            migration("002_ab.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nINSERT INTO t VALUES (1, 'b');",
                    "DELETE FROM t WHERE id = 1;\nDROP TABLE b;\nDROP TABLE a;");
            apply(env);
            MateyProcess.Result failed = matey(env, "db", "up");
            assertThat(failed.exitCode()).isEqualTo(2);
            assertThat(failed.stderr()).contains("Statements at line(s) 2, 3 took effect");

            // the fix drops a statement: "2 of 3 in effect" would now skip the new second statement
            migration("002_ab.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int, note text);", "DROP TABLE b;\nDROP TABLE a;");
            apply(env);
            MateyProcess.Result refused = matey(env, "db", "up", "--resume");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.stderr()).contains("db up --resume refused: migrations/002_ab.sql was edited since its up "
                    + "section was interrupted: the section had 3 statement(s) then and has 2 now", "nothing ran",
                    "Restore its first 2 statement(s) as they ran");
            assertThat(matey(env, "db", "status").stdout()).contains("Interrupted: migration migrations/002_ab.sql");

            // the usual fix, the failed statement changed in place, keeps the count and is continued
            migration("002_ab.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nINSERT INTO t VALUES (2, 'b');",
                    "DELETE FROM t WHERE id = 2;\nDROP TABLE b;\nDROP TABLE a;");
            apply(env);
            MateyProcess.Result resumed = matey(env, "db", "up", "--resume");
            assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
            assertThat(resumed.stdout()).contains("migrations/002_ab.sql (up section resumed)");
            assertThat(live.firstColumn("SELECT COUNT(*) FROM t")).containsExactly("2");
        }
    }

    @Test
    void aRollbackThatStoppedPartwayIsFinishedByDbDownResume() throws Exception {
        try (TestDatabase live = TestDatabase.unborn("mysql")) {
            Map<String, String> env = init(live);
            migration("001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, v varchar(10));", "DROP TABLE t;");
            migration("002_widen.sql", "ALTER TABLE t ADD COLUMN w int;\nALTER TABLE t MODIFY v varchar(100);",
                    "ALTER TABLE t DROP COLUMN w;\nALTER TABLE t MODIFY v varchar(10);");
            apply(env);
            MateyProcess.Result up = matey(env, "db", "up");
            assertThat(up.exitCode()).as(up.stderr()).isZero();
            live.execute("INSERT INTO t (id, v) VALUES (1, 'eleven chars')");

            MateyProcess.Result failed = matey(env, "db", "down");
            assertThat(failed.exitCode()).isEqualTo(2);
            assertThat(failed.stderr()).contains("db down now refuses this database until `matey db down --resume`");
            assertThat(matey(env, "db", "status").stdout()).contains("(down section)", "run `matey db down --resume` "
                    + "to continue (see `matey help db down`)");
            MateyProcess.Result refused = matey(env, "db", "down");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.stderr()).contains("matey db down --resume");

            live.execute("UPDATE t SET v = 'ten chars!'");
            MateyProcess.Result resumed = matey(env, "db", "down", "--resume");
            assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
            assertThat(resumed.stdout()).containsPattern("down\\s+2\\s+1")
                    .contains("migrations/002_widen.sql (down section resumed)",
                            "Verified: live schema equals the committed state at index 1");
            MateyProcess.Result status = matey(env, "db", "status");
            assertThat(status.stdout()).contains("Applied: 1").doesNotContain("Interrupted");
        }
    }

    @Test
    void dbDownResumeLeavesAnInterruptedUpSectionToDbUpResume() throws Exception {
        try (TestDatabase live = TestDatabase.unborn("mysql")) {
            Map<String, String> env = init(live);
            migration("001_t.sql", "CREATE TABLE t (id int PRIMARY KEY);", "DROP TABLE t;");
            apply(env);
            MateyProcess.Result up = matey(env, "db", "up");
            assertThat(up.exitCode()).as(up.stderr()).isZero();
            live.execute("INSERT INTO t VALUES (1)");
            migration("002_x.sql", "CREATE TABLE x (id int);\nINSERT INTO t VALUES (1);",
                    "DELETE FROM t WHERE id = 1;\nDROP TABLE x;");
            apply(env);
            assertThat(matey(env, "db", "up").exitCode()).isEqualTo(2);

            MateyProcess.Result refused = matey(env, "db", "down", "--resume");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.stderr()).contains("db down refused: migration migrations/002_x.sql was interrupted",
                    "(up section)", "`matey db up --resume`");
            assertThat(live.firstColumn("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
                    + "AND table_name = 'x'")).containsExactly("1");
        }
    }

    private void killDuring(TestDatabase live, Map<String, String> env, String running) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = MateyProcess.start(dir, env, out, err, "db", "up");
        while (!started(live, running)) {
            assertThat(process.isAlive()).as(Files.readString(err)).isTrue();
            Thread.sleep(50);
        }
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private static boolean started(TestDatabase live, String running) {
        try {
            return !live.firstColumn(running).get(0).equals("0");
        } catch (SQLException e) {
            return false; // the database is not created yet
        }
    }

    /** 001_users applied, then 002_unique interrupted: its column added, its unique index refused by duplicates. */
    private void interruptUniqueIndex(TestDatabase live, Map<String, String> env) throws Exception {
        migration("001_users.sql", "CREATE TABLE users (id int PRIMARY KEY, email varchar(20));", "DROP TABLE users;");
        apply(env);
        assertThat(matey(env, "db", "up").exitCode()).isZero();
        live.execute("INSERT INTO users VALUES (1, 'a'), (2, 'a')");
        migration("002_unique.sql", "ALTER TABLE users ADD COLUMN tmp varchar(10);\n"
                + "CREATE UNIQUE INDEX users_email ON users (email);", "DROP INDEX users_email ON users;\n"
                + "ALTER TABLE users DROP COLUMN tmp;");
        apply(env);
        assertThat(matey(env, "db", "up").stderr()).contains("Statements at line(s) 2 took effect");
    }

    /** A MariaDB workspace in {@code dir} for {@code live}: the environment its commands run with. */
    private Map<String, String> init(TestDatabase live) throws Exception {
        return init(live, "mysql");
    }

    /** A workspace of {@code engine} in {@code dir} for {@code live}. */
    private Map<String, String> init(TestDatabase live, String engine) throws Exception {
        Map<String, String> env = Map.of("TEST_DATABASE_URL", TestDatabase.serverBase(engine).raw(),
                "DATABASE_URL", live.url().raw());
        assertThat(matey(env, "init", "--engine", engine).exitCode()).isZero();
        return env;
    }

    private void apply(Map<String, String> env) throws Exception {
        MateyProcess.Result apply = matey(env, "schema", "apply");
        assertThat(apply.exitCode()).as(apply.stderr()).isZero();
    }

    private void migration(String name, String up, String down) throws Exception {
        MateyProcess.migration(dir, name, up, down);
    }

    private MateyProcess.Result matey(Map<String, String> env, String... args) throws Exception {
        return MateyProcess.run(dir, env, args);
    }
}
