package io.matey.spring.boot.autoconfigure.actuate;

import io.matey.spring.boot.autoconfigure.TargetReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the latest reports become the {@code matey} health status, independent of the Boot line's health API:
 * a failed check is DOWN; drift or stale artifacts are DOWN, or the configured drift status when the application
 * was told to start anyway ({@code matey.on-drift=warn}); pending migrations give the pending status; else UP.
 *
 * @param pendingStatus the status while migrations are pending
 * @param driftStatus   the status of drift and stale artifacts; DOWN unless {@code matey.on-drift=warn}
 */
public record MateyHealthPolicy(String pendingStatus, String driftStatus) {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";
    public static final String UNKNOWN = "UNKNOWN";

    /** The status and its details: one per target (the diff only for a drifted one), or why nothing was checked. */
    public record Verdict(String status, Map<String, Object> details) {
    }

    public Verdict evaluate(List<TargetReport> reports) {
        if (reports.isEmpty()) {
            return new Verdict(UNKNOWN, Map.of("reason", "not checked yet (matey.verify-on-startup is off)"));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        reports.forEach(r -> details.put(r.target(), r.drifted() ? r : r.withoutDiff()));
        return new Verdict(status(reports), details);
    }

    private String status(List<TargetReport> reports) {
        if (reports.stream().anyMatch(TargetReport::failed)) {
            return DOWN;
        }
        if (reports.stream().anyMatch(r -> r.drifted() || r.stale())) {
            return driftStatus;
        }
        if (reports.stream().anyMatch(r -> r.pendingCount() > 0)) {
            return pendingStatus;
        }
        return UP;
    }
}
