package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher on a pseudo-terminal says which migration is running once its section has run for a while (README
 * "Commands"), in a replay and in {@code db up}; a migration that ends at once gets no such line.
 */
class RunningLineIT {

    private static final Duration RUN = Duration.ofSeconds(180);

    @TempDir
    Path workspace;

    @Test
    void aLongSectionIsSaidToBeRunningOnTheTerminal() throws Exception {
        Launcher.Result init = Launcher.run(workspace, Map.of(), "init", "--engine", "postgres");
        assertThat(init.exitCode()).as(init.all()).isZero();
        Path migrations = workspace.resolve("migrations");
        Files.writeString(migrations.resolve("001_quick.sql"), "-- migrate:up\nCREATE TABLE q (x INTEGER);\n"
                + "-- migrate:down\nDROP TABLE q;\n", StandardCharsets.UTF_8);
        Files.writeString(migrations.resolve("002_slow.sql"), "-- migrate:up\nCREATE TABLE t (x INTEGER);\n"
                + "SELECT pg_sleep(3);\n-- migrate:down\nDROP TABLE t;\n", StandardCharsets.UTF_8);
        try (TestDatabase live = TestDatabase.create("postgres")) {
            Map<String, String> env = Map.of("NO_COLOR", "1", "DATABASE_URL", live.url().raw(), "TEST_DATABASE_URL",
                    TestDatabase.serverBase("postgres").raw());

            try (PseudoTerminal terminal = PseudoTerminal.start(workspace, env, "schema", "apply")) {
                assertThat(terminal.awaitExit(RUN)).as(terminal.screen()).isZero();
                assertThat(terminal.screen()).as("the first up, then the up after the down section")
                        .contains("running migrations/002_slow.sql (up)\u2026\n",
                                "running migrations/002_slow.sql (up again)\u2026\n")
                        .doesNotContain("001_quick.sql (up)\u2026");
            }
            try (PseudoTerminal terminal = PseudoTerminal.start(workspace, env, "db", "up")) {
                assertThat(terminal.awaitExit(RUN)).as(terminal.screen()).isZero();
                String screen = terminal.screen();
                assertThat(screen).contains("running migrations/002_slow.sql (up)\u2026");
                assertThat(screen.indexOf("running migrations/002_slow.sql")).as("said before it ended")
                        .isLessThan(screen.lastIndexOf("002_slow.sql"));
            }
        }
    }
}
