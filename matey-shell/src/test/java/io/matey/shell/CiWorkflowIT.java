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

/** The workflow `init --ci github` writes: its matey commands pass on a clean target and fail on a stale one. */
class CiWorkflowIT {

    @TempDir
    Path repo;

    @Test
    void workflowCommandsGateStaleArtifacts() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        Launcher.Result init = Launcher.run(repo, Map.of(), "init", "--engine", "sqlite", "--path", "db/app", "--ci", "github");
        assertThat(init.exitCode()).as(init.all()).isZero();
        Path migration = repo.resolve("db/app/migrations/001_items.sql");
        Files.writeString(migration, "-- migrate:up\nCREATE TABLE items (id INTEGER PRIMARY KEY);\n"
                + "-- migrate:down\nDROP TABLE items;\n", StandardCharsets.UTF_8);
        assertThat(Launcher.run(repo, Map.of(), "schema", "apply", "--path", "db/app").exitCode()).isZero();

        List<String> commands = workflowCommands(repo.resolve(".github/workflows/matey-schema.yml"));
        assertThat(commands).containsExactly("matey --workspace . lint --all",
                "matey --workspace . schema plan --path db/app --exit-code");
        for (String command : commands) {
            Launcher.Result result = run(command);
            assertThat(result.exitCode()).as("%s\n%s", command, result.all()).isZero();
        }

        Files.writeString(migration, Files.readString(migration) + "-- edited after apply\n", StandardCharsets.UTF_8);
        Launcher.Result stale = run(commands.get(1));
        assertThat(stale.exitCode()).as(stale.all()).isNotZero();
        assertThat(stale.stdout()).contains("mismatch");
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
