package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A section that runs past the quiet time is said to be running; one done before prints its line alone. */
class TerminalProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSectionStillRunningAfterTheQuietTimeIsSaidToBeRunning() throws Exception {
        TerminalProgress progress = new TerminalProgress(out, 1);
        progress.starting("migrations/001_slow.sql", "up");
        for (int i = 0; i < 1000 && printed().isEmpty(); i++) {
            Thread.sleep(10); // the section "runs" until the notice is out
        }
        progress.accept("migrations/001_slow.sql  down checked  2100 ms");
        assertThat(printed()).isEqualTo("  running migrations/001_slow.sql (up)\u2026\n"
                + "  migrations/001_slow.sql  down checked  2100 ms\n");
    }

    @Test
    void aSectionDoneWithinTheQuietTimePrintsItsLineAlone() throws Exception {
        TerminalProgress progress = new TerminalProgress(out, Progress.QUIET_MILLIS * 100);
        progress.starting("migrations/002_fast.sql", "down");
        progress.accept("migrations/002_fast.sql  down  5 ms");
        assertThat(printed()).isEqualTo("  migrations/002_fast.sql  down  5 ms\n");
    }
}
