package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NUL byte in a migration (L014) is refused at its line and column by every command that reads migrations, the
 * status commands included, with the message replay gives (real SQLite).
 */
class NulByteCommandTest {

    @TempDir
    Path dir;

    @Test
    void aMigrationHoldingANulByteIsRefusedByEveryCommandAtItsLine() throws Exception {
        Map<String, String> env = GitWorkspace.initSqlite(dir);
        Files.writeString(dir.resolve("migrations/001_a.sql"), "-- migrate:up\nCREATE TABLE a (id INTEGER PRIMARY KEY);\n"
                + "-- migrate:down\nDROP TABLE a;\n", StandardCharsets.UTF_8);
        assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
        assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();
        Files.writeString(dir.resolve("migrations/002_b.sql"), "-- migrate:up\nCREATE TABLE b (id INTEGER);\0\n"
                + "-- migrate:down\nDROP TABLE b;\n", StandardCharsets.UTF_8);
        String refusal = "error: migrations/002_b.sql:2:29: a NUL byte (\\0) is not SQL: the databases stop the "
                + "statement there or refuse it. Delete the NUL byte (a text editor shows it as ^@ or \\0; "
                + "`tr -d '\\000'` removes every one).\n";

        for (String[] command : new String[][] {{"schema", "status"}, {"db", "status"}, {"schema", "plan"},
                {"db", "up"}, {"db", "drift"}}) {
            MateyProcess.Result result = MateyProcess.run(dir, env, command);
            assertThat(result.exitCode()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(result.stderr()).as(String.join(" ", command)).isEqualTo(refusal);
        }
        assertThat(MateyProcess.run(dir, env, "lint").stdout()).contains("L014 migrations/002_b.sql:2 column 29: a NUL byte");
    }
}
