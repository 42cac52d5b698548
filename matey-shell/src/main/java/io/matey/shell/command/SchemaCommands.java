package io.matey.shell.command;

import io.matey.Matey;
import io.matey.MateyException;
import io.matey.SchemaStatus;
import io.matey.replay.ReplayOptions;
import io.matey.replay.SchemaApplyResult;
import io.matey.replay.SchemaPlanResult;
import io.matey.shell.Progress;
import io.matey.shell.TextTable;
import io.matey.workspace.TargetConfig;
import java.util.ArrayList;
import java.util.List;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

@Command(command = "schema", group = "Schema artifacts")
class SchemaCommands {

    @Command(command = "status", description = "Check that schema.sql, checkpoints and schema.lock.toml are coherent "
            + "with the migrations (clean/stale, with diagnostics). Example: matey schema status --all")
    String status(
            @Option(longNames = "path", description = "Target path relative to the workspace") String path,
            @Option(longNames = "all", description = "Every configured target") boolean all,
            @Option(longNames = "workspace", description = "Workspace root directory") String workspace) {
        List<SchemaStatus> statuses = Matey.at(workspace).schemaStatus(path, all);
        List<String> blocks = new ArrayList<>();
        for (SchemaStatus status : statuses) {
            StringBuilder out = new StringBuilder(header(statuses.size(), status.target()));
            out.append(new TextTable("Status", "Steps", "Diagnostics")
                    .row(status.clean() ? "clean" : "stale", status.steps(), status.diagnostics().size()).render());
            if (!status.clean()) {
                TextTable diagnostics = new TextTable("Code", "Path", "Detail");
                status.diagnostics().forEach(d -> diagnostics.row(d.code().id(), d.path(), d.detail()));
                out.append(diagnostics.render());
            }
            blocks.add(out.toString());
        }
        return String.join("\n", blocks).stripTrailing();
    }

    @Command(command = "plan", description = "Replay migrations in a scratch database and compare with the committed "
            + "artifacts; writes nothing. Example: matey schema plan --diff")
    String plan(
            @Option(longNames = "path", description = "Target path relative to the workspace") String path,
            @Option(longNames = "all", description = "Every configured target") boolean all,
            @Option(longNames = "base", description = "Replay what differs from the merge base of HEAD and this git ref") String base,
            @Option(longNames = "test-url", description = "Scratch server URL (overrides the target's test_url_env)") String testUrl,
            @Option(longNames = "clean", description = "Replay every migration from an empty database") boolean clean,
            @Option(longNames = "keep-scratch", description = "Keep the scratch database for debugging") boolean keepScratch,
            @Option(longNames = "sql", description = "Print the schema replay produced (what schema.sql would become)") boolean sql,
            @Option(longNames = "diff", description = "Print a unified diff worktree/schema.sql -> replay/schema.sql") boolean diff,
            @Option(longNames = "workspace", description = "Workspace root directory") String workspace) {
        if (sql && diff) {
            throw new MateyException("Cannot combine --sql and --diff.");
        }
        Matey matey = Matey.at(workspace);
        List<TargetConfig> targets = matey.targets(path, all);
        ReplayOptions options = new ReplayOptions(base, testUrl, clean, keepScratch);
        List<String> blocks = new ArrayList<>();
        for (TargetConfig target : targets) {
            SchemaPlanResult result = matey.schemaPlan(target, options, Progress.forTerminal());
            String header = header(targets.size(), target.name());
            if (sql) {
                blocks.add(header + result.replaySql());
            } else if (diff) {
                blocks.add(header + result.diff());
            } else {
                blocks.add(header + summary(result));
            }
        }
        return String.join("\n", blocks).stripTrailing();
    }

    private static String summary(SchemaPlanResult result) {
        StringBuilder out = new StringBuilder(new TextTable("Divergence", "Anchor", "Tail", "Status")
                .row(result.divergence().isPresent() ? result.divergence().getAsInt() : "-", result.anchorIndex(),
                        result.tailCount(), result.match() ? "match" : "mismatch")
                .render());
        out.append("Replay scratch: ").append(result.scratchUrl()).append('\n');
        out.append("Down checked: ").append(result.downChecked().size())
                .append("  Down skipped: ").append(result.downSkipped().size()).append('\n');
        if (!result.match()) {
            out.append("Stale files: ").append(String.join(", ", result.staleFiles())).append('\n');
        }
        return out.toString();
    }

    @Command(command = "apply", description = "Replay migrations in a scratch database (checking every down section "
            + "by a round trip) and write schema.sql, checkpoints and schema.lock.toml. Example: matey schema apply")
    String apply(
            @Option(longNames = "path", description = "Target path relative to the workspace") String path,
            @Option(longNames = "base", description = "Replay what differs from the merge base of HEAD and this git ref") String base,
            @Option(longNames = "test-url", description = "Scratch server URL (overrides the target's test_url_env)") String testUrl,
            @Option(longNames = "clean", description = "Replay every migration from an empty database") boolean clean,
            @Option(longNames = "keep-scratch", description = "Keep the scratch database for debugging") boolean keepScratch,
            @Option(longNames = "workspace", description = "Workspace root directory") String workspace) {
        SchemaApplyResult result = Matey.at(workspace).schemaApply(path,
                new ReplayOptions(base, testUrl, clean, keepScratch), Progress.forTerminal());
        StringBuilder out = new StringBuilder("Apply: ").append(result.changed() ? "changed" : "no-op").append('\n');
        out.append("Replay scratch: ").append(result.scratchUrl()).append('\n');
        out.append("Down checked: ").append(result.downChecked().size())
                .append("  Down skipped: ").append(result.downSkipped().size()).append('\n');
        if (result.changed()) {
            out.append("Changed Files\n");
            result.changedFiles().forEach(f -> out.append(f).append('\n'));
        }
        return out.toString().stripTrailing();
    }

    static String header(int targets, String name) {
        return targets > 1 ? name + "\n" : "";
    }
}
