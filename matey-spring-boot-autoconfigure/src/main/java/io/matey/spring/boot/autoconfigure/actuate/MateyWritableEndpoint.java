package io.matey.spring.boot.autoconfigure.actuate;

import io.matey.MateyException;
import io.matey.spring.boot.autoconfigure.ManagedTarget;
import io.matey.spring.boot.autoconfigure.MateyChecker;
import io.matey.spring.boot.autoconfigure.MateyTargets;
import io.matey.spring.boot.autoconfigure.TargetReport;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.Selector.Match;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The matey endpoint with a write operation, {@code POST /actuator/matey/{target}}: apply the target's pending
 * migrations under the migration lock, then verify. Only with {@code matey.endpoint.write-enabled=true}.
 */
@Endpoint(id = "matey")
public class MateyWritableEndpoint extends MateyEndpoint {

    public MateyWritableEndpoint(MateyTargets targets, MateyChecker checker) {
        super(targets, checker);
    }

    /** Null (404) for a path that names no managed target; a failed migration is reported, not thrown. */
    @WriteOperation
    public TargetReport migrate(@Selector(match = Match.ALL_REMAINING) String... path) {
        ManagedTarget target = find(path);
        if (target == null) {
            return null;
        }
        try {
            return checker().migrate(target);
        } catch (MateyException e) {
            return checker().failed(target, e);
        }
    }
}
