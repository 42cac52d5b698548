package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.MateyUrl;
import io.matey.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password in a URL never reaches the output, whatever goes wrong: mistyped commands, unknown options, bad
 * values, {@code --opt=value}, failing connections. Every stream of every run is searched for it.
 */
class SecretsIT {

    private static final String PASSWORD = "Sekr3t-Pw-77";
    private static final String URL = "postgres://app:" + PASSWORD + "@127.0.0.1:1/app?sslmode=disable";

    @TempDir
    Path dir;

    @Test
    void noOutputContainsThePassword() throws Exception {
        assertThat(Launcher.run(dir, Map.of(), "init", "--engine", "postgres").exitCode()).isZero();
        List<List<String>> lines = List.of(
                List.of("db", "stauts", "--url", URL),
                List.of("db", "stauts", "--url=" + URL),
                List.of("db", "status", "--urll=" + URL),
                List.of("db", "status", "--url", URL, "--url=" + URL),
                List.of("db", "down", "--steps=" + URL, "--url", URL),
                List.of("db", "status", URL),
                List.of("db", "status", "--url=" + URL),
                List.of("db", "status", "--url", "mysql://root:" + PASSWORD + "@127.0.0.1:1/x"),
                List.of("schema", "plan", "--test-url=" + URL),
                List.of("--workspace", dir.toString(), "db", "up", "--url", URL));
        for (List<String> line : lines) {
            Launcher.Result result = Launcher.run(dir, Map.of(), line.toArray(String[]::new));
            assertThat(result.exitCode()).as("%s\n%s", line, result.all()).isEqualTo(2);
            assertThat(result.all()).as("%s", line).contains("error:").doesNotContain(PASSWORD);
        }
        Launcher.Result equalsForm = Launcher.run(dir, Map.of(), "db", "status", "--url=" + URL);
        assertThat(equalsForm.stderr()).as("--url=VALUE is the URL, masked").contains("app:****@127.0.0.1:1/app");
    }

    /**
     * URLs whose password the parser cannot find (no scheme, one slash, a {@code #}, {@code @} or {@code /} in it)
     * are echoed masked by {@code db} and {@code dbmate} alike, and a {@code password=} parameter's mask keeps the
     * text after the URL.
     */
    @Test
    void urlsThatDoNotParseAndPasswordParametersNeverShowThePassword() throws Exception {
        assertThat(Launcher.run(dir, Map.of(), "init", "--engine", "postgres").exitCode()).isZero();
        Files.createDirectories(dir.resolve("db/migrations"));
        Map<String, String> urlAndMessage = Map.of(
                "bob:S3cretPW@host/db", "Invalid database URL 'bob:****@host/db': a host is required.",
                "postgres:/bob:S3cretPW@host/db", "Invalid database URL 'postgres:/bob:****@host/db': a host is required.",
                "//bob:S3cretPW@host/db", "Invalid database URL '//bob:****@host/db': expected <scheme>:...",
                "postgres://bob:S3cr#etPW@127.0.0.1/db", "Invalid database URL 'postgres://bob:****@127.0.0.1/db': "
                        + "an '@' comes after the host",
                "postgres://bob:S3c@ret/PW@127.0.0.1/db", "Invalid database URL 'postgres://bob:****@127.0.0.1/db': "
                        + "an '@' comes after the host",
                "postgres://bob:S3cret%20PW@127.0.0.1:5432/x?password=S3cretQ&sslmode=disable",
                "postgres://bob:****@127.0.0.1:5432/x?password=****&sslmode=disable",
                "postgres://bob:S3cret%20PW@127.0.0.1:5432/x?password=S3cretQ",
                "?password=**** refused the login: FATAL: role \"bob\" does not exist");
        for (Map.Entry<String, String> entry : urlAndMessage.entrySet()) {
            for (List<String> line : List.of(List.of("db", "status", "--url", entry.getKey()),
                    List.of("dbmate", "--url", entry.getKey(), "status"))) {
                Launcher.Result result = Launcher.run(dir, Map.of(), line.toArray(String[]::new));
                assertThat(result.exitCode()).as("%s\n%s", line, result.all()).isEqualTo(2);
                assertThat(result.all()).as("%s", line).doesNotContain("S3c", "PW@", "etPW", "ret/")
                        .contains("error: ");
                // dbmate names the URL only after the driver's message, as dbmate does.
                if (line.get(0).equals("db") || !entry.getKey().endsWith("S3cretQ")) {
                    assertThat(result.stderr()).as("%s", line).contains(entry.getValue());
                }
            }
        }
    }

    /**
     * The test server trusts local connections, so URLs carrying a password connect and every success path (progress
     * lines, reports, JSON) shows them: masked.
     */
    @Test
    void successfulRunsTextAndJsonNeverShowThePassword() throws Exception {
        String server = withPassword(TestDatabase.serverBase("postgres"));
        try (TestDatabase live = TestDatabase.unborn("postgres")) {
            Map<String, String> env = Map.of("TEST_DATABASE_URL", server, "DATABASE_URL", withPassword(live.url()));
            assertThat(Launcher.run(dir, env, "init", "--engine", "postgres").exitCode()).isZero();
            Files.writeString(dir.resolve("migrations/001_t.sql"),
                    "-- migrate:up\nCREATE TABLE t (id int);\n-- migrate:down\nDROP TABLE t;\n");
            StringBuilder all = new StringBuilder();
            for (List<String> line : List.of(List.of("schema", "apply"), List.of("schema", "plan", "--format", "json"),
                    List.of("db", "up"), List.of("db", "status"), List.of("db", "status", "--format", "json"),
                    List.of("db", "drift", "--format", "json"), List.of("db", "plan", "--format", "json"),
                    List.of("db", "up", "--url", withPassword(live.url())))) {
                Launcher.Result result = Launcher.run(dir, env, line.toArray(String[]::new));
                assertThat(result.exitCode()).as("%s\n%s", line, result.all()).isZero();
                assertThat(result.all()).as("%s", line).doesNotContain(PASSWORD);
                all.append(result.all());
            }
            assertThat(all).as("URLs are shown, masked").contains(":****@");
        }
    }

    private static String withPassword(MateyUrl url) {
        return url.raw().replaceFirst("://([^:@/]+)@", "://$1:" + PASSWORD + "@");
    }
}
