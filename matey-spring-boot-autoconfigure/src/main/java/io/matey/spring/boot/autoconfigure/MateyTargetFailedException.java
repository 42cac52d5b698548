package io.matey.spring.boot.autoconfigure;

import io.matey.error.MateyException;

/**
 * A Matey error during the start-up work of one target, with the target it happened to, so that the failure
 * analysis can name its database in the commands it suggests. The reason and message are the error's own, the
 * message opening with the start-up's work rather than a CLI command ({@link ApplicationWork#START_UP}).
 */
public class MateyTargetFailedException extends MateyException {

    private final transient TargetReport report;
    private final String source;

    /**
     * @param report the failed target's report: its path and Matey URL (password masked)
     * @param source where the application got the target's connection ({@link ManagedTarget#source})
     */
    public MateyTargetFailedException(TargetReport report, String source, MateyException failure) {
        super(failure.reason(), failure.getMessage(), failure);
        this.report = report;
        this.source = source;
    }

    /** Where the application got the target's connection: what to correct when it is refused or unreachable. */
    public String getSource() {
        return source;
    }

    public TargetReport getReport() {
        return report;
    }

    /** The error itself. */
    public MateyException getFailure() {
        return (MateyException) getCause();
    }
}
