package io.matey.spring.boot.autoconfigure;

import io.matey.error.MateyException;

/**
 * A Matey error during the start-up work of one target, with the target it happened to, so that the failure
 * analysis can name its database in the commands it suggests. Reason and message are the error's own.
 */
public class MateyTargetFailedException extends MateyException {

    private final transient TargetReport report;

    /** @param report the failed target's report: its path and Matey URL (password masked) */
    public MateyTargetFailedException(TargetReport report, MateyException failure) {
        super(failure.reason(), failure.getMessage(), failure);
        this.report = report;
    }

    public TargetReport getReport() {
        return report;
    }

    /** The error itself. */
    public MateyException getFailure() {
        return (MateyException) getCause();
    }
}
