package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.matey.testing.EngineMatrix;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * A replay whose test server refuses the login says so, as live commands do, once and with the password masked:
 * not a notice about leftover scratch databases followed by a guess at reachability or privileges.
 */
class TestServerLoginTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix(servers = true)
    void aRefusedLoginOnTheTestServerIsNamed(String engine) throws Exception {
        String base = TestDatabase.serverBase(engine).raw();
        assumeTrue(base.contains("@"), "a server with a login");
        assertThat(MateyProcess.run(dir, Map.of(), "init", "--engine", TestEngines.named(engine).engineId())
                .exitCode()).isZero();
        Files.writeString(dir.resolve("migrations/001_a.sql"), "-- migrate:up\nCREATE TABLE a (id int);\n\n"
                + "-- migrate:down\nDROP TABLE a;\n");
        String wrong = base.replaceFirst("://[^@]*@", "://matey_nobody:WrongPw9@");

        MateyProcess.Result plan = MateyProcess.run(dir, Map.of(), "schema", "plan", "--test-url", wrong);

        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.stderr()).startsWith("error: Cannot create scratch database ")
                .contains(": the test server at ", " refused the login: ",
                        ". Check the user and password of the test server URL (--test-url, or $TEST_DATABASE_URL).")
                .doesNotContain("WrongPw9", "could not collect leftover", "conn=", "reachable");
        assertThat(plan.stderr().lines().count()).as(plan.stderr()).isEqualTo(1);
    }
}
