package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code matey} without a command, as a person uses it: the launcher on a pseudo-terminal, keys typed one by one.
 * Runs with {@code NO_COLOR}, which must leave line editing (Tab, arrows) intact; {@code TERM=dumb}, which has none.
 */
class InteractiveSessionIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final String PASSWORD = "Pw-4321-secret";

    @TempDir
    Path workspace;

    @TempDir
    Path home;

    @Test
    void completesRunsCancelsAndExits() throws Exception {
        Files.writeString(workspace.resolve("matey.toml"), "targets = [\"db/core\", \"db/reporting\", \"db/slow\"]\n");
        for (String target : List.of("db/core", "db/reporting", "db/slow")) {
            Files.createDirectories(workspace.resolve(target + "/migrations"));
            Files.writeString(workspace.resolve(target + "/config.toml"),
                    "engine = \"sqlite\"\nurl_env = \"U\"\ntest_url_env = \"SCRATCH_URL\"\n");
        }
        Files.writeString(workspace.resolve("db/slow/migrations/001_slow.sql"), "-- migrate:up\nCREATE TABLE t (x INTEGER);\n"
                + "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 500000000) "
                + "SELECT count(*) FROM c;\n-- migrate:down\nDROP TABLE t;\n", StandardCharsets.UTF_8);
        Path scratch = Files.createDirectories(workspace.resolve("scratch"));
        Map<String, String> env = Map.of("HOME", home.toString(), "NO_COLOR", "1", "SCRATCH_URL", "sqlite3:" + scratch);

        try (PseudoTerminal terminal = PseudoTerminal.start(workspace, env)) {
            terminal.awaitPrompt(1, START);
            terminal.type("matey schema status --path db/c"); // pasted from the README, with its leading `matey`
            terminal.press("Tab");
            terminal.await(screen -> screen.endsWith("matey> matey schema status --path db/core"), STEP);
            terminal.press("Enter");
            String status = terminal.awaitPrompt(2, STEP);
            assertThat(status).containsPattern("Status\\s+Steps\\s+Diagnostics").containsPattern("clean\\s+0\\s+0");

            assertThat(terminal.screenWithStyles()).as("NO_COLOR: plain output").doesNotContain("\u001b[32m", "\u001b[1m");

            terminal.type("schema plan --path db/slow");
            terminal.press("Enter");
            awaitScratchDatabase(scratch);
            terminal.press("C-c");
            String cancelled = terminal.awaitPrompt(3, STEP);
            assertThat(cancelled).contains("error: Interrupted.");
            try (Stream<Path> left = Files.list(scratch)) {
                assertThat(left).as("scratch databases dropped").isEmpty();
            }

            terminal.press("Up");
            terminal.await(screen -> screen.endsWith("matey> schema plan --path db/slow"), STEP);
            terminal.press("C-c"); // discards the recalled line, not the session
            terminal.awaitPrompt(4, STEP);

            terminal.type("db stauts --url postgres://u:" + PASSWORD + "@127.0.0.1/app");
            terminal.press("Enter");
            String mistyped = terminal.awaitPrompt(5, STEP);
            assertThat(mistyped).contains("error: No command 'db stauts'. Did you mean 'db status'?");
            assertThat(mistyped.lines().filter(line -> !line.startsWith("matey>"))).noneMatch(line -> line.contains(PASSWORD));

            terminal.type("exit");
            terminal.press("Enter");
            assertThat(terminal.awaitExit(STEP)).isZero();
        }

        Path history = home.resolve(".matey_history");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history))).isEqualTo("rw-------");
        assertThat(Files.readString(history)).contains("schema status --path db/core", "db stauts --url postgres://u:****@")
                .doesNotContain(PASSWORD);
    }

    @Test
    void onADumbTerminalPromisesNoEditingAndRefusesKeyEscapes() throws Exception {
        Map<String, String> env = Map.of("HOME", home.toString(), "NO_COLOR", "1", "TERM", "dumb");
        try (PseudoTerminal terminal = PseudoTerminal.start(workspace, env)) {
            String banner = terminal.awaitPrompt(1, START);
            assertThat(banner).contains("dumb terminal (TERM=dumb): no Tab completion or arrow keys")
                    .doesNotContain("Tab completes");

            terminal.type("exitt");
            terminal.press("Enter");
            terminal.awaitPrompt(2, STEP);
            terminal.press("Up", "Enter"); // the kernel's cooked line: ESC [ A, not the line before
            String up = terminal.awaitPrompt(3, STEP);
            assertThat(up.substring(up.indexOf("No command 'exitt'") + 1))
                    .contains("error: The line holds a key's escape sequence (an arrow key?)")
                    .doesNotContain("No command");
            assertThat(terminal.screenWithStyles()).doesNotContain("'\u001b[A");

            terminal.type("exit");
            terminal.press("Enter");
            assertThat(terminal.awaitExit(STEP)).isZero();
        }
    }

    @Test
    void takesPastedCommandsSuggestsSessionSyntaxAndMasksLinesAsTyped() throws Exception {
        Files.writeString(workspace.resolve("matey.toml"), "targets = [\"db/core\"]\n");
        Files.createDirectories(workspace.resolve("db/core/migrations"));
        Files.writeString(workspace.resolve("db/core/config.toml"), "engine = \"sqlite\"\nurl_env = \"U\"\ntest_url_env = \"T\"\n");
        try (PseudoTerminal terminal = PseudoTerminal.start(workspace, Map.of("HOME", home.toString(), "NO_COLOR", "1"))) {
            terminal.awaitPrompt(1, START);
            terminal.type("db status --url 'host=127.0.0.1 user=postgres password=KEYWORD3 dbname=x'");
            terminal.press("Enter");
            String keywords = terminal.awaitPrompt(2, STEP);
            assertThat(keywords).contains("user=postgres password=**** dbname=x");
            assertThat(keywords.lines().filter(line -> !line.startsWith("matey>"))).noneMatch(line -> line.contains("KEYWORD3"));

            terminal.type("db status --url \"postgres://postgres:pa ss2@127.0.0.1:5999/x\"");
            terminal.press("Enter");
            String spaced = terminal.awaitPrompt(3, STEP);
            assertThat(spaced.lines().filter(line -> !line.startsWith("matey>"))).noneMatch(line -> line.contains("ss2"));

            terminal.type("db statsu");
            terminal.press("Enter");
            String mistyped = terminal.awaitPrompt(4, STEP);
            assertThat(mistyped).contains("Did you mean 'db status'?", "Run `help` to list the commands.")
                    .doesNotContain("`matey help`");

            terminal.type("matey help db");
            terminal.press("Enter");
            String pasted = terminal.awaitPrompt(5, STEP);
            assertThat(pasted.substring(pasted.lastIndexOf("matey> matey help db"))).contains("db status")
                    .contains("Run `help db <command>` for a command's options.").doesNotContain("No command", "`matey ");

            terminal.type("exit");
            terminal.press("Enter");
            assertThat(terminal.awaitExit(STEP)).isZero();
        }
        assertThat(Files.readString(home.resolve(".matey_history")))
                .contains("password=**** dbname=x", "\"postgres://postgres:****@127.0.0.1:5999/x\"", "matey help db")
                .doesNotContain("KEYWORD3", "ss2");
    }

    @Test
    void recallsTypedPasswordsAndRefusesTheMaskRecalledFromTheFile() throws Exception {
        Files.writeString(workspace.resolve("matey.toml"), "targets = [\"db/core\"]\n");
        Files.createDirectories(workspace.resolve("db/core/migrations"));
        Files.writeString(workspace.resolve("db/core/config.toml"), "engine = \"sqlite\"\nurl_env = \"U\"\ntest_url_env = \"T\"\n");
        String saved = "db status --url postgres://u:****@127.0.0.1:1/app";
        Files.writeString(home.resolve(".matey_history"), System.currentTimeMillis() + ":" + saved + "\n");
        String typed = "db status --url postgres://u:" + PASSWORD + "@127.0.0.1:1/app";
        try (PseudoTerminal terminal = PseudoTerminal.start(workspace, Map.of("HOME", home.toString(), "NO_COLOR", "1"))) {
            terminal.awaitPrompt(1, START);
            terminal.type(typed);
            terminal.press("Enter");
            terminal.awaitPrompt(2, STEP);
            terminal.press("Up");
            terminal.await(screen -> screen.endsWith("matey> " + typed), STEP); // the session's own lines are whole
            terminal.press("Up");
            terminal.await(screen -> screen.endsWith("matey> " + saved), STEP);
            terminal.press("Enter");
            String refused = terminal.awaitPrompt(3, STEP);
            assertThat(refused.substring(refused.lastIndexOf(saved) + saved.length())).as("refused before connecting")
                    .contains("error: The password in this line is ****, the mask the session history keeps in place "
                            + "of passwords: type the password again, or leave out --url and set the URL in the "
                            + "target's url_env variable (DATABASE_URL by default).")
                    .doesNotContain("127.0.0.1");
            terminal.type("exit");
            terminal.press("Enter");
            assertThat(terminal.awaitExit(STEP)).isZero();
        }
        assertThat(Files.readString(home.resolve(".matey_history"))).contains("u:****@127.0.0.1:1/app")
                .doesNotContain(PASSWORD);
    }

    /**
     * A password that is literally the mask logs in when typed, and when the session recalls that line of its own;
     * only the mask recalled from the file is refused (above).
     */
    @Test
    void aPasswordTypedAsTheMaskLogsIn() throws Exception {
        Map<String, String> env = Map.of("HOME", home.toString(), "NO_COLOR", "1");
        assertThat(Launcher.run(workspace, env, "init", "--engine", "postgres").exitCode()).isZero();
        String role = "matey_mask_" + ProcessHandle.current().pid();
        try (TestDatabase db = TestDatabase.create("postgres")) {
            db.execute("CREATE ROLE " + role + " LOGIN PASSWORD '****';");
            try (PseudoTerminal terminal = PseudoTerminal.start(workspace, env)) {
                terminal.awaitPrompt(1, START);
                String line = "db status --url " + db.url().raw().replaceFirst("//[^/@]*@", "//" + role + ":****@");
                terminal.type(line);
                terminal.press("Enter");
                String typed = terminal.awaitPrompt(2, STEP);
                assertThat(typed.substring(typed.lastIndexOf(line))).as("logged in").contains("Applied: 0")
                        .doesNotContain("error:");
                terminal.press("Up");
                terminal.await(screen -> screen.endsWith("matey> " + line), STEP);
                terminal.press("Enter");
                String recalled = terminal.awaitPrompt(3, STEP);
                assertThat(recalled.substring(recalled.lastIndexOf(line))).as("the session's own line, recalled")
                        .contains("Applied: 0").doesNotContain("error:");
                terminal.type("exit");
                terminal.press("Enter");
                assertThat(terminal.awaitExit(STEP)).isZero();
            } finally {
                db.execute("DROP ROLE " + role + ";");
            }
        }
    }

    @Test
    void colouredValuesKeepTheTableAligned() throws Exception {
        Files.writeString(workspace.resolve("matey.toml"), "targets = [\"db/core\"]\n");
        Files.createDirectories(workspace.resolve("db/core/migrations"));
        Files.writeString(workspace.resolve("db/core/config.toml"), "engine = \"sqlite\"\nurl_env = \"U\"\ntest_url_env = \"T\"\n");
        // an empty NO_COLOR asks for nothing (no-color.org): only a value turns colour off
        try (PseudoTerminal terminal = PseudoTerminal.start(workspace, Map.of("HOME", home.toString(), "NO_COLOR", ""))) {
            terminal.awaitPrompt(1, START);
            terminal.type("schema status");
            terminal.press("Enter");
            String screen = terminal.awaitPrompt(2, STEP);
            assertThat(screen).contains("Status  Steps  Diagnostics\nclean   0      0\n");
            assertThat(terminal.screenWithStyles()).as("on a terminal, clean is green").contains("\u001b[32mclean");
            terminal.type("exit");
            terminal.press("Enter");
            assertThat(terminal.awaitExit(STEP)).isZero();
        }
    }

    /** Colour follows each stream: an error line written to a file has none while stdout is the terminal. */
    @Test
    void anErrorWrittenToAFileIsPlainAndOnTheTerminalRed() throws Exception {
        Path missing = workspace.resolve("missing");
        Path err = workspace.resolve("err.txt");
        Map<String, String> env = Map.of("HOME", home.toString(), "NO_COLOR", "");
        try (PseudoTerminal terminal = PseudoTerminal.startWithStderrIn(workspace, env, err, "--workspace",
                missing.toString(), "schema", "status")) {
            assertThat(terminal.awaitExit(START)).isEqualTo(2);
        }
        assertThat(Files.readString(err)).startsWith("error: --workspace").doesNotContain("\u001b[");
        try (PseudoTerminal terminal = PseudoTerminal.start(workspace, env, "--workspace", missing.toString(), "schema",
                "status")) {
            assertThat(terminal.awaitExit(START)).isEqualTo(2);
            assertThat(terminal.screenWithStyles()).contains("\u001b[31merror:");
        }
    }

    private static void awaitScratchDatabase(Path scratch) throws Exception {
        for (int i = 0; i < 600; i++) {
            try (Stream<Path> files = Files.list(scratch)) {
                if (files.anyMatch(p -> p.getFileName().toString().startsWith("matey_"))) {
                    Thread.sleep(500);
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the replay did not start within a minute");
    }
}
