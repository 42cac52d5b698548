package io.matey.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.spring.boot.autoconfigure.TargetReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health's details of a target without the endpoint: the command alone, and where to run it apart. */
class MateyHealthPolicyTest {

    private static final TargetReport DRIFTED = new TargetReport("db/core", "postgres", "postgres://app@db:5432/app",
            2, 2, List.of(), TargetReport.CLEAN, List.of(), TargetReport.DRIFTED, null, null, null, null, "-x\n+y",
            "ALTER TABLE t ...;", null, null, Instant.EPOCH);

    @Test
    void aClasspathWorkspaceSaysWhereTheCommandRunsInADetailOfItsOwn() {
        Map<String, Object> details = summary(new MateyHealthPolicy("UP", "DRIFT", true, null, "classpath:db/matey"));
        assertThat(details).containsEntry("command", "matey db drift --path db/core --url 'postgres://app@db:5432/app'")
                .containsEntry("workspace", "Run these commands from the workspace directory (the source of "
                        + "classpath:db/matey).");
    }

    @Test
    void aDirectoryWorkspaceNeedsNoWorkspaceDetail() {
        Map<String, Object> details = summary(new MateyHealthPolicy("UP", "DRIFT", true, null, "/srv/app/db/matey"));
        assertThat(details).containsEntry("command", "matey --workspace /srv/app/db/matey db drift --path db/core "
                + "--url 'postgres://app@db:5432/app'").doesNotContainKey("workspace");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> summary(MateyHealthPolicy policy) {
        return (Map<String, Object>) policy.evaluate(List.of(DRIFTED)).details().get("db/core");
    }
}
