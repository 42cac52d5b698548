package io.matey.shell.command;

import io.matey.InitResult;
import io.matey.Matey;
import io.matey.ci.CiProvider;
import io.matey.ci.CiWriter;
import io.matey.shell.ChangedFiles;
import io.matey.shell.CommandFacade;
import io.matey.shell.Console;
import org.springframework.shell.command.annotation.OptionValues;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

@Command(group = "Workspace")
class InitCommand {

    private final Console console;

    InitCommand(Console console) {
        this.console = console;
    }

    @Command(command = "init", description = "Create or extend matey.toml, write the target's config.toml and zero-state "
            + "artifacts, optionally a CI pipeline. Example: matey init --path db/core --engine postgres --ci github")
    void init(
            @Option(longNames = "path", description = "Target path relative to the workspace (default: the current directory)") String path,
            @OptionValues(provider = "engines") @Option(longNames = "engine", description = "sqlite, postgres, mysql, clickhouse, bigquery or bigquery-emulator (required for a new target); "
                    + "mysql also serves MariaDB: mariadb, postgresql and sqlite3 are accepted and recorded as mysql, postgres and sqlite") String engine,
            @Option(longNames = "url-env", description = "Env var holding the live URL (default DATABASE_URL / <PATH>_DATABASE_URL)") String urlEnv,
            @Option(longNames = "test-url-env", description = "Env var holding the scratch server URL (default TEST_DATABASE_URL / <PATH>_TEST_DATABASE_URL)") String testUrlEnv,
            @Option(longNames = "ci", description = "Also write a CI pipeline: github, gitlab or buildkite") @OptionValues(provider = "ciProviders") String ci,
            @Option(longNames = "force", description = "Reset generated artifacts of an initialised target (never deletes migrations); "
                    + "with only --ci on an initialised workspace, replace the existing pipeline file and nothing else") boolean force,
            @Option(longNames = "workspace", description = "Workspace root directory") @OptionValues(provider = "directories") String workspace) {
        Matey matey = CommandFacade.at(workspace);
        StringBuilder out = new StringBuilder();
        // Adding CI to an initialised workspace (from a target or from its root) must not reset any artifacts, not
        // even with --force, which then only replaces the pipeline file.
        boolean onlyCi = ci != null && engine == null && urlEnv == null && testUrlEnv == null
                && (path == null ? matey.hasWorkspace() : matey.hasTarget(path));
        if (onlyCi) {
            console.print("Wrote " + CiWriter.write(matey.reloadedWorkspace(), CiProvider.parse(ci), force));
            return;
        }
        if (ci != null) {
            CiWriter.file(matey.workspaceForInit(), CiProvider.parse(ci), force); // refused before init writes
        }
        InitResult result = matey.init(path, engine, urlEnv, testUrlEnv, force);
        result.wroteConfigs().forEach(p -> out.append("Wrote ").append(p).append('\n'));
        out.append("Init: ").append(result.changed() ? "changed" : "no-op").append("  Engine: ").append(result.engine())
                .append(aliasNote(engine, result.engine())).append('\n');
        // the quick start's variables are the root target's: another target's names are its own (README "Targets")
        out.append("Environment: ").append(result.urlEnv()).append(" (the live database's URL), ")
                .append(result.testUrlEnv()).append(" (the test server's, for replays)\n");
        if (!result.changedFiles().isEmpty()) {
            out.append(ChangedFiles.block(result.target(), result.changedFiles()));
        }
        if (ci != null) {
            out.append("Wrote ").append(CiWriter.write(matey.reloadedWorkspace(), CiProvider.parse(ci), force)).append('\n');
        }
        console.print(out.toString());
    }

    /** Says that an alias (--engine mariadb, postgresql) was written as the id it stands for, never silently. */
    private static String aliasNote(String typed, String id) {
        return typed == null || typed.strip().equalsIgnoreCase(id) ? ""
                : " ('" + typed.strip() + "' is another name of engine " + id + "; config.toml records " + id + ")";
    }
}
