package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The workflow `init --ci github` writes: its matey commands pass on a clean target and fail on a stale one, and on a
 * branch that edited a migration the default branch has.
 */
class CiWorkflowIT {

    @TempDir
    Path repo;

    @TempDir
    Path origin;

    @Test
    void workflowCommandsGateStaleArtifacts() throws Exception {
        List<String> commands = committedWorkflow();
        assertThat(commands).containsExactly("matey --workspace . lint --all --base origin/main",
                "matey --workspace . schema plan --all --exit-code");
        for (String command : commands) {
            Launcher.Result result = run(command);
            assertThat(result.exitCode()).as("%s\n%s", command, result.all()).isZero();
        }

        Path migration = repo.resolve("db/app/migrations/001_items.sql");
        Files.writeString(migration, Files.readString(migration) + "-- edited after apply\n", StandardCharsets.UTF_8);
        Launcher.Result stale = run(commands.get(1));
        assertThat(stale.exitCode()).as(stale.all()).isNotZero();
        assertThat(stale.stdout()).contains("mismatch");
    }

    /**
     * A tester's pull request edited a migration already on the default branch and re-applied the artifacts: the
     * replay matches, so only the comparison with the default branch catches what deploys would report as drift.
     */
    @Test
    void aBranchEditingAMigrationOfTheDefaultBranchFailsLint() throws Exception {
        List<String> commands = committedWorkflow();
        git("checkout", "-q", "-b", "edit");
        Path migration = repo.resolve("db/app/migrations/001_items.sql");
        Files.writeString(migration, Files.readString(migration).replace("PRIMARY KEY", "PRIMARY KEY, name TEXT"));
        assertThat(Launcher.run(repo, Map.of(), "schema", "apply", "--path", "db/app").exitCode()).isZero();
        git("commit", "-q", "-am", "edit");

        assertThat(run(commands.get(1)).exitCode()).isZero();
        Launcher.Result lint = run(commands.get(0));
        assertThat(lint.exitCode()).as(lint.all()).isEqualTo(1);
        assertThat(lint.stdout()).contains("ERROR   L109 migrations/001_items.sql Migration migrations/001_items.sql is "
                + "on origin/main with other content (line 2 was 'CREATE TABLE items (id INTEGER PRIMARY KEY);' there, is "
                + "'CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);' here)");
    }

    /** A workspace with one migration on main, pushed to origin, and the commands of its GitHub workflow. */
    private List<String> committedWorkflow() throws Exception {
        git("init", "-q", "-b", "main");
        Launcher.Result init = Launcher.run(repo, Map.of(), "init", "--engine", "sqlite", "--path", "db/app", "--ci", "github");
        assertThat(init.exitCode()).as(init.all()).isZero();
        Path migration = repo.resolve("db/app/migrations/001_items.sql");
        Files.writeString(migration, "-- migrate:up\nCREATE TABLE items (id INTEGER PRIMARY KEY);\n"
                + "-- migrate:down\nDROP TABLE items;\n", StandardCharsets.UTF_8);
        assertThat(Launcher.run(repo, Map.of(), "schema", "apply", "--path", "db/app").exitCode()).isZero();
        git("add", ".");
        git("commit", "-q", "-m", "items");
        git("clone", "-q", "--bare", repo.toString(), origin.resolve("app.git").toString());
        git("remote", "add", "origin", origin.resolve("app.git").toString());
        git("fetch", "-q", "origin");
        return workflowCommands(repo.resolve(".github/workflows/matey-schema.yml"));
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t", "-C",
                repo.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", args) + "\n" + output).isZero();
    }

    private Launcher.Result run(String command) throws Exception {
        String[] words = command.split(" ");
        assertThat(words[0]).isEqualTo("matey");
        return Launcher.run(repo, Map.of(), Arrays.copyOfRange(words, 1, words.length));
    }

    /** The matey command lines of the job's `run:` steps, in order. */
    @SuppressWarnings("unchecked")
    private static List<String> workflowCommands(Path workflow) throws Exception {
        Map<String, Object> yaml = new Yaml().load(Files.readString(workflow));
        Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) yaml.get("jobs")).get("schema");
        List<String> commands = new ArrayList<>();
        for (Map<String, Object> step : (List<Map<String, Object>>) job.get("steps")) {
            Object run = step.get("run");
            if (run != null) {
                Arrays.stream(run.toString().split("\n")).map(String::strip)
                        .filter(line -> line.startsWith("matey ")).forEach(commands::add);
            }
        }
        return commands;
    }
}
