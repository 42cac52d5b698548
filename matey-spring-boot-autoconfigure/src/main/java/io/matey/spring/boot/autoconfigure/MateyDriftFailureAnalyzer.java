package io.matey.spring.boot.autoconfigure;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a drifted database: what differs, with a short diff, and commands a user can paste: look closer,
 * undo the change, or keep it through a drafted migration that {@code matey db adopt} then records; with migrations
 * pending (which migrate-on-startup does not run over drift), adopt records the pending one the change already is
 * instead, since a draft after them would not fit. A database diverged from the worktree has no diff: it gets the
 * core's fix instead (for migrations merged out of order, their renames); one ahead of it, the versions the
 * application lacks, since the application is older than its database.
 */
class MateyDriftFailureAnalyzer extends AbstractFailureAnalyzer<MateyDriftException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MateyDriftException cause) {
        WorkspaceCommands commands = WorkspaceCommands.of(cause.getWorkspace());
        String description = cause.getReports().stream().map(MateyDriftFailureAnalyzer::describe)
                .collect(Collectors.joining("\n\n"));
        boolean ahead = cause.getReports().stream().allMatch(TargetReport::ahead);
        // matey.on-ahead=fail stopped it: a newer release's database, which warn starts over
        boolean newerRelease = cause.getReports().stream().allMatch(TargetReport::aheadByLaterVersions);
        String action = commands.preface() + cause.getReports().stream()
                .map(r -> advise(r, cause.getTestUrlEnv(r.target()), commands)).collect(Collectors.joining("\n\n"))
                + (newerRelease ? "\n\nTo start anyway without migrating it (health UP, status ahead), as older "
                + "instances of a rolling deploy do, set matey.on-ahead=warn." : "")
                + "\n\nTo start anyway and report " + (ahead ? "the database ahead of the application" : "the drift")
                + " in " + (cause.getEndpointPath() == null ? "the log" : cause.getEndpointPath())
                + " and health, set matey.on-drift=warn" + (cause.getReports().stream().anyMatch(r -> r.pendingCount() > 0)
                        ? " (pending migrations are not applied over drift)." : ".");
        return new FailureAnalysis((ahead ? "Matey found a database ahead of this application during start-up.\n\n"
                : "Matey found drift during start-up.\n\n") + description, action, cause);
    }

    private static String describe(TargetReport report) {
        if (report.ahead()) {
            return FailureText.ahead(report);
        }
        if (report.problem() != null) {
            return "Target " + FailureText.subject(report) + " is " + report.drift() + " at its applied index "
                    + report.applied() + " of " + report.head() + ": " + report.problem() + '.';
        }
        StringBuilder text = new StringBuilder("Target ").append(FailureText.subject(report))
                .append(" differs from the committed schema at its applied index ").append(report.applied())
                .append(" of ").append(report.head()).append('.');
        if (report.pendingCount() > 0) {
            boolean one = report.pendingCount() == 1;
            text.append(one ? " Its pending migration " : " Its pending migrations ")
                    .append(String.join(", ", report.pending())).append(one ? " was" : " were")
                    .append(" not applied: ").append(one ? "it" : "they").append(" would run over the change.");
        }
        if (report.diff() != null && !report.diff().isEmpty()) {
            text.append("\n\n").append(FailureText.indent(FailureText.shortDiff(report.diff())));
        }
        return text.toString();
    }

    /**
     * A server engine replays on a test server, which the command needs to be told of; a file engine's scratch is a
     * file ({@link Engine#fileUrls}).
     */
    private static String replayServer(TargetReport report, String testUrlEnv) {
        return Engines.find(report.engine()).map(Engine::fileUrls).orElse(false) ? "" : " (it replays on the test server that " + testUrlEnv
                + ", the target's test_url_env, names, or pass --test-url URL)";
    }

    /** @param testUrlEnv the target's {@code test_url_env} */
    private static String advise(TargetReport report, String testUrlEnv, WorkspaceCommands commands) {
        String target = commands.targetArguments(report);
        if (report.ahead()) {
            return FailureText.aheadAction(report, commands) + FailureText.passwordHint(report);
        }
        if (report.fix() != null) {
            // Diverged: no committed state is expected, so there is no diff to look at.
            return report.fix() + ". `" + commands.command("db status " + target) + "` lists what the database records."
                    + FailureText.passwordHint(report);
        }
        StringBuilder text = new StringBuilder("Look at the difference on the database itself:\n\n    ")
                .append(commands.command("db drift " + target)).append("\n\n");
        text.append("In the diff, lines starting with '+' are in the live database only, '-' in the "
                + "committed schema only. To undo the change, make the database equal the committed schema again");
        if (report.pendingCount() > 0) {
            return text.append(", then the pending migrations can run. When the change is what a pending "
                    + "migration does, record that migration without running it (adopt checks that the schema equals "
                    + "its committed state):\n\n    ").append(commands.command("db adopt " + target + " --apply"))
                    .append(FailureText.passwordHint(report)).toString();
        }
        return text.append(". To keep it, write the draft below into a new migration:\n\n    ")
                .append(commands.command("db new keep_drift --from-drift " + target))
                .append("\n\nreview it, run `").append(commands.command("schema apply --path " + report.target()))
                .append('`').append(replayServer(report, testUrlEnv)).append(" and commit; then record it on this database without "
                        + "running it (adopt checks that the schema equals the new checkpoint):\n\n    ")
                .append(commands.command("db adopt " + target + " --apply")).append("\n\nDraft for target '")
                .append(report.target()).append("':\n\n").append(FailureText.indent(report.draft()))
                .append(FailureText.passwordHint(report)).toString();
    }
}
