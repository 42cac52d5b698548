package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data set's file of many megabytes under a small heap: only its rows are held, and a heap too small for them
 * ends in a user error naming the data file, not a JVM trace or a migration.
 */
class LargeDataFileTest {

    /** The heap of the child JVM: a 16 MB file ran out of it while the whole file was read at once. */
    private static final List<String> SMALL_HEAP = List.of("-XX:+UseSerialGC", "-Xmx64m");

    @TempDir
    Path ws;

    private Map<String, String> env;

    @BeforeEach
    void liveDatabaseAtHead() throws Exception {
        env = Map.of("DATABASE_URL", "sqlite3:" + ws.resolve("live.sqlite3"));
        assertThat(MateyProcess.run(ws, Map.of(), "init", "--engine", "sqlite").exitCode()).isZero();
        Files.writeString(ws.resolve("migrations/20260101000000_users.sql"), """
                -- migrate:up
                CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                -- migrate:down
                DROP TABLE users;
                """);
        Files.createDirectories(ws.resolve("data"));
        Files.writeString(ws.resolve("data/data.toml"), """
                [core]
                files = [ { name = "users", table = "users", mode = "replace" } ]
                """);
        assertThat(MateyProcess.run(ws, env, "schema", "apply").exitCode()).isZero();
        assertThat(MateyProcess.run(ws, env, "db", "up").exitCode()).isZero();
    }

    @Test
    void appliesASixteenMegabyteDataFileInASmallHeap() throws Exception {
        writeUsers(130_000);

        MateyProcess.Result result = MateyProcess.run(ws, env, SMALL_HEAP, "data", "apply", "--set", "core");

        assertThat(result.stderr()).doesNotContain("out of memory");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("130000");
    }

    @Test
    void aDataFileTooLargeForTheHeapIsAUserErrorNamingIt() throws Exception {
        writeUsers(600_000);

        MateyProcess.Result result = MateyProcess.run(ws, env, SMALL_HEAP, "data", "apply", "--set", "core");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).doesNotContain("java.lang.OutOfMemoryError").doesNotContain("\tat ")
                .contains("matey data apply ran out of memory")
                .contains("while reading data file " + ws.resolve("data/users.jsonl") + " (")
                .contains("MATEY_JAVA_OPTS=-Xmx2g matey data apply")
                .doesNotContain("move bulk data out of migrations");
        try (Connection live = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve("live.sqlite3"));
                ResultSet count = live.createStatement().executeQuery("SELECT count(*) FROM users")) {
            assertThat(count.next()).isTrue();
            assertThat(count.getInt(1)).as("nothing was written").isZero();
        }
    }

    /** {@code rows} rows of about 123 bytes each. */
    private void writeUsers(int rows) throws IOException {
        String name = "x".repeat(100);
        try (BufferedWriter out = Files.newBufferedWriter(ws.resolve("data/users.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 1; i <= rows; i++) {
                out.write("{\"id\":" + i + ",\"name\":\"" + name + "\"}\n");
            }
        }
    }
}
