package io.matey.spring.boot.autoconfigure.actuate;

import io.matey.spring.boot.autoconfigure.MateyReports;
import io.matey.spring.boot.autoconfigure.TargetReport;
import java.util.List;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Health contributor {@code matey}, from the latest check of each target (start-up, or the latest read of
 * {@code /actuator/matey}), so that probes never dump a schema: DOWN on drift, stale artifacts or a failed
 * check, the configured status while migrations are pending, else UP. Each target's report is a detail.
 */
public class MateyHealthIndicator extends AbstractHealthIndicator {

    private final MateyReports reports;
    private final Status pendingStatus;

    public MateyHealthIndicator(MateyReports reports, Status pendingStatus) {
        super("Matey health check failed");
        this.reports = reports;
        this.pendingStatus = pendingStatus;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<TargetReport> all = reports.all();
        if (all.isEmpty()) {
            builder.unknown().withDetail("reason", "not checked yet (matey.verify-on-startup is off)");
            return;
        }
        if (all.stream().anyMatch(r -> !r.healthy())) {
            builder.down();
        } else if (all.stream().anyMatch(r -> r.pendingCount() > 0)) {
            builder.status(pendingStatus);
        } else {
            builder.up();
        }
        all.forEach(r -> builder.withDetail(r.target(), r.drifted() ? r : r.withoutDiff()));
    }
}
