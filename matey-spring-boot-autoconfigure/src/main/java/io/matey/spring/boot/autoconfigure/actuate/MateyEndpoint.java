package io.matey.spring.boot.autoconfigure.actuate;

import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.spring.boot.autoconfigure.ApplicationWork;
import io.matey.spring.boot.autoconfigure.ManagedTarget;
import io.matey.spring.boot.autoconfigure.MateyChecker;
import io.matey.spring.boot.autoconfigure.MateyEndpointPath;
import io.matey.spring.boot.autoconfigure.MateyTargets;
import io.matey.spring.boot.autoconfigure.TargetReport;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector.Match;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * {@code /actuator/matey} (or where {@link MateyEndpointWebPath} says the application maps it): every managed
 * target checked now (artifact coherence, live status and drift), and
 * {@code /actuator/matey/{target}} for one target with its diff. Each read refreshes what health and metrics
 * report. Target paths with slashes ({@code db/core}) are addressed as they are; the workspace's root target
 * {@code .} as {@value #ROOT_SEGMENT}, since clients and servers normalise a {@code .} segment away.
 * <p>
 * {@code POST /actuator/matey/{target}} applies the target's pending migrations under the migration lock, then
 * verifies; it answers 200 only when it migrated (see {@link #migrate}). It exists only with
 * {@code management.endpoint.matey.access=unrestricted}, and is then protected by whatever secures the
 * application's actuator endpoints (docs/architecture.md §8). Unknown targets are 404 for both methods.
 */
@WebEndpoint(id = MateyEndpoint.ID, defaultAccess = Access.READ_ONLY)
public class MateyEndpoint {

    /** The endpoint's id, which {@code management.endpoints.web.path-mapping} maps. */
    public static final String ID = "matey";

    /** The path segment naming the root target {@code .}. */
    public static final String ROOT_SEGMENT = "~";

    /** HTTP 409 Conflict, which {@link WebEndpointResponse} has no constant for. */
    static final int STATUS_CONFLICT = 409;

    private static final Log logger = LogFactory.getLog(MateyEndpoint.class);

    private final MateyTargets targets;
    private final MateyChecker checker;
    private final String webPath;

    /** @param webPath where the application serves this endpoint ({@link MateyEndpointWebPath}), for messages */
    public MateyEndpoint(MateyTargets targets, MateyChecker checker, String webPath) {
        this.targets = targets;
        this.checker = checker;
        this.webPath = webPath;
    }

    @ReadOperation
    public MateyDescriptor targets() {
        return new MateyDescriptor(targets.all().stream().map(t -> checker.report(t, ApplicationWork.endpoint("GET", webPath)).withoutDiff()).toList());
    }

    @ReadOperation
    public WebEndpointResponse<TargetReport> target(@Selector(match = Match.ALL_REMAINING) String... path) {
        return forTarget(path, t -> checker.report(t, ApplicationWork.endpoint("GET",
                MateyEndpointPath.ofTarget(webPath, t.name()))));
    }

    /**
     * A failed or refused migration is reported (and recorded for health), not thrown, with a status that deploy
     * scripts ({@code curl -f}) see: 409 when the database's state refused it (drift, stale artifacts, a database
     * ahead, diverged, from before Matey, or interrupted), 503 when the database or its migration lock was not to
     * be had, 500 when a migration or the database failed (docs/architecture.md §8). Such a failure is not recorded:
     * health keeps the latest check's report.
     */
    @WriteOperation
    public WebEndpointResponse<TargetReport> migrate(@Selector(match = Match.ALL_REMAINING) String... path) {
        return targets.find(targetName(path)).map(this::migrateTarget)
                .orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
    }

    private WebEndpointResponse<TargetReport> migrateTarget(ManagedTarget target) {
        TargetReport report;
        int status;
        try {
            report = checker.migrate(target, ApplicationWork.endpoint("POST",
                    MateyEndpointPath.ofTarget(webPath, target.name())));
            // A report with a reason is the check that followed a refusal: the database's state refused it.
            status = report.reason() == null ? WebEndpointResponse.STATUS_OK : STATUS_CONFLICT;
        } catch (MateyException e) {
            report = checker.writeFailed(target, e);
            status = statusOf(e.reason());
        }
        if (status != WebEndpointResponse.STATUS_OK) {
            logger.warn("Matey target '" + report.target() + "' (" + report.connection() + "): migration through the "
                    + "matey endpoint " + (report.failed() ? "failed" : "refused, nothing was run") + " (reason: "
                    + report.reason() + ", HTTP " + status + ")" + (report.failed() ? ": " + report.error() : ""));
        }
        return new WebEndpointResponse<>(report, status);
    }

    private static int statusOf(Reason failure) {
        return switch (failure) {
            case LOCK_TIMEOUT, DATABASE_UNAVAILABLE -> WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE;
            case MIGRATION_FAILED, DATABASE_ERROR, INVALID, UNSUPPORTED -> WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR;
            default -> STATUS_CONFLICT;
        };
    }

    private WebEndpointResponse<TargetReport> forTarget(String[] path, Function<ManagedTarget, TargetReport> action) {
        return targets.find(targetName(path)).map(action).map(WebEndpointResponse::new)
                .orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
    }

    /** The target a path names: its segments joined by slashes, {@value #ROOT_SEGMENT} for {@code .}. */
    static String targetName(String... path) {
        String joined = String.join("/", path);
        return joined.equals(ROOT_SEGMENT) ? "." : joined;
    }

    /** The reports of every managed target, without diffs. */
    public record MateyDescriptor(List<TargetReport> targets) implements OperationResponseBody {
    }
}
