package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The advice of a start-up failure fits the target's engine. */
class FailureTextTest {

    /** A server engine's replay needs a test server: the command to keep drift says where it comes from. */
    @Test
    void keepingDriftOnAServerEngineSaysTheReplayNeedsATestServer() {
        TargetReport drifted = new TargetReport("db/core", "postgres", "postgres://app@db/app", 2, 2, List.of(),
                TargetReport.CLEAN, List.of(), TargetReport.DRIFTED, List.of(), null, null, "-x\n+y", "ALTER TABLE t ...;",
                null, null, null);
        String action = new MateyDriftFailureAnalyzer().analyze(new MateyDriftException(List.of(drifted), "/ws", null))
                .getAction();
        assertThat(action).contains("schema apply --path db/core` (it replays on the test server the target's "
                + "test_url_env variable names, TEST_DATABASE_URL by default, or pass --test-url URL) and commit");
        TargetReport sqlite = new TargetReport("db/core", "sqlite", "sqlite3:app.db", 2, 2, List.of(), TargetReport.CLEAN,
                List.of(), TargetReport.DRIFTED, List.of(), null, null, "-x\n+y", "ALTER TABLE t ...;", null, null, null);
        assertThat(new MateyDriftFailureAnalyzer().analyze(new MateyDriftException(List.of(sqlite), "/ws", null))
                .getAction()).contains("schema apply --path db/core` and commit").doesNotContain("test server");
    }
}
