package io.matey.shell.command;

import io.matey.Matey;
import io.matey.lint.LintOutput;
import io.matey.lint.LintReport;
import io.matey.lint.Linter;
import io.matey.shell.Console;
import io.matey.shell.ExitStatusException;
import io.matey.shell.ReportFormat;
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
            + "reversibility, destructive and locking changes) and of the generated artifacts; exits 1 on any error. "
            + "Accept a finding on purpose with a '-- matey:nolint CODE' comment. Example: matey lint --all --format json")
    void lint(
            @Option(longNames = "path", description = "Target path relative to the workspace") @OptionValues(provider = "targetPaths") String path,
            @Option(longNames = "all", description = "Every configured target") boolean all,
            @Option(longNames = "format", defaultValue = "text", description = "text or json") ReportFormat format,
            @Option(longNames = "exit-code", description = "Exit 1 on warnings too (errors always exit 1; notes never do)") boolean exitCode,
            @Option(longNames = "engine", description = "Engine of targets without a lock (default: config.toml's); "
                    + "a lock's engine wins, a different one is L209") @OptionValues(provider = "engines") String engine,
            @Option(longNames = "no-semantic", description = "Skip the L rules (run only the style rules)") boolean noSemantic,
            @Option(longNames = "no-style", description = "Skip the SF style rules") boolean noStyle,
            @Option(longNames = "workspace", description = "Workspace root directory") String workspace) {
        Linter.Options options = new Linter.Options(Optional.ofNullable(engine), !noSemantic, !noStyle);
        List<LintReport> reports = Matey.at(workspace).targets(path, all).stream()
                .map(target -> new LintReport(target.name(), Linter.lint(target, options)))
                .toList();
        console.write(format == ReportFormat.JSON ? LintOutput.json(reports) : LintOutput.text(reports));
        if (reports.stream().anyMatch(exitCode ? LintReport::hasProblems : LintReport::hasErrors)) {
            throw new ExitStatusException(1);
        }
    }
}
