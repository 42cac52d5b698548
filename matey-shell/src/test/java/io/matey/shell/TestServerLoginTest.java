package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.matey.testing.EngineMatrix;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestEngines;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * A replay whose test server refuses the login or cannot be reached says so, as live commands do, once and with the
 * password masked: not a notice about leftover scratch databases or roles followed by a guess at the cause.
 */
class TestServerLoginTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix(servers = true)
    void aRefusedLoginOnTheTestServerIsNamed(String engine) throws Exception {
        String base = workspaceMigrating(engine, "CREATE TABLE a (id int);", "DROP TABLE a;");
        String wrong = base.replaceFirst("://[^@]*@", "://matey_nobody:WrongPw9@");

        MateyProcess.Result plan = MateyProcess.run(dir, Map.of(), "schema", "plan", "--test-url", wrong);

        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.stderr()).startsWith("error: Cannot create scratch database ")
                .contains(": the test server at ", " refused the login: ",
                        ". Check the user and password of the test server URL (--test-url, or $TEST_DATABASE_URL).")
                .doesNotContain("WrongPw9", "could not collect leftover", "conn=", "reachable");
        assertThat(plan.stderr().lines().count()).as(plan.stderr()).isEqualTo(1);
    }

    @ParameterizedTest
    @EngineMatrix(servers = true)
    void anUnreachableTestServerIsOneErrorNamingItOnce(String engine) throws Exception {
        // The role in the SQL makes the replay list the server's roles first, one more step that could report.
        String base = workspaceMigrating(engine, "CREATE ROLE a_role;", "DROP ROLE a_role;");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String unreachable = base.replaceFirst("://([^:@/]*)(?::[^@]*)?@[^/]*", "://$1:Unreach9@127.0.0.1:" + closedPort);

        MateyProcess.Result plan = MateyProcess.run(dir, Map.of(), "schema", "plan", "--test-url", unreachable);

        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.stderr()).startsWith("error: Cannot reach the test server at ")
                .contains(":****@127.0.0.1:" + closedPort, "Start it, or correct the host and port of the test server URL "
                        + "(--test-url, or $TEST_DATABASE_URL).")
                .doesNotContain("Unreach9", "could not collect leftover", "could not list the roles", "..");
        assertThat(plan.stderr().lines().count()).as(plan.stderr()).isEqualTo(1);
        assertThat(plan.stderr().split("127\\.0\\.0\\.1:" + closedPort + "/", -1)).as("the URL once").hasSize(2);
    }

    /** A workspace of {@code engine} with one migration; the test server's URL (skipped for a server without a login). */
    private String workspaceMigrating(String engine, String up, String down) throws Exception {
        String base = TestDatabase.serverBase(engine).raw();
        assumeTrue(base.contains("@"), "a server with a login");
        assertThat(MateyProcess.run(dir, Map.of(), "init", "--engine", TestEngines.named(engine).engineId())
                .exitCode()).isZero();
        Files.writeString(dir.resolve("migrations/001_a.sql"), "-- migrate:up\n" + up + "\n\n-- migrate:down\n" + down + "\n");
        return base;
    }
}
