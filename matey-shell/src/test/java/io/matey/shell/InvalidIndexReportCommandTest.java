package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code CREATE UNIQUE INDEX CONCURRENTLY} of a {@code transaction:false} section that the live data rejects
 * leaves an invalid index and nothing else: {@code db status} and {@code db drift} say that nothing else differs
 * instead of introducing an empty diff, and their JSON carries an empty one.
 */
class InvalidIndexReportCommandTest {

    private static final String REPORT = "apart from it, the live schema is the state before the migration; nothing "
            + "else differs.\nRun `matey db up --resume`";

    @TempDir
    Path dir;

    @Test
    void anInterruptionThatLeftOnlyAnInvalidIndexSaysNothingElseDiffers() throws Exception {
        try (TestDatabase live = TestDatabase.create("postgres")) {
            Map<String, String> env = MateyProcess.init(dir, live, "postgres");
            write("001_customers.sql", "-- migrate:up\nCREATE TABLE customers (id int PRIMARY KEY, name text);\n"
                    + "-- migrate:down\nDROP TABLE customers;\n");
            assertThat(matey(env, "schema", "apply").exitCode()).isZero();
            assertThat(matey(env, "db", "up").exitCode()).isZero();
            live.execute("INSERT INTO customers VALUES (1, 'Ann'), (2, 'Ann')");
            write("002_unique_names.sql", "-- migrate:up transaction:false\nCREATE UNIQUE INDEX CONCURRENTLY "
                    + "customers_name ON customers (name);\n-- migrate:down\nDROP INDEX customers_name;\n");
            assertThat(matey(env, "schema", "apply").exitCode()).isZero();
            assertThat(matey(env, "db", "up").exitCode()).isEqualTo(2);

            for (String command : new String[] {"status", "drift"}) {
                MateyProcess.Result text = matey(env, "db", command);
                assertThat(text.stdout()).as(text.stderr()).contains("left invalid index public.customers_name behind",
                        REPORT).doesNotContain("migration:\n");
                String json = matey(env, "db", command, "--format", "json").stdout();
                assertThat(json).contains(command.equals("status") ? "\"interrupted_diff\": \"\"" : "\"diff\": \"\"");
            }
        }
    }

    private void write(String file, String text) throws Exception {
        Files.writeString(dir.resolve("migrations").resolve(file), text, StandardCharsets.UTF_8);
    }

    private MateyProcess.Result matey(Map<String, String> env, String... args) throws Exception {
        return MateyProcess.run(dir, env, args);
    }
}
