package io.matey.spring.boot.autoconfigure.actuate;

import io.matey.spring.boot.autoconfigure.MateyReports;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Health contributor {@code matey} on Boot 3.5's health API, from the latest check of each target (start-up, a
 * periodic re-check, or the latest read of {@code /actuator/matey}), so that probes never dump a schema.
 */
public class MateyHealthIndicator extends AbstractHealthIndicator {

    private final MateyReports reports;
    private final MateyHealthPolicy policy;

    public MateyHealthIndicator(MateyReports reports, MateyHealthPolicy policy) {
        super("Matey health check failed");
        this.reports = reports;
        this.policy = policy;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MateyHealthPolicy.Verdict verdict = policy.evaluate(reports.all());
        builder.status(new Status(verdict.status())).withDetails(verdict.details());
    }
}
