package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two branches each add a migration and run {@code schema apply}; merging them leaves git conflict markers in the
 * generated artifacts. Every command says so, and {@code schema apply} regenerates them (real SQLite, real git).
 */
class MergeConflictCommandTest {

    @TempDir
    Path dir;

    @Test
    void conflictMarkersAreNamedAndSchemaApplyRegeneratesTheArtifacts() throws Exception {
        Map<String, String> env = GitWorkspace.initSqlite(dir);
        migration("001_a.sql", "a");
        assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            GitWorkspace.commit(git, "a");
            git.checkout().setCreateBranch(true).setName("feature").call();
            migration("002_b.sql", "b");
            assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
            GitWorkspace.commit(git, "b");
            git.checkout().setName("main").call();
            migration("003_c.sql", "c");
            assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
            GitWorkspace.commit(git, "c");
            MergeResult merge = git.merge().include(git.getRepository().resolve("feature")).call();
            assertThat(merge.getConflicts()).containsOnlyKeys("schema.lock.toml", "schema.sql");
        }
        String conflicted = "Git merge conflict markers in schema.lock.toml, schema.sql of target '.': generated "
                + "artifacts are regenerated, not merged by hand. Run `matey schema apply`, which replays the merged "
                + "migrations and rewrites schema.sql, the checkpoints, schema.lock.toml and any generated models; "
                + "then `git add` them and commit the merge.";

        MateyProcess.Result status = MateyProcess.run(dir, env, "schema", "status");
        assertThat(status.exitCode()).as("an unreadable lock is bad input, not a report").isEqualTo(2);
        assertThat(status.stderr()).startsWith("error: " + conflicted + " Diagnostics:\n"
                + "  input-conflict-markers@schema.lock.toml: Git merge conflict markers at line ");
        MateyProcess.Result lint = MateyProcess.run(dir, env, "lint");
        assertThat(lint.stdout()).contains("L211 schema.lock.toml Git merge conflict markers at line ",
                "L211 schema.sql Git merge conflict markers at line ", "hint: generated artifacts are regenerated, "
                        + "not merged by hand: run `matey schema apply`").doesNotContain("L201");
        MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up");
        assertThat(up.exitCode()).isEqualTo(2);
        assertThat(up.stderr()).contains("refusing db up. " + conflicted);

        MateyProcess.Result apply = MateyProcess.run(dir, env, "schema", "apply");
        assertThat(apply.exitCode()).as(apply.stderr()).isZero();
        assertThat(apply.stdout()).startsWith("Apply: changed\nMerge conflicts: schema.lock.toml, schema.sql held git "
                + "conflict markers; regenerated them from the merged migrations (`git add` them to finish the "
                + "merge)\n").contains("Down checked: 3");
        assertThat(Files.readString(dir.resolve("schema.sql"))).doesNotContain("<<<<<<<").contains("b (", "c (");
        assertThat(MateyProcess.run(dir, env, "schema", "status").stdout()).containsPattern("clean\\s+3\\s+0");
        assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();
    }

    @Test
    void aMigrationHoldingConflictMarkersIsRefusedByEveryCommandAtItsLine() throws Exception {
        Map<String, String> env = GitWorkspace.initSqlite(dir);
        migration("001_a.sql", "a");
        assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
        Files.writeString(dir.resolve("migrations/002_b.sql"), "-- migrate:up\n<<<<<<< HEAD\nCREATE TABLE b (id "
                + "INTEGER PRIMARY KEY);\n=======\nCREATE TABLE c (id INTEGER PRIMARY KEY);\n>>>>>>> feature\n"
                + "-- migrate:down\nDROP TABLE b;\n", StandardCharsets.UTF_8);
        byte[] lock = Files.readAllBytes(dir.resolve("schema.lock.toml"));
        String refusal = "migrations/002_b.sql:2: unresolved merge conflict marker: git left both sides of a conflict "
                + "in this migration, which no database can run. Resolve the conflict by hand: keep the SQL the merged "
                + "migration needs, delete the <<<<<<<, ======= and >>>>>>> lines, then run `matey schema apply`.";

        for (String[] command : new String[][] {{"schema", "plan"}, {"schema", "apply"}, {"schema", "status"}, {"db", "status"},
                {"db", "up"}, {"db", "drift"}}) {
            MateyProcess.Result result = MateyProcess.run(dir, env, command);
            assertThat(result.exitCode()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(result.stderr()).as(String.join(" ", command)).isEqualTo("error: " + refusal + "\n");
        }
        MateyProcess.Result lint = MateyProcess.run(dir, env, "lint");
        assertThat(lint.exitCode()).isEqualTo(1);
        assertThat(lint.stdout()).contains("L211 migrations/002_b.sql:2 unresolved merge conflict marker")
                .contains("hint: Resolve the conflict by hand").doesNotContain("L001");
        assertThat(Files.readAllBytes(dir.resolve("schema.lock.toml"))).as("nothing written").isEqualTo(lock);
        assertThat(dir.resolve("checkpoints/002_b.sql")).doesNotExist();
        assertThat(dir.resolve("live.sqlite3")).as("no database touched").doesNotExist();
    }

    @Test
    void inAWorkspaceOfSeveralTargetsTheRefusalNamesTheTargetAndTheFileFromTheRoot() throws Exception {
        for (String target : new String[] {"db/a", "db/b"}) {
            assertThat(MateyProcess.run(dir, Map.of(), "init", "--path", target, "--engine", "sqlite").exitCode()).isZero();
        }
        Files.writeString(dir.resolve("db/a/migrations/001_b.sql"), "-- migrate:up\n<<<<<<< HEAD\nCREATE TABLE b (id "
                + "INTEGER);\n=======\nCREATE TABLE c (id INTEGER);\n>>>>>>> feature\n-- migrate:down\n",
                StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("DB_A_DATABASE_URL", "sqlite3:" + dir.resolve("a.sqlite3"));
        for (String[] command : new String[][] {{"schema", "status"}, {"schema", "apply"}, {"db", "status"}}) {
            MateyProcess.Result result = MateyProcess.run(dir, env, command[0], command[1], "--path", "db/a");
            assertThat(result.exitCode()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(result.stderr()).as(String.join(" ", command)).startsWith("error: db/a/migrations/001_b.sql:2: "
                    + "unresolved merge conflict marker").endsWith("then run `matey schema apply --path db/a`.\n");
        }
    }

    private void migration(String name, String table) throws Exception {
        Files.writeString(dir.resolve("migrations/" + name), "-- migrate:up\nCREATE TABLE " + table
                + " (id INTEGER PRIMARY KEY);\n-- migrate:down\nDROP TABLE " + table + ";\n", StandardCharsets.UTF_8);
    }
}
