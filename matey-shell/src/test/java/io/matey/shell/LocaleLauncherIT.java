package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ./matey} launcher under a locale without UTF-8 (LC_ALL=C, LANG=POSIX, or a UTF-8 name this machine has
 * not installed, which leaves C in force), where Java reads file names and
 * arguments as ASCII: a migration named, written and commented in UTF-8 is applied, recorded and shown as it is,
 * a data set's non-ASCII values are applied and exported as they are, and a drift diff prints its non-ASCII text
 * (real SQLite).
 */
class LocaleLauncherIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"LC_ALL=C", "LANG=POSIX", "LANG=xx_XX.UTF-8"})
    void migrationsNamedAndWrittenInUtf8WorkUnderAnAsciiLocale(String locale) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.sqlite3"),
                "LC_ALL", "", "LC_CTYPE", "", "LANG", ""));
        env.put(locale.substring(0, locale.indexOf('=')), locale.substring(locale.indexOf('=') + 1));
        assertThat(Launcher.run(dir, env, "init", "--engine", "sqlite").exitCode()).isZero();
        Files.writeString(dir.resolve("migrations/001_caf\u00e9.sql"), "-- migrate:up\n-- the caf\u00e9's menu\n"
                + "CREATE TABLE caf\u00e9 (id INTEGER, dish TEXT DEFAULT 'cr\u00eape');\n"
                + "CREATE TABLE dishes (id INTEGER PRIMARY KEY, name TEXT);\n-- migrate:down\n"
                + "DROP TABLE dishes;\nDROP TABLE caf\u00e9;\n", StandardCharsets.UTF_8);

        Launcher.Result apply = Launcher.run(dir, env, "schema", "apply");
        assertThat(apply.exitCode()).as(apply.all()).isZero();
        assertThat(apply.stdout()).contains("checkpoints/001_caf\u00e9.sql");
        assertThat(dir.resolve("checkpoints/001_caf\u00e9.sql")).exists();
        assertThat(Files.readString(dir.resolve("schema.sql"), StandardCharsets.UTF_8))
                .contains("CREATE TABLE caf\u00e9 (id INTEGER, dish TEXT DEFAULT 'cr\u00eape');");
        assertThat(Files.readString(dir.resolve("schema.lock.toml"), StandardCharsets.UTF_8))
                .contains("migrations/001_caf\u00e9.sql");

        Launcher.Result up = Launcher.run(dir, env, "db", "up");
        assertThat(up.exitCode()).as(up.all()).isZero();
        assertThat(up.stdout()).contains("migrations/001_caf\u00e9.sql");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/data.toml"), "[core]\nfiles = [{ name = \"dishes\", table = \"dishes\", "
                + "mode = \"replace\", order_by = [\"id\"] }]\n", StandardCharsets.UTF_8);
        String rows = "{\"id\": 1, \"name\": \"cr\u00e8me br\u00fbl\u00e9e\"}\n";
        Files.writeString(dir.resolve("data/dishes.jsonl"), rows, StandardCharsets.UTF_8);
        Launcher.Result data = Launcher.run(dir, env, "data", "apply");
        assertThat(data.exitCode()).as(data.all()).isZero();
        Files.delete(dir.resolve("data/dishes.jsonl"));
        assertThat(Launcher.run(dir, env, "data", "export").exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("data/dishes.jsonl"), StandardCharsets.UTF_8)).isEqualTo(rows);
        try (Connection live = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("live.sqlite3"));
                Statement st = live.createStatement()) {
            var name = st.executeQuery("SELECT name FROM dishes");
            assertThat(name.next()).isTrue();
            assertThat(name.getString(1)).isEqualTo("cr\u00e8me br\u00fbl\u00e9e");
            st.execute("CREATE TABLE na\u00efve (x TEXT DEFAULT '\u00fc')");
        }
        Launcher.Result drift = Launcher.run(dir, env, "db", "drift");
        assertThat(drift.stdout()).as(drift.all()).contains("+CREATE TABLE na\u00efve (x TEXT DEFAULT '\u00fc');");
    }

    /** The interactive session on a terminal under LC_ALL=C: typed and printed non-ASCII text arrives as it is. */
    @Test
    void theInteractiveSessionShowsUtf8UnderAnAsciiLocale() throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.sqlite3"), "LC_ALL", "C",
                "NO_COLOR", "1", "HOME", dir.toString());
        assertThat(Launcher.run(dir, env, "init", "--engine", "sqlite").exitCode()).isZero();
        Files.writeString(dir.resolve("migrations/001_caf\u00e9.sql"), "-- migrate:up\nCREATE TABLE caf\u00e9 (id INTEGER);\n"
                + "-- migrate:down\nDROP TABLE caf\u00e9;\n", StandardCharsets.UTF_8);
        try (PseudoTerminal terminal = PseudoTerminal.start(dir, env)) {
            terminal.awaitPrompt(1, Duration.ofSeconds(120));
            terminal.type("db status --url 'sqlite3:" + dir.resolve("cr\u00e8me.sqlite3") + "'");
            terminal.press("Enter");
            assertThat(terminal.awaitPrompt(2, Duration.ofSeconds(30))).contains("[ ] migrations/001_caf\u00e9.sql",
                    "cr\u00e8me.sqlite3");
            terminal.type("exit");
            terminal.press("Enter");
            assertThat(terminal.awaitExit(Duration.ofSeconds(30))).isZero();
        }
    }
}
