package io.matey.shell.command;

import io.matey.Matey;
import io.matey.MateyTools;
import io.matey.engine.Engines;
import io.matey.lint.LintOutput;
import io.matey.lint.LintReport;
import io.matey.lint.Linter;
import io.matey.shell.CommandFacade;
import io.matey.shell.Console;
import io.matey.shell.Json;
import io.matey.shell.ReportFormat;
import io.matey.shell.TargetReports;
import java.util.List;
import java.util.Optional;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

@Command(group = "Lint")
class LintCommand {

    private final Console console;

    LintCommand(Console console) {
        this.console = console;
    }

    /**
     * Prints the report itself rather than returning it: exit code 1 is signalled by an exception, and a thrown
     * exception discards a command's return value.
     */
    @Command(command = "lint", description = "Static checks of migrations (dbmate structure and compatibility, "
            + "reversibility, destructive and locking changes) and of the generated artifacts; exits 1 on any error, 2 when "
            + "a target cannot be read (with --all the other targets are still reported). "
            + "Accept a finding on purpose with a '-- matey:nolint CODE' comment. Example: matey lint --all --format json")
    void lint(
            @Option(longNames = "path", description = "Target path relative to the workspace") @OptionValues(provider = "targetPaths") String path,
            @Option(longNames = "all", description = "Every configured target") boolean all,
            @Option(longNames = "format", defaultValue = "text", description = "text or json") ReportFormat format,
            @Option(longNames = "exit-code", description = "Exit 1 on warnings too (errors always exit 1; notes never do)") boolean exitCode,
            @Option(longNames = "engine", description = "Engine of targets without a lock (default: config.toml's; an unknown one is refused); "
                    + "a lock's engine wins, a different one is L209") @OptionValues(provider = "engines") String engine,
            @Option(longNames = "no-semantic", description = "Skip the L rules (run only the style rules)") boolean noSemantic,
            @Option(longNames = "no-style", description = "Skip the SF style rules") boolean noStyle,
            @Option(longNames = "base", description = "Also fail for a migration that the merge base of HEAD and this git ref "
                    + "has and this branch edited, deleted or renamed (L109), e.g. --base origin/main") String base,
            @Option(longNames = "workspace", description = "Workspace root directory") @OptionValues(provider = "directories") String workspace) {
        if (engine != null) {
            Engines.byId(engine); // a mistyped name is refused with a suggestion before any L209 compares it
        }
        Linter.Options options = new Linter.Options(Optional.ofNullable(engine), !noSemantic, !noStyle,
                Optional.ofNullable(base));
        Matey matey = CommandFacade.at(workspace);
        List<TargetReports.Outcome<LintReport>> outcomes = TargetReports.run(matey.targetsEach(path, all),
                all, target -> new LintReport(target.name(), new MateyTools(matey).lint(target, options)));
        if (format == ReportFormat.JSON) {
            console.print(Json.render(TargetReports.json(outcomes, LintOutput::jsonObject)));
        } else {
            printText(outcomes);
        }
        // Errors always fail lint, so the exit code is requested; --exit-code widens what counts.
        TargetReports.exit(outcomes, true, exitCode ? LintReport::hasProblems : LintReport::hasErrors);
    }

    /** Lint's own blocks ({@code target: <name>} and findings); a failed target's error on stderr in its place. */
    private void printText(List<TargetReports.Outcome<LintReport>> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
            TargetReports.Outcome<LintReport> outcome = outcomes.get(i);
            String separator = i > 0 ? "\n" : "";
            if (outcome.failed()) {
                console.write(separator + "target: " + outcome.target() + "\n");
                Console.error(outcome.target() + ": " + outcome.error());
            } else {
                console.write(separator + LintOutput.text(List.of(outcome.result())));
            }
        }
    }
}
