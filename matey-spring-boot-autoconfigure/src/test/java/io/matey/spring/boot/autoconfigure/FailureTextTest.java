package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The advice of a start-up failure fits the target's engine. */
class FailureTextTest {

    /**
     * A server engine's replay needs a test server: the command to keep drift says where it comes from, by the
     * target's own test_url_env (a non-root target's default is not TEST_DATABASE_URL).
     */
    @Test
    void keepingDriftOnAServerEngineSaysTheReplayNeedsATestServer() {
        TargetReport drifted = new TargetReport("db/maria", "postgres", "postgres://app@db/app", 2, 2, List.of(),
                TargetReport.CLEAN, List.of(), TargetReport.DRIFTED, List.of(), null, null, null, "-x\n+y", "ALTER TABLE t ...;",
                null, null, null);
        String action = new MateyDriftFailureAnalyzer().analyze(new MateyDriftException(List.of(drifted),
                Map.of("db/maria", "DB_MARIA_TEST_DATABASE_URL"), "/ws", null))
                .getAction();
        assertThat(action).contains("schema apply --path db/maria` (it replays on the test server that "
                + "DB_MARIA_TEST_DATABASE_URL, the target's test_url_env, names, or pass --test-url URL) and commit");
        TargetReport sqlite = new TargetReport("db/core", "sqlite", "sqlite3:app.db", 2, 2, List.of(), TargetReport.CLEAN,
                List.of(), TargetReport.DRIFTED, List.of(), null, null, null, "-x\n+y", "ALTER TABLE t ...;", null, null, null);
        assertThat(new MateyDriftFailureAnalyzer().analyze(new MateyDriftException(List.of(sqlite),
                Map.of("db/core", "DB_CORE_TEST_DATABASE_URL"), "/ws", null))
                .getAction()).contains("schema apply --path db/core` and commit").doesNotContain("test server");
    }
}
