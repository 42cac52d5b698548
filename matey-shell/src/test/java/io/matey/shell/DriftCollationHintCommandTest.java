package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.matey.schema.ServerDefaultsDiff;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift that is only a table's collation (real MariaDB) carries, in {@code db drift --format json}, the hint the text
 * report prints instead of how to keep it; any other drift has {@code hint} null.
 */
class DriftCollationHintCommandTest {

    @TempDir
    Path dir;

    @Test
    void collationOnlyDriftHasTheTextReportsHintInJsonAndOtherDriftNone() throws Exception {
        try (TestDatabase db = TestDatabase.create("mysql")) {
            Map<String, String> env = MateyProcess.init(dir, db, "mysql");
            Files.writeString(dir.resolve("migrations/001_t.sql"), "-- migrate:up\nCREATE TABLE t (id INT PRIMARY KEY) "
                    + "DEFAULT CHARSET=utf8mb4;\n-- migrate:down\nDROP TABLE t;\n", StandardCharsets.UTF_8);
            assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
            assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();
            db.execute("ALTER TABLE t COLLATE utf8mb4_bin");

            MateyProcess.Result text = MateyProcess.run(dir, env, "db", "drift");
            assertThat(text.stdout()).contains("COLLATE=utf8mb4_bin").endsWith(ServerDefaultsDiff.collationHint("TEST_DATABASE_URL") + "\n");
            JsonNode json = drift(env);
            assertThat(json.get("status").asText()).isEqualTo("drifted");
            assertThat(json.get("hint").asText()).isEqualTo(ServerDefaultsDiff.collationHint("TEST_DATABASE_URL"));

            db.execute("ALTER TABLE t ADD COLUMN note TEXT");
            JsonNode other = drift(env);
            assertThat(other.get("status").asText()).isEqualTo("drifted");
            assertThat(other.get("hint").isNull()).as(other.toString()).isTrue();
        }
    }

    private JsonNode drift(Map<String, String> env) throws Exception {
        return new ObjectMapper().readTree(MateyProcess.run(dir, env, "db", "drift", "--format", "json").stdout()).get(0);
    }
}
