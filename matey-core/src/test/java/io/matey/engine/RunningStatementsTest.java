package io.matey.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C between two statements: the cancel finds nothing running, so the statement that would come next must not
 * start, or it would run on on the server after the process has ended (docs/architecture.md §8).
 */
class RunningStatementsTest {

    @Test
    void noStatementStartsOnceTheCancelHasBegun() throws Exception {
        try (TestDatabase db = TestDatabase.create("sqlite")) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    CancelledProcessMain.class.getName(), db.url().raw()).redirectErrorStream(true).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output.lines()).containsExactly("up: refused", "load: refused");
            try (Connection c = db.connect()) {
                assertThat(TestDatabase.firstValue(c, "SELECT count(*) FROM sqlite_master WHERE name IN ('t', 'u')"))
                        .isEqualTo("0");
                assertThat(db.engine().migrationTable().appliedVersions(c)).isEmpty();
            }
        }
    }
}
