package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code MATEY_LOG=debug} shows connections, lock waits and statements on stderr; without it, nothing of them. */
class DebugLogCommandTest {

    @TempDir
    Path dir;

    @Test
    void debugLinesGoToStderrOnlyWhenAskedFor() throws Exception {
        assertThat(MateyProcess.run(dir, Map.of(), "init", "--engine", "sqlite").exitCode()).isZero();
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/001_one.sql"), "-- migrate:up\nCREATE TABLE one (id INTEGER);\n\n"
                + "-- migrate:down\nDROP TABLE one;\n", StandardCharsets.UTF_8);
        assertThat(MateyProcess.run(dir, Map.of(), "schema", "apply").exitCode()).isZero();
        String url = "sqlite3:" + dir.resolve("app.sqlite3");

        MateyProcess.Result up = MateyProcess.run(dir, Map.of("MATEY_LOG", "debug"), "db", "up", "--url", url);

        assertThat(up.exitCode()).isZero();
        assertThat(up.stderr()).contains("matey debug: JdbcConnections: opened jdbc:sqlite:" + dir.resolve("app.sqlite3"))
                .contains("matey debug: LockWait: sqlite: waiting for the migration lock (at most 10m)")
                .containsPattern("matey debug: LockWait: sqlite: migration lock held after \\d+ ms")
                .contains("matey debug: MigrationRunner: migrations/001_one.sql:2 up: CREATE TABLE one (id INTEGER)");
        assertThat(up.stdout()).doesNotContain("matey debug");

        MateyProcess.Result quiet = MateyProcess.run(dir, Map.of(), "db", "down", "--url", url);
        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.stderr()).doesNotContain("debug");
    }
}
