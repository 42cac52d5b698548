package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * However a session ends while a command of it replays on PostgreSQL — a signal to the session's process, the
 * session killed outright, Ctrl-C on the terminal of a piped script — the command stops as it would alone (its one
 * {@code error:} line, its scratch database dropped) and no process of it is left; a script runs no further line.
 */
class SessionSignalsIT {

    private static final Engine POSTGRES = Engines.byId("postgres");
    private static final String SLOW_STATEMENT = "SELECT pg_sleep(600)";

    @TempDir
    Path dir;

    private final MateyUrl server = TestDatabase.serverBase("postgres");
    private final String target = "db/session" + UUID.randomUUID().toString().substring(0, 8);
    private String scratchPrefix;
    private Path script;

    @BeforeEach
    void slowTarget() throws Exception {
        Launcher.Result init = Launcher.run(dir, Map.of(), "init", "--path", target, "--engine", "postgres");
        assertThat(init.exitCode()).as(init.all()).isZero();
        Files.writeString(dir.resolve(target).resolve("migrations/001_slow.sql"), "-- migrate:up\n"
                + "CREATE TABLE t (x INTEGER);\n" + SLOW_STATEMENT + ";\n-- migrate:down\nDROP TABLE t;\n");
        scratchPrefix = "matey_" + target.replace('/', '_') + "_replay_";
        script = Files.writeString(dir.resolve("script.txt"), "schema apply --path " + target + " --test-url "
                + server.raw() + "\nschema status --path " + target + "\n", StandardCharsets.UTF_8);
    }

    @AfterEach
    void dropLeftovers() throws Exception {
        for (String name : POSTGRES.databasesNamed(server, scratchPrefix)) {
            POSTGRES.dropDatabase(POSTGRES.siblingUrl(server, name));
        }
    }

    @ParameterizedTest
    @CsvSource({"TERM, 143, error: Terminated.", "INT, 130, error: Interrupted.", "HUP, 129, error: Hung up."})
    void aSignalToAScriptedSessionStopsItsCommandAndTheScript(String signal, int exitCode, String message)
            throws Exception {
        Assumptions.assumeFalse(signal.equals("HUP") && hangUpIgnored(), "SIGHUP is ignored by this test's "
                + "parents (nohup), and a JVM keeps a signal ignored that it was started with, as nohup asks");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process session = Launcher.start(dir, Map.of(), out, err);
        try (var stdin = session.getOutputStream()) {
            stdin.write(Files.readAllBytes(script));
        }
        awaitSlowStatement();
        ProcessHandle command = commandOf(session);

        new ProcessBuilder("kill", "-s", signal, Long.toString(session.pid())).start().waitFor(); // ./matey execs java

        try {
            assertThat(session.waitFor(60, TimeUnit.SECONDS)).as("the session ended").isTrue();
            assertThat(command.isAlive()).as("the session waited for its command to stop").isFalse();
        } finally {
            command.destroyForcibly();
        }
        String stderr = Files.readString(err);
        assertThat(session.exitValue()).as(stderr).isEqualTo(exitCode);
        assertThat(stderr.lines().filter(line -> line.contains("error"))).containsExactly(message);
        assertThat(Files.readString(out)).as("the script's next line did not run").doesNotContain("Status");
        assertThat(POSTGRES.databasesNamed(server, scratchPrefix)).as("scratch database dropped").isEmpty();
    }

    @Test
    void aSessionKilledOutrightLeavesNoCommandRunning() throws Exception {
        Path err = dir.resolve("err.txt");
        Process session = Launcher.start(dir, Map.of(), dir.resolve("out.txt"), err);
        try (var stdin = session.getOutputStream()) {
            stdin.write(Files.readAllBytes(script));
        }
        awaitSlowStatement();
        ProcessHandle command = commandOf(session);

        session.destroyForcibly(); // SIGKILL: nothing of the session runs to pass it on

        try {
            assertThat(command.onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).get()).as("the command stopped")
                    .isNotNull();
        } finally {
            command.destroyForcibly();
        }
        assertThat(Files.readString(err).lines().filter(line -> line.contains("error")))
                .containsExactly("error: The session ended.");
        assertThat(POSTGRES.databasesNamed(server, scratchPrefix)).as("scratch database dropped").isEmpty();
    }

    /** As in sh: Ctrl-C reaches the script's command and the session alike, and ends both. */
    @Test
    void ctrlCOnTheTerminalEndsAPipedScript() throws Exception {
        try (PseudoTerminal terminal = PseudoTerminal.startReading(dir, Map.of("NO_COLOR", "1"), script)) {
            awaitSlowStatement();
            terminal.press("C-c");
            assertThat(terminal.awaitExit(Duration.ofSeconds(60))).isEqualTo(130);
            String screen = terminal.screen();
            assertThat(screen.lines().filter(line -> line.contains("error"))).as("after the terminal's ^C")
                    .singleElement().asString().endsWith("error: Interrupted.");
            assertThat(screen).as("the script's next line did not run").doesNotContain("Status");
        }
        assertThat(POSTGRES.databasesNamed(server, scratchPrefix)).as("scratch database dropped").isEmpty();
    }

    /** Whether SIGHUP (signal 1, bit 0 of the mask) is ignored in this process, so in the processes it starts. */
    private static boolean hangUpIgnored() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("SigIgn:"))
                .anyMatch(line -> (Long.parseLong(line.substring("SigIgn:".length()).strip(), 16) & 1) != 0);
    }

    /** The process running the session's command line (./matey execs the session's JVM). */
    private static ProcessHandle commandOf(Process session) {
        return session.toHandle().children()
                .filter(child -> child.info().commandLine().orElse("").contains("-Dmatey.session=true"))
                .findFirst().orElseThrow();
    }

    private void awaitSlowStatement() throws Exception {
        for (int i = 0; i < 1200; i++) {
            if (slowStatementRunning()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the replay did not reach its slow statement within two minutes");
    }

    private boolean slowStatementRunning() throws Exception {
        try (var connection = POSTGRES.connect(server);
                var query = connection.prepareStatement("SELECT 1 FROM pg_stat_activity WHERE datname LIKE ? "
                        + "AND pid <> pg_backend_pid() AND position(? in query) > 0")) {
            query.setString(1, scratchPrefix + "%");
            query.setString(2, SLOW_STATEMENT);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
