package io.matey.shell.command;

import io.matey.Matey;
import io.matey.MateyTools;
import io.matey.SchemaStatus;
import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.replay.AcceptedDown;
import io.matey.replay.ReplayOptions;
import io.matey.replay.SchemaApplyResult;
import io.matey.replay.SchemaPlanResult;
import io.matey.shell.ChangedFiles;
import io.matey.shell.CommandFacade;
import io.matey.shell.Console;
import io.matey.shell.ExitStatusException;
import io.matey.shell.Json;
import io.matey.shell.Progress;
import io.matey.shell.ReportFormat;
import io.matey.shell.Style;
import io.matey.shell.TargetReports;
import io.matey.shell.TextTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

@Command(command = "schema", group = "Schema artifacts")
class SchemaCommands {

    private final Console console;

    SchemaCommands(Console console) {
        this.console = console;
    }

    @Command(command = "status", description = "Check that schema.sql, checkpoints and schema.lock.toml are coherent "
            + "with the migrations (clean/stale, with diagnostics); a hand-edited generated model needs schema plan. "
            + "Example: matey schema status --all --exit-code")
    void status(
            @Option(longNames = "path", description = "Target path relative to the workspace") @OptionValues(provider = "targetPaths") String path,
            @Option(longNames = "all", description = "Every configured target") boolean all,
            @Option(longNames = "format", defaultValue = "text", description = "text or json") ReportFormat format,
            @Option(longNames = "exit-code", description = "Exit 1 when any target is stale") boolean exitCode,
            @Option(longNames = "workspace", description = "Workspace root directory") @OptionValues(provider = "directories") String workspace) {
        Matey matey = CommandFacade.at(workspace);
        List<TargetReports.Outcome<SchemaStatus>> statuses = TargetReports.run(matey.targetsEach(path, all), all,
                new MateyTools(matey)::schemaStatus);
        if (format == ReportFormat.JSON) {
            console.print(Json.render(TargetReports.json(statuses, SchemaCommands::statusJson)));
        } else {
            TargetReports.print(console, statuses, status -> {
                StringBuilder out = new StringBuilder(new TextTable("Status", "Steps", "Diagnostics")
                        .row(Style.state(status.clean() ? "clean" : "stale", status.clean()), status.steps(),
                                status.diagnostics().size()).render());
                if (!status.clean()) {
                    TextTable diagnostics = new TextTable("Code", "Path", "Detail");
                    status.diagnostics().forEach(d -> diagnostics.row(d.code().id(), d.path(), d.detail()));
                    out.append(diagnostics.render());
                }
                return out.toString();
            });
        }
        TargetReports.exit(statuses, exitCode, status -> !status.clean());
    }

    private static Map<String, Object> statusJson(SchemaStatus status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", status.target());
        json.put("status", status.clean() ? "clean" : "stale");
        json.put("steps", status.steps());
        json.put("diagnostics", status.diagnostics().stream().map(d -> {
            Map<String, Object> diagnostic = new LinkedHashMap<>();
            diagnostic.put("code", d.code().id());
            diagnostic.put("path", d.path());
            diagnostic.put("detail", d.detail());
            return diagnostic;
        }).toList());
        return json;
    }

    @Command(command = "plan", description = "Replay migrations in a scratch database and compare with the committed "
            + "artifacts; writes nothing. Example: matey schema plan --diff")
    void plan(
            @Option(longNames = "path", description = "Target path relative to the workspace") @OptionValues(provider = "targetPaths") String path,
            @Option(longNames = "all", description = "Every configured target") boolean all,
            @Option(longNames = "base", description = "Replay what differs from the merge base of HEAD and this git ref") String base,
            @Option(longNames = "test-url", description = "Scratch server URL (overrides the target's test_url_env)") String testUrl,
            @Option(longNames = "clean", description = "Replay every migration from an empty database") boolean clean,
            @Option(longNames = "keep-scratch", description = "Keep the scratch databases for debugging: named matey_<target>_kept_..., never dropped by a later replay; drop with matey dbmate --url URL drop") boolean keepScratch,
            @Option(longNames = "keep-going", description = "Check every down section and report all round-trip failures, each with its diff (nothing is written when any failed)") boolean keepGoing,
            @Option(longNames = "sql", description = "Print the schema replay produced (what schema.sql would become)") boolean sql,
            @Option(longNames = "diff", description = "Print a unified diff worktree/schema.sql -> replay/schema.sql, and of each generated model file the replay would rewrite") boolean diff,
            @Option(longNames = "format", defaultValue = "text", description = "text or json (the diff always, the schema with --sql)") ReportFormat format,
            @Option(longNames = "exit-code", description = "Exit 1 when committed artifacts differ from the replay") boolean exitCode,
            @Option(longNames = "lock-timeout", description = "How long to wait for the test server's roles lock held by another replay: 30s, 5m, 500ms, or a number of seconds (10 = 10s; 0 fails at once) (default 10m)") String lockTimeout,
            @Option(longNames = "workspace", description = "Workspace root directory") @OptionValues(provider = "directories") String workspace) {
        if (sql && diff) {
            throw new MateyException("Cannot combine --sql and --diff.");
        }
        Matey matey = CommandFacade.at(workspace).withLockTimeout(LockTimeouts.parse(lockTimeout));
        ReplayOptions options = new ReplayOptions(base, testUrl, clean, keepScratch, keepGoing);
        List<TargetReports.Outcome<SchemaPlanResult>> results = TargetReports.run(matey.targetsEach(path, all), all,
                target -> new MateyTools(matey).schemaPlan(target, options, Progress.forTerminal(format)));
        if (format == ReportFormat.JSON) {
            console.print(Json.render(TargetReports.json(results, result -> planJson(result, sql))));
        } else {
            // --diff follows the summary, so that a gate failing on a stale lock or model alone never prints nothing.
            TargetReports.print(console, results, result -> sql ? result.replaySql()
                    : summary(result) + (diff ? result.diff() : ""));
        }
        List<TargetReports.Outcome<SchemaPlanResult>> failed = results.stream()
                .filter(o -> !o.failed() && !o.result().downFailures().isEmpty()).toList();
        failed.forEach(o -> Console.error(o.target() + ": " + o.result().downFailures().size()
                + " down section(s) failed the round trip (listed above)."));
        if (!failed.isEmpty()) {
            throw new ExitStatusException(2);
        }
        TargetReports.exit(results, exitCode, result -> !result.match());
    }

    private static String summary(SchemaPlanResult result) {
        StringBuilder out = new StringBuilder(new TextTable("Divergence", "Anchor", "Tail", "Status")
                .row(result.divergence().isPresent() ? result.divergence().getAsInt() : "-", result.anchorIndex(),
                        result.tailCount(), Style.state(result.match() ? "match" : "mismatch", result.match()))
                .render());
        out.append(scratchLines(result.scratchUrl(), result.downChecked(), result.downSkipped(), result.downAccepted()));
        if (!result.match() && !result.staleFiles().isEmpty()) {
            out.append("Stale files:\n");
            result.staleFiles().forEach(f -> out.append("  ").append(f).append('\n'));
        }
        if (!result.downFailures().isEmpty()) {
            out.append("Down failures: ").append(result.downFailures().size()).append('\n');
            result.downFailures().forEach(f -> out.append('\n').append(f.render().strip()).append('\n'));
        }
        return out.toString();
    }

    /**
     * The scratch lines and round-trip counts, then each accepted inexact down section with its reason (never silent).
     * The down round trip runs in the replay's own scratch database (docs/architecture.md §6), so
     * {@code Down-check scratch:} names the same one, printed when a check ran.
     */
    private static String scratchLines(MateyUrl scratch, List<String> downChecked, List<String> downSkipped,
            List<AcceptedDown> accepted) {
        StringBuilder out = new StringBuilder("Replay scratch: ").append(scratch).append('\n');
        if (!downChecked.isEmpty()) {
            out.append("Down-check scratch: ").append(scratch).append('\n');
        }
        out.append("Down checked: ").append(downChecked.size()).append("  Down skipped: ").append(downSkipped.size())
                .append("  Down accepted inexact: ").append(accepted.size()).append('\n');
        accepted.forEach(a -> out.append("Accepted inexact down: ").append(a.file()).append(" (").append(a.reason())
                .append(")\n"));
        return out.toString();
    }

    /** @param sql whether {@code --sql} asked for the replayed schema, which the text report prints instead */
    private static Map<String, Object> planJson(SchemaPlanResult result, boolean sql) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", result.target());
        json.put("divergence", result.divergence().isPresent() ? result.divergence().getAsInt() : null);
        json.put("anchor", result.anchorIndex());
        json.put("tail", result.tailCount());
        json.put("status", result.match() ? "match" : "mismatch");
        json.put("scratch_url", result.scratchUrl().toString());
        json.put("down_checked", result.downChecked());
        json.put("down_skipped", result.downSkipped());
        json.put("down_accepted", acceptedJson(result.downAccepted()));
        json.put("down_failures", result.downFailures().stream().map(f -> {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("file", f.file());
            failure.put("problem", f.problem());
            failure.put("diff", f.diff());
            return failure;
        }).toList());
        json.put("stale_files", result.staleFiles());
        json.put("diff", result.diff());
        json.put("sql", sql ? result.replaySql() : null);
        return json;
    }

    @Command(command = "apply", description = "Replay migrations in a scratch database (checking every down section "
            + "by a round trip) and write schema.sql, checkpoints and schema.lock.toml. Example: matey schema apply")
    void apply(
            @Option(longNames = "path", description = "Target path relative to the workspace") @OptionValues(provider = "targetPaths") String path,
            @Option(longNames = "all", description = "Every configured target") boolean all,
            @Option(longNames = "base", description = "Replay what differs from the merge base of HEAD and this git ref") String base,
            @Option(longNames = "test-url", description = "Scratch server URL (overrides the target's test_url_env)") String testUrl,
            @Option(longNames = "clean", description = "Replay every migration from an empty database") boolean clean,
            @Option(longNames = "keep-scratch", description = "Keep the scratch databases for debugging: named matey_<target>_kept_..., never dropped by a later replay; drop with matey dbmate --url URL drop") boolean keepScratch,
            @Option(longNames = "keep-going", description = "Check every down section and report all round-trip failures, each with its diff (nothing is written when any failed)") boolean keepGoing,
            @Option(longNames = "format", defaultValue = "text", description = "text or json") ReportFormat format,
            @Option(longNames = "lock-timeout", description = "How long to wait for the test server's roles lock held by another replay: 30s, 5m, 500ms, or a number of seconds (10 = 10s; 0 fails at once) (default 10m)") String lockTimeout,
            @Option(longNames = "workspace", description = "Workspace root directory") @OptionValues(provider = "directories") String workspace) {
        Matey matey = CommandFacade.at(workspace).withLockTimeout(LockTimeouts.parse(lockTimeout));
        ReplayOptions options = new ReplayOptions(base, testUrl, clean, keepScratch, keepGoing);
        // Each target is applied by name, as without --all; the loaded config only lets an unreadable one fail alone.
        List<TargetReports.Outcome<SchemaApplyResult>> results = TargetReports.run(matey.targetsEach(path, all), all,
                target -> new MateyTools(matey).schemaApply(target.name(), options, Progress.forTerminal(format)));
        if (format == ReportFormat.JSON) {
            console.print(Json.render(TargetReports.json(results, SchemaCommands::applyJson)));
        } else {
            TargetReports.print(console, results, SchemaCommands::applyText);
        }
        TargetReports.exit(results, false, result -> false);
    }

    private static String applyText(SchemaApplyResult result) {
        StringBuilder out = new StringBuilder("Apply: ").append(result.changed() ? "changed" : "no-op").append('\n');
        if (!result.conflicted().isEmpty()) {
            out.append("Merge conflicts: ").append(String.join(", ", result.conflicted()))
                    .append(" held git conflict markers; regenerated them from the merged migrations (`git add` them to finish the merge)\n");
        }
        out.append(scratchLines(result.scratchUrl(), result.downChecked(), result.downSkipped(), result.downAccepted()));
        result.codegen().ifPresent(destination -> out.append("Codegen: ").append(destination)
                .append(result.codegenWrote() ? "" : " (unchanged)").append('\n'));
        out.append(ChangedFiles.removed(result.target(), result.removedModels(), result.removedDirectories()));
        if (result.changed()) {
            out.append(ChangedFiles.block(result.target(), result.changedFiles()));
        }
        return out.toString();
    }

    private static List<Map<String, Object>> acceptedJson(List<AcceptedDown> accepted) {
        return accepted.stream().map(a -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", a.file());
            json.put("reason", a.reason());
            json.put("diff", a.diff());
            return json;
        }).toList();
    }

    private static Map<String, Object> applyJson(SchemaApplyResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", result.target());
        json.put("status", result.changed() ? "changed" : "no-op");
        json.put("changed_files", result.changedFiles());
        json.put("conflicted", result.conflicted());
        json.put("scratch_url", result.scratchUrl().toString());
        json.put("down_checked", result.downChecked());
        json.put("down_skipped", result.downSkipped());
        json.put("down_accepted", acceptedJson(result.downAccepted()));
        json.put("codegen", result.codegen().orElse(null));
        json.put("codegen_wrote", result.codegenWrote());
        json.put("removed_models", result.removedModels());
        json.put("removed_directories", result.removedDirectories());
        return json;
    }

}
