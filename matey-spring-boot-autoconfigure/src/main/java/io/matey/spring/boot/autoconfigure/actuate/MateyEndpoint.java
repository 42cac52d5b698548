package io.matey.spring.boot.autoconfigure.actuate;

import io.matey.spring.boot.autoconfigure.ManagedTarget;
import io.matey.spring.boot.autoconfigure.MateyChecker;
import io.matey.spring.boot.autoconfigure.MateyTargets;
import io.matey.spring.boot.autoconfigure.TargetReport;
import java.util.List;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.Selector.Match;

/**
 * {@code /actuator/matey}: every managed target checked now (read-only: artifact coherence, live status and
 * drift), and {@code /actuator/matey/{target}} for one target with its diff. Each read refreshes what health
 * and metrics report. Target paths with slashes ({@code db/core}) are addressed as they are.
 */
@Endpoint(id = "matey")
public class MateyEndpoint {

    private final MateyTargets targets;
    private final MateyChecker checker;

    public MateyEndpoint(MateyTargets targets, MateyChecker checker) {
        this.targets = targets;
        this.checker = checker;
    }

    @ReadOperation
    public MateyDescriptor targets() {
        return new MateyDescriptor(targets.all().stream().map(t -> checker.report(t).withoutDiff()).toList());
    }

    /** Null (404) for a path that names no managed target. */
    @ReadOperation
    public TargetReport target(@Selector(match = Match.ALL_REMAINING) String... path) {
        ManagedTarget target = find(path);
        return target == null ? null : checker.report(target);
    }

    protected ManagedTarget find(String... path) {
        return targets.find(String.join("/", path)).orElse(null);
    }

    protected MateyChecker checker() {
        return checker;
    }

    /** The reports of every managed target, without diffs. */
    public record MateyDescriptor(List<TargetReport> targets) implements OperationResponseBody {
    }
}
