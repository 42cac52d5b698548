package io.matey.spring.boot.autoconfigure;

import io.matey.Matey;
import io.matey.MateyException;
import io.matey.engine.MigrationFailedException;
import java.time.Clock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Checks one managed target against the committed artifacts (and migrates it first when asked), records the
 * report in {@link MateyReports} and returns it. A database that cannot be read throws: that is no report.
 */
public class MateyChecker {

    private static final Log logger = LogFactory.getLog(MateyChecker.class);

    private final Matey matey;
    private final MateyReports reports;
    private final Clock clock;

    public MateyChecker(Matey matey, MateyReports reports, Clock clock) {
        this.matey = matey;
        this.reports = reports;
        this.clock = clock;
    }

    /** Artifact coherence, then the live status and drift at the applied index. Changes nothing. */
    public TargetReport verify(ManagedTarget target) {
        return reports.record(TargetReport.of(target, matey.dbCheck(target.config(), target.endpoint()),
                clock.instant()));
    }

    /**
     * Applies the pending migrations under the engine's migration lock, then verifies. Migrate refuses stale
     * artifacts and a database ahead of or diverged from the worktree, and fails its postcheck on an
     * out-of-band change: those are reported as such; anything else (a failing migration) stays an error.
     */
    public TargetReport migrate(ManagedTarget target) {
        try {
            matey.dbMigrate(target.config(), target.endpoint(), line -> logger.info("Matey target '" + target.name()
                    + "': " + line));
        } catch (MigrationFailedException e) {
            throw e;
        } catch (MateyException e) {
            TargetReport report = verify(target);
            if (report.healthy()) {
                throw e;
            }
            return report;
        }
        return verify(target);
    }

    /** {@link #verify}, with a database that cannot be read reported as such: for reports while the application runs. */
    public TargetReport report(ManagedTarget target) {
        try {
            return verify(target);
        } catch (MateyException e) {
            return failed(target, e);
        }
    }

    /** Records that a check or migration of the target failed. */
    public TargetReport failed(ManagedTarget target, MateyException failure) {
        return reports.record(TargetReport.failed(target, failure.getMessage(), clock.instant()));
    }
}
