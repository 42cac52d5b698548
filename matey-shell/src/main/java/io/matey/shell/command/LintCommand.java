package io.matey.shell.command;

import io.matey.Matey;
import io.matey.MateyException;
import io.matey.lint.LintOutput;
import io.matey.lint.LintReport;
import io.matey.lint.Linter;
import io.matey.shell.ExitStatusException;
import java.io.PrintWriter;
import java.util.List;
import org.jline.terminal.Terminal;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

@Command(group = "Lint")
class LintCommand {

    private final Terminal terminal;

    LintCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /**
     * Prints the report itself rather than returning it: exit code 1 is signalled by an exception, and a thrown
     * exception discards a command's return value.
     */
    @Command(command = "lint", description = "Static checks of migrations (dbmate structure and compatibility, "
            + "reversibility, destructive and locking changes) and of the generated artifacts; exits 1 on any error. "
            + "Accept a finding on purpose with a '-- matey:nolint CODE' comment. Example: matey lint --all --format json")
    void lint(
            @Option(longNames = "path", description = "Target path relative to the workspace") String path,
            @Option(longNames = "all", description = "Every configured target") boolean all,
            @Option(longNames = "format", defaultValue = "text", description = "text or json") String format,
            @Option(longNames = "workspace", description = "Workspace root directory") String workspace) {
        if (!format.equals("text") && !format.equals("json")) {
            throw new MateyException("--format must be 'text' or 'json', not '" + format + "'.");
        }
        List<LintReport> reports = Matey.at(workspace).targets(path, all).stream()
                .map(target -> new LintReport(target.name(), Linter.lint(target)))
                .toList();
        PrintWriter out = terminal.writer();
        out.print(format.equals("json") ? LintOutput.json(reports) : LintOutput.text(reports));
        out.flush();
        if (reports.stream().anyMatch(LintReport::hasErrors)) {
            throw new ExitStatusException(1);
        }
    }
}
