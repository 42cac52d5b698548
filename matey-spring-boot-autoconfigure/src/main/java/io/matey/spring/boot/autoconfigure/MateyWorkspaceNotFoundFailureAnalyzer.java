package io.matey.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a missing workspace and where Matey looks for one. */
class MateyWorkspaceNotFoundFailureAnalyzer extends AbstractFailureAnalyzer<MateyWorkspaceNotFoundException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MateyWorkspaceNotFoundException cause) {
        return new FailureAnalysis(cause.getMessage(), "Package the Matey workspace (matey.toml and its targets) "
                + "under src/main/resources/db/matey, or point matey.workspace at another classpath location "
                + "(classpath:...) or a directory. " + FailureText.DISABLE, cause);
    }
}
