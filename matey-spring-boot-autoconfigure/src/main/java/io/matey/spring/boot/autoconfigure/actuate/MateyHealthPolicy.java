package io.matey.spring.boot.autoconfigure.actuate;

import io.matey.spring.boot.autoconfigure.MateyEndpointPath;
import io.matey.spring.boot.autoconfigure.TargetReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the latest reports become the {@code matey} health status, independent of the Boot line's health API:
 * a failed check is DOWN; drift or stale artifacts are DOWN, or the configured drift status when the application
 * was told to start anyway ({@code matey.on-drift=warn}); pending migrations give the pending status; else UP. A
 * database a newer release migrated (ahead by later versions only) is UP, with {@code status: ahead}, while
 * {@code matey.on-ahead=warn}: in a rolling deploy the older instances are meant to keep serving.
 * Health is often exposed more widely than the endpoint, so its details summarise each target and point at the
 * endpoint's page of it, which alone shows the diff, the draft and the error, or at the {@code matey db drift}
 * command when the endpoint is not exposed (docs/architecture.md §8).
 *
 * @param pendingStatus the status while migrations are pending
 * @param driftStatus   the status of drift and stale artifacts; DOWN unless {@code matey.on-drift=warn}
 * @param aheadIsUp     whether a database ahead by later versions only is UP ({@code matey.on-ahead=warn})
 * @param endpointPath  the web path of the matey endpoint ({@code /actuator/matey}); null when it is not exposed
 * @param workspace     {@code matey.workspace}, which the command names
 */
public record MateyHealthPolicy(String pendingStatus, String driftStatus, boolean aheadIsUp, String endpointPath,
        String workspace) {

    /** The {@code status} detail of a database ahead that health reports UP. */
    public static final String AHEAD = "ahead";

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";
    public static final String UNKNOWN = "UNKNOWN";

    /** The status and its details: a summary per target, or why nothing was checked. */
    public record Verdict(String status, Map<String, Object> details) {
    }

    public Verdict evaluate(List<TargetReport> reports) {
        if (reports.isEmpty()) {
            return new Verdict(UNKNOWN, Map.of("reason", "not checked yet (matey.verify-on-startup is off)"));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        reports.forEach(r -> details.put(r.target(), summary(r)));
        return new Verdict(status(reports), details);
    }

    /**
     * Drift (as {@code matey db drift} says it), the masked connection (which database an operator is looking at),
     * artifacts, applied and head index, pending count, reason, and where the rest is: the target's page of the
     * endpoint ({@code endpoint}), or the {@code matey db drift} command ({@code command}) when it is not exposed,
     * with where to run it ({@code workspace}) when the workspace is on the class path.
     */
    private Map<String, Object> summary(TargetReport report) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("drift", report.drift());
        putIfPresent(summary, "status", tolerated(report) ? AHEAD : null);
        putIfPresent(summary, "connection", report.connection());
        putIfPresent(summary, "artifacts", report.artifacts());
        putIfPresent(summary, "applied", report.applied());
        putIfPresent(summary, "head", report.head());
        putIfPresent(summary, "pending", report.pending() == null ? null : report.pendingCount());
        putIfPresent(summary, "reason", report.reason());
        // Not "details": Boot nests the summary in its own "details" map.
        if (endpointPath != null) {
            summary.put("endpoint", MateyEndpointPath.ofTarget(endpointPath, report.target()));
        } else {
            // the command alone, pasteable as it is; where it runs is a detail of its own
            summary.put("command", MateyEndpointPath.driftCommand(report, workspace));
            String where = MateyEndpointPath.whereCommandsRun(workspace);
            putIfPresent(summary, "workspace", where.isEmpty() ? null : where);
        }
        return summary;
    }

    private boolean tolerated(TargetReport report) {
        return aheadIsUp && report.aheadByLaterVersions();
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private String status(List<TargetReport> reports) {
        if (reports.stream().anyMatch(TargetReport::failed)) {
            return DOWN;
        }
        if (reports.stream().anyMatch(r -> r.drifted() && !tolerated(r) || r.stale())) {
            return driftStatus;
        }
        if (reports.stream().anyMatch(r -> r.pendingCount() > 0)) {
            return pendingStatus;
        }
        return UP;
    }
}
