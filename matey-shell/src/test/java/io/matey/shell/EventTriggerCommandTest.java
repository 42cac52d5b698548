package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.GuardTrigger;
import io.matey.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration that installs a platform's guard (an event trigger refusing tables outside schema {@code app}): the
 * dumps of the replay, {@code db drift} and {@code matey dbmate up} do not fire it on their temporary objects
 * (docs/architecture.md §5), while the migrations still do, in the replay and on the live database.
 */
class EventTriggerCommandTest {

    private static final String GUARD = GuardTrigger.SQL + """
            CREATE TABLE app.t (id int, kind text DEFAULT 'a' CHECK (kind IN ('a', 'b')));
            CREATE VIEW app.v AS SELECT id FROM app.t WHERE kind = 'a';""";

    @TempDir
    Path dir;

    @Test
    void dumpsDoNotFireTheGuardWhileMigrationsStillDo() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres"); TestDatabase other = TestDatabase.create("postgres")) {
            Map<String, String> env = MateyProcess.init(dir, db, "postgres");
            MateyProcess.migration(dir, "001_guard.sql", GUARD,
                    "DROP SCHEMA app CASCADE;\nDROP EVENT TRIGGER g;\nDROP FUNCTION public.f();");
            MateyProcess.Result apply = MateyProcess.run(dir, env, "schema", "apply");
            assertThat(apply.exitCode()).as(apply.stderr()).isZero();
            assertThat(Files.readString(dir.resolve("schema.sql"))).contains("CONSTRAINT t_kind_check CHECK",
                    "CREATE EVENT TRIGGER g ON ddl_command_end");
            MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up");
            assertThat(up.exitCode()).as(up.stdout() + up.stderr()).isZero();
            MateyProcess.Result drift = MateyProcess.run(dir, env, "db", "drift", "--exit-code");
            assertThat(drift.exitCode()).as(drift.stdout() + drift.stderr()).isZero();
            assertThat(drift.stdout()).contains("Status: clean").doesNotContain("nloadable");
            MateyProcess.Result dbmateUp = MateyProcess.run(dir, env, "dbmate", "--url", other.url().raw(),
                    "--migrations-dir", "migrations", "--schema-file", "dbmate.sql", "up");
            assertThat(dbmateUp.exitCode()).as(dbmateUp.stderr()).isZero();
            assertThat(Files.readString(dir.resolve("dbmate.sql"))).contains("CONSTRAINT t_kind_check CHECK");

            MateyProcess.migration(dir, "002_elsewhere.sql", "CREATE TABLE public.elsewhere (id int);",
                    "DROP TABLE public.elsewhere;");
            MateyProcess.Result replay = MateyProcess.run(dir, env, "schema", "apply");
            assertThat(replay.exitCode()).isEqualTo(2);
            assertThat(replay.stderr()).contains("create objects in schema app, not public");
            MateyProcess.Result live = MateyProcess.run(dir, env, "dbmate", "--url", other.url().raw(),
                    "--migrations-dir", "migrations", "--schema-file", "dbmate.sql", "up");
            assertThat(live.exitCode()).isEqualTo(2);
            assertThat(live.stderr()).contains("create objects in schema app, not public");
        }
    }
}
