package io.matey.spring.boot.autoconfigure;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a drifted database: what differs, with a short diff, and how to look closer and resolve it. */
class MateyDriftFailureAnalyzer extends AbstractFailureAnalyzer<MateyDriftException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MateyDriftException cause) {
        String description = cause.getReports().stream().map(MateyDriftFailureAnalyzer::describe)
                .collect(Collectors.joining("\n\n"));
        String commands = cause.getReports().stream()
                .map(r -> "    matey db drift --path " + r.target() + " --url <its database URL>")
                .collect(Collectors.joining("\n"));
        String action = "Look at the difference from the workspace (`matey db plan --diff` shows the whole of it):\n\n"
                + commands + "\n\nThen undo the out-of-band change, or capture it in a new migration (`matey db new "
                + "NAME`, then `matey schema apply`). To start anyway and report the drift in /actuator/matey and "
                + "health, set matey.on-drift=warn.";
        return new FailureAnalysis("Matey found drift during start-up.\n\n" + description, action, cause);
    }

    private static String describe(TargetReport report) {
        StringBuilder text = new StringBuilder("Target ").append(FailureText.subject(report))
                .append(" differs from the committed schema at its applied index ").append(report.applied())
                .append(" of ").append(report.head()).append('.');
        if (report.problem() != null) {
            text.append(' ').append(report.problem()).append('.');
        }
        if (report.diff() != null && !report.diff().isEmpty()) {
            text.append("\n\n").append(FailureText.indent(FailureText.shortDiff(report.diff())));
        }
        return text.toString();
    }
}
