package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code matey} without a command and without a terminal, through the built {@code ./matey} launcher: command lines
 * piped in run as sh runs a script (the last line without its newline too, {@code #} comments skipped), with only
 * their output on stdout, nothing from the line editor's logging on stderr and no history kept, and the session exits
 * with the worst exit code of its lines; a session on a workspace that is no directory is refused up front.
 */
class ScriptedSessionIT {

    @TempDir
    Path dir;

    @TempDir
    Path home;

    private Map<String, String> env() {
        return Map.of("HOME", home.toString());
    }

    @Test
    void anEmptyScriptPrintsNoWarningAndExitsZero() throws Exception {
        Launcher.Result empty = Launcher.runWithInput(dir, env(), "");
        assertThat(empty.exitCode()).as(empty.all()).isZero();
        assertThat(empty.stderr()).as("no JLine warning about the dumb terminal").isEmpty();
    }

    @Test
    void aScriptExitsWithTheWorstExitCodeOfItsLines() throws Exception {
        assertThat(Launcher.run(dir, env(), "init", "--engine", "sqlite").exitCode()).isZero();
        Launcher.Result noUrl = Launcher.runWithInput(home, env(), "db status\n", "--workspace", dir.toString());
        assertThat(noUrl.exitCode()).as(noUrl.all()).isEqualTo(2);
        assertThat(noUrl.stderr()).startsWith("error: ").contains("DATABASE_URL").doesNotContain("WARNING");

        Launcher.Result laterSuccess = Launcher.runWithInput(home, env(), "db stauts\nschema status\n", "--workspace",
                dir.toString());
        assertThat(laterSuccess.exitCode()).as("a failure is not undone by a later success: %s", laterSuccess.all())
                .isEqualTo(2);
        assertThat(laterSuccess.stdout()).contains("clean");

        Launcher.Result allGood = Launcher.runWithInput(home, env(), "schema status\nexit\n", "--workspace",
                dir.toString());
        assertThat(allGood.exitCode()).as(allGood.all()).isZero();

        Files.writeString(dir.resolve("migrations/001_a.sql"), "-- migrate:up\nCREATE TABLE a (x INTEGER);\n");
        Launcher.Result worst = Launcher.runWithInput(home, env(), "db status --bogus\nschema status --exit-code\n"
                + "exit\n", "--workspace", dir.toString());
        assertThat(worst.stdout()).as("the second line ran, and found the artifacts stale").contains("stale");
        assertThat(worst.exitCode()).as("a usage error (2) outranks a later stale report (1): %s", worst.all())
                .isEqualTo(2);
    }

    @Test
    void aScriptIsReadAsShReadsIt() throws Exception {
        assertThat(Launcher.run(dir, env(), "init", "--engine", "sqlite").exitCode()).isZero();
        Launcher.Result lastLine = Launcher.runWithInput(home, env(), "# check the schema\n  # indented\n\nschema status\n"
                + "bogus", "--workspace", dir.toString());
        assertThat(lastLine.exitCode()).as("the last line runs without its newline: %s", lastLine.all()).isEqualTo(2);
        assertThat(lastLine.stderr()).as("comments are skipped").startsWith("error: No command 'bogus'.")
                .doesNotContain("'#");
        assertThat(lastLine.stdout()).contains("clean");

        Launcher.Result mask = Launcher.runWithInput(home, env(), "db status --url postgres://u:****@127.0.0.1:1/x\n",
                "--workspace", dir.toString());
        assertThat(mask.stderr()).as("a script keeps no history: a password that is the mask is used as written")
                .doesNotContain("the mask the session history keeps").contains("is a postgres URL, but");

        // The README's commands start with ./matey, which a pasted line keeps; sh refuses an unclosed quote.
        Launcher.Result pasted = Launcher.runWithInput(home, env(), "./matey schema status\ndb new \"abc\n",
                "--workspace", dir.toString());
        assertThat(pasted.stdout()).as(pasted.all()).contains("clean");
        assertThat(pasted.exitCode()).as(pasted.all()).isEqualTo(2);
        assertThat(pasted.stderr()).startsWith("error: Unterminated quote: the double quote at column 8 is not closed, "
                + "so nothing ran");
        try (Stream<Path> files = Files.list(dir.resolve("migrations"))) {
            assertThat(files).as("no migration created").isEmpty();
        }

        Launcher.Result oneLine = Launcher.runWithInput(home, env(), "schema status", "--workspace", dir.toString());
        assertThat(oneLine.exitCode()).as(oneLine.all()).isZero();
        assertThat(oneLine.stdout()).contains("clean");

        // sh removes quotes wherever they open in a word: --url='...' and --url="..." are --url=...
        String url = "sqlite3:" + dir.resolve("live db.sqlite3");
        Launcher.Result plain = Launcher.runWithInput(home, env(), "db status --url 'x'\n".replace("'x'", "'" + url
                + "'"), "--workspace", dir.toString());
        assertThat(plain.stderr()).doesNotContain("Invalid database URL");
        for (String line : new String[] {"db status --url='" + url + "'\n", "db status --url=\"" + url + "\"\n"}) {
            Launcher.Result quoted = Launcher.runWithInput(home, env(), line, "--workspace", dir.toString());
            assertThat(quoted.exitCode()).as(line).isEqualTo(plain.exitCode());
            assertThat(quoted.stdout()).as(line).isEqualTo(plain.stdout());
            assertThat(quoted.stderr()).as(line).isEqualTo(plain.stderr());
        }
    }

    @Test
    void aScriptsStdoutIsItsCommandsOutputAndItKeepsNoHistory() throws Exception {
        assertThat(Launcher.run(dir, env(), "init", "--engine", "sqlite").exitCode()).isZero();
        String json = Launcher.run(home, env(), "--workspace", dir.toString(), "schema", "status", "--format", "json")
                .stdout();
        Launcher.Result session = Launcher.runWithInput(home, env(), "schema status --format json\nbogus\nexit\n",
                "--workspace", dir.toString());
        assertThat(session.stdout()).as("no banner, no prompts: %s", session.stderr()).isEqualTo(json).startsWith("[");
        assertThat(home.resolve(".matey_history")).as("only a terminal session keeps history").doesNotExist();

        Launcher.Result version = Launcher.runWithInput(home, env(), "version\n--version\n");
        assertThat(version.stderr()).startsWith("error: No command 'version'. Did you mean '--version'?\n");
        assertThat(version.stdout()).startsWith("matey ");
    }

    @Test
    void aSessionsLiveCommandRunsWithTheLiveCommandsCache() throws Exception {
        assertThat(Launcher.run(dir, env(), "init", "--engine", "sqlite").exitCode()).isZero();
        Map<String, String> noServer = Map.of("HOME", home.toString(), "DATABASE_URL", "sqlite3:" + dir.resolve("a.db"));
        assertThat(Launcher.run(dir, noServer, "db", "status").exitCode()).as("records the live commands' cache")
                .isZero();

        Launcher.Result session = Launcher.runWithInput(dir, Map.of("HOME", home.toString(), "DATABASE_URL",
                "sqlite3:" + dir.resolve("a.db"), "MATEY_JAVA_OPTS", "-Xlog:class+load=info"), "db status\n");

        assertThat(session.exitCode()).as(session.all()).isZero();
        // only the live commands' training runs the db group, so its lambdas come from that cache alone
        assertThat(session.stdout())
                .containsPattern("io\\.matey\\.shell\\.command\\.DbCommands\\$\\$Lambda\\S* source: shared objects file")
                .doesNotContainPattern("io\\.matey\\.shell\\.command\\.DbCommands\\$\\$Lambda\\S* source: io\\.matey");
    }

    @Test
    void aSessionOnAMissingWorkspaceIsRefusedUpFrontWhileInitCreatesIt() throws Exception {
        Path missing = dir.resolve("nonexist");
        Launcher.Result session = Launcher.run(dir, env(), "--workspace", missing.toString());
        assertThat(session.exitCode()).as(session.all()).isEqualTo(2);
        assertThat(session.stdout()).as("no session opened").isEmpty();
        assertThat(session.stderr()).isEqualTo("error: --workspace must point to a directory: " + missing
                + ". To create a workspace there, run `matey --workspace " + missing + " init --engine <engine>`.\n");

        Launcher.Result init = Launcher.run(dir, env(), "--workspace", missing.toString(), "init", "--engine", "sqlite");
        assertThat(init.exitCode()).as(init.all()).isZero();
        assertThat(Files.isRegularFile(missing.resolve("config.toml"))).isTrue();
        assertThat(Launcher.runWithInput(dir, env(), "", "--workspace", missing.toString()).exitCode()).isZero();
    }
}
