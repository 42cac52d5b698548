package io.matey.spring.boot.autoconfigure;

import io.matey.error.MateyException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains any other Matey error during start-up (bad workspace config, no connection for a target, a failed
 * migration): the core's message already names the cause, and never a password.
 */
class MateyFailureAnalyzer extends AbstractFailureAnalyzer<MateyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MateyException cause) {
        return new FailureAnalysis("Matey could not check the application's databases during start-up:\n\n"
                + cause.getMessage(), "Fix the cause above; `matey db status --path <target>` shows a database's "
                + "state from the workspace. " + FailureText.DISABLE, cause);
    }
}
