package io.matey.spring.boot.autoconfigure;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains stale committed artifacts: every diagnostic, and the command that regenerates them. */
class MateyStaleArtifactsFailureAnalyzer extends AbstractFailureAnalyzer<MateyStaleArtifactsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MateyStaleArtifactsException cause) {
        String description = cause.getReports().stream()
                .map(r -> "Target " + FailureText.subject(r) + ":\n" + r.diagnostics().stream()
                        .map(d -> "    - " + d).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n\n"));
        WorkspaceCommands workspace = WorkspaceCommands.of(cause.getWorkspace());
        String commands = cause.getReports().stream()
                .map(r -> "    " + workspace.command("schema apply --path " + r.target()))
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis("The committed Matey artifacts are stale, so no database could be verified.\n\n"
                + description, "Regenerate the artifacts in the workspace, commit them"
                + (workspace.packaged() ? " and rebuild the application" : " and start the application again")
                + ":\n\n" + workspace.preface() + commands, cause);
    }
}
