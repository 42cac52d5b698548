package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code --resume} continues on MariaDB, where DDL commits itself (docs/architecture.md §7): a section whose
 * file lost or gained statements since it stopped is refused, not continued at a count that now names another
 * statement; and a rollback that stopped partway is finished by {@code db down --resume}, which the advice names,
 * rather than undone by {@code db up --resume} applying the migration again.
 */
class ResumeSafetyCommandTest {

    @TempDir
    Path dir;

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

    private Map<String, String> init(TestDatabase live) throws Exception {
        Map<String, String> env = Map.of("TEST_DATABASE_URL", TestDatabase.serverBase("mysql").raw(),
                "DATABASE_URL", live.url().raw());
        MateyProcess.Result init = matey(env, "init", "--engine", "mysql");
        assertThat(init.exitCode()).as(init.stderr()).isZero();
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
