package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scripted app end to end on SQLite: output, exit codes and user errors, as a new user runs it. */
class ScriptedCommandsTest {

    @TempDir
    Path dir;

    private MateyProcess.Result matey(String... args) throws Exception {
        return MateyProcess.run(dir, Map.of(), args);
    }

    @Test
    void initNewPlanApplyStatus() throws Exception {
        MateyProcess.Result init = matey("init", "--engine", "sqlite");
        assertThat(init.exitCode()).as(init.stderr()).isZero();
        assertThat(init.stdout()).contains("Wrote " + dir.resolve("matey.toml"), "Init: changed  Engine: sqlite",
                "schema.lock.toml", "schema.sql");
        assertThat(Files.readString(dir.resolve("matey.toml"))).isEqualTo("targets = [\".\"]\n");
        assertThat(Files.readString(dir.resolve("schema.lock.toml"))).contains("steps = []",
                "head_schema_digest = \"5b4b01a4a3892ea3751793da57f072ae08eec694ddcda872239fc8239e4bcd1b\"");

        MateyProcess.Result created = matey("db", "new", "Create Users");
        assertThat(created.exitCode()).isZero();
        Path migration;
        try (Stream<Path> files = Files.list(dir.resolve("migrations"))) {
            migration = files.findFirst().orElseThrow();
        }
        assertThat(migration.getFileName().toString()).matches("\\d{14}_create_users\\.sql");
        Files.writeString(migration, "-- migrate:up\nCREATE TABLE users (id INTEGER PRIMARY KEY);\n-- migrate:down\n"
                + "DROP TABLE users;\n", StandardCharsets.UTF_8);

        MateyProcess.Result plan = matey("schema", "plan");
        assertThat(plan.exitCode()).as(plan.stderr()).isZero();
        assertThat(plan.stdout()).containsPattern("Divergence\\s+Anchor\\s+Tail\\s+Status").containsPattern("1\\s+0\\s+1\\s+mismatch")
                .contains("Down checked: 1  Down skipped: 0");

        MateyProcess.Result apply = matey("schema", "apply");
        assertThat(apply.exitCode()).as(apply.stderr()).isZero();
        assertThat(apply.stdout()).startsWith("Apply: changed").contains("Changed Files", "schema.sql");
        assertThat(matey("schema", "apply").stdout()).startsWith("Apply: no-op");
        assertThat(matey("schema", "status").stdout()).containsPattern("clean\\s+1\\s+0");
        assertThat(matey("schema", "plan", "--diff").stdout()).containsPattern("-\\s+1\\s+0\\s+match\\n")
                .doesNotContain("---");
    }

    /** A migration edited only in a comment stales the lock alone: the gate must say so, with or without --diff. */
    @Test
    void dbNewInARowNeverRepeatsAVersion() throws Exception {
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        for (String name : new String[] {"a", "b", "c"}) {
            MateyProcess.Result created = matey("db", "new", name);
            assertThat(created.exitCode()).as(created.stderr()).isZero();
        }
        try (Stream<Path> files = Files.list(dir.resolve("migrations"))) {
            assertThat(files.map(file -> file.getFileName().toString().substring(0, 14)).distinct())
                    .as("one version per file").hasSize(3);
        }
        assertThat(matey("lint").stdout()).doesNotContain("L002");
    }

    @Test
    void schemaPlanDiffShowsTheStatusAndStaleFilesWhenOnlyTheLockIsStale() throws Exception {
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        Path migration = dir.resolve("migrations/001_users.sql");
        Files.writeString(migration, "-- migrate:up\nCREATE TABLE users (id INTEGER PRIMARY KEY);\n-- migrate:down\n"
                + "DROP TABLE users;\n", StandardCharsets.UTF_8);
        assertThat(matey("schema", "apply").exitCode()).isZero();
        Files.writeString(migration, "-- a comment\n" + Files.readString(migration), StandardCharsets.UTF_8);

        MateyProcess.Result plan = matey("schema", "plan", "--diff", "--exit-code");
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.stdout()).containsPattern("Divergence\\s+Anchor\\s+Tail\\s+Status\\n.*mismatch\\n")
                .contains("Stale files:\n  schema.lock.toml\n").doesNotContain("--- worktree/schema.sql");
    }

    /** A stale schema.sql always comes with its diff, also when the edit is in its migrations block. */
    @Test
    void schemaPlanDiffShowsAnEditOfTheMigrationsBlock() throws Exception {
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        Files.writeString(dir.resolve("migrations/001_users.sql"), "-- migrate:up\nCREATE TABLE users (id INTEGER "
                + "PRIMARY KEY);\n-- migrate:down\nDROP TABLE users;\n", StandardCharsets.UTF_8);
        assertThat(matey("schema", "apply").exitCode()).isZero();
        Path schema = dir.resolve("schema.sql");
        Files.writeString(schema, Files.readString(schema).replace("('001')", "('002')"), StandardCharsets.UTF_8);

        MateyProcess.Result plan = matey("schema", "plan", "--diff");
        assertThat(plan.exitCode()).as(plan.stderr()).isZero();
        assertThat(plan.stdout()).contains("Stale files:\n  schema.sql\n--- worktree/schema.sql\n+++ replay/schema.sql\n")
                .contains("\n-  ('002');\n+  ('001');\n");
    }

    @Test
    void dbPlanDiffStartsWithTheStatusSoAMatchIsNeverSilent() throws Exception {
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        Files.writeString(dir.resolve("migrations/001_users.sql"), "-- migrate:up\nCREATE TABLE users (id INTEGER "
                + "PRIMARY KEY);\n-- migrate:down\nDROP TABLE users;\n", StandardCharsets.UTF_8);
        assertThat(matey("schema", "apply").exitCode()).isZero();
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.sqlite3"));
        assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();

        MateyProcess.Result matching = MateyProcess.run(dir, env, "db", "plan", "--diff");
        assertThat(matching.exitCode()).as(matching.stderr()).isZero();
        assertThat(matching.stdout()).containsPattern("Applied\\s+Target\\s+Status\\n1\\s+1\\s+match\\n$");

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("live.sqlite3"));
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE by_hand (id INTEGER)");
        }
        MateyProcess.Result drifted = MateyProcess.run(dir, env, "db", "plan", "--diff");
        assertThat(drifted.stdout()).containsPattern("1\\s+1\\s+mismatch\\n--- schema.sql\\n\\+\\+\\+ live/schema.sql").contains("by_hand");
    }

    @Test
    void replayNamesItsScratchAndModelsAndPlanSeesEditedModels() throws Exception {
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        Files.writeString(dir.resolve("config.toml"), Files.readString(dir.resolve("config.toml"))
                + "\n[codegen]\nenabled = true\ngenerator = \"tables\"\n");
        Files.writeString(dir.resolve("migrations/001_users.sql"), "-- migrate:up\nCREATE TABLE users (id INTEGER "
                + "PRIMARY KEY);\n-- migrate:down\nDROP TABLE users;\n");
        MateyProcess.Result apply = matey("schema", "apply");
        assertThat(apply.exitCode()).as(apply.stderr()).isZero();
        assertThat(apply.stdout()).containsPattern("Down-check scratch: sqlite3:\\S+").contains("Codegen: models.py\n");
        assertThat(matey("schema", "apply").stdout()).contains("Apply: no-op\n", "Codegen: models.py (unchanged)\n");
        // a trigger changes schema.sql but no model
        Files.writeString(dir.resolve("migrations/002_trigger.sql"), "-- migrate:up\nCREATE TRIGGER users_noop AFTER "
                + "INSERT ON users BEGIN SELECT 1; END;\n-- migrate:down\nDROP TRIGGER users_noop;\n");
        assertThat(matey("schema", "apply").stdout()).contains("Apply: changed\n", "Codegen: models.py (unchanged)\n")
                .containsPattern("(?m)^schema\\.sql$").doesNotContainPattern("(?m)^models\\.py$");
        MateyProcess.Result clean = matey("schema", "plan", "--exit-code");
        assertThat(clean.exitCode()).as(clean.stdout()).isZero();
        assertThat(clean.stdout()).doesNotContain("Down-check scratch:");

        Files.writeString(dir.resolve("models.py"), Files.readString(dir.resolve("models.py")) + "# hand edit\n");
        MateyProcess.Result edited = matey("schema", "plan", "--exit-code");
        assertThat(edited.exitCode()).isEqualTo(1);
        assertThat(edited.stdout()).contains("mismatch", "Stale files:\n  models.py\n");
        Files.delete(dir.resolve("models.py"));
        assertThat(matey("schema", "plan", "--exit-code").exitCode()).isEqualTo(1);
        assertThat(matey("schema", "apply").stdout()).contains("Changed Files", "models.py");
        assertThat(matey("schema", "plan", "--exit-code").exitCode()).isZero();
    }

    @Test
    void applySaysWhichStaleModelsAndEmptiedDirectoriesItRemoved() throws Exception {
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        String config = Files.readString(dir.resolve("config.toml"));
        Files.writeString(dir.resolve("config.toml"), config
                + "\n[codegen]\nenabled = true\ngenerator = \"java-records\"\npackage = \"app.db\"\n");
        Files.writeString(dir.resolve("migrations/001_users.sql"), "-- migrate:up\nCREATE TABLE users (id INTEGER "
                + "PRIMARY KEY);\n-- migrate:down\nDROP TABLE users;\n");
        MateyProcess.Result records = matey("schema", "apply");
        assertThat(records.exitCode()).as(records.stderr()).isZero();
        assertThat(records.stdout()).doesNotContain("Removed");

        Files.writeString(dir.resolve("config.toml"), config + "\n[codegen]\nenabled = true\ngenerator = \"tables\"\n");
        MateyProcess.Result switched = matey("schema", "apply");
        assertThat(switched.exitCode()).as(switched.stderr()).isZero();
        assertThat(switched.stdout()).contains("Codegen: models.py\n",
                "Removed stale models: models/java/app/db/Tables.java, models/java/app/db/Users.java\n",
                "Removed empty directories: models/\n");
        assertThat(dir.resolve("models")).doesNotExist();
    }

    @Test
    void userErrorsExitWithTwoAndNoStackTrace() throws Exception {
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        MateyProcess.Result both = matey("schema", "plan", "--sql", "--diff");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.stderr()).contains("error: Cannot combine --sql and --diff.").doesNotContain("at io.matey");

        MateyProcess.Result badOption = matey("schema", "plan", "--bogus");
        assertThat(badOption.exitCode()).isEqualTo(2);
        assertThat(badOption.stdout() + badOption.stderr()).contains("Unrecognised option '--bogus'", "matey help");

        MateyProcess.Result noTarget = matey("schema", "status", "--path", "nope");
        assertThat(noTarget.exitCode()).isEqualTo(2);
        assertThat(noTarget.stderr()).contains("error: Target path 'nope' is not configured in workspace. Available paths: .");

        MateyProcess.Result again = matey("init", "--engine", "sqlite");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.stderr()).contains("Pass --force");
    }

    @Test
    void globalWorkspaceOptionWorksFromAnyDirectory() throws Exception {
        Path ws = dir.resolve("ws");
        Files.createDirectories(ws);
        assertThat(matey("init", "--engine", "sqlite", "--workspace", ws.toString()).exitCode()).isZero();
        MateyProcess.Result status = matey("--workspace", ws.toString(), "schema", "status");
        assertThat(status.exitCode()).as(status.stderr()).isZero();
        assertThat(status.stdout()).containsPattern("clean\\s+0\\s+0");
    }
}
