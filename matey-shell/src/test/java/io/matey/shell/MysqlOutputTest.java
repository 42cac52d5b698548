package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On MariaDB, stdout carries results only: the driver's own log of a server error never reaches it. */
class MysqlOutputTest {

    @TempDir
    Path dir;

    @Test
    void aFailingStatementIsReportedOnceOnStderr() throws Exception {
        Map<String, String> env = Map.of("TEST_DATABASE_URL", TestDatabase.serverBase("mysql").raw());
        assertThat(MateyProcess.run(dir, env, "init", "--engine", "mysql").exitCode()).isZero();
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/001_broken.sql"),
                "-- migrate:up\nCREATE TABLE a (id int);\nCREATE TABLEX b;\n\n-- migrate:down\nDROP TABLE a;\n",
                StandardCharsets.UTF_8);

        MateyProcess.Result plan = MateyProcess.run(dir, env, "schema", "plan");

        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.stdout()).isEmpty();
        assertThat(plan.stderr()).startsWith("error: ").contains("migrations/001_broken.sql:3: up section failed")
                .doesNotContain("Error: 1064");
    }
}
