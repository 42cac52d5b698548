package io.matey.dbmate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repeatable flags {@code --migrations-dir} and {@code --env-file}, and {@code DBMATE_MIGRATIONS_DIR}, take
 * comma-separated lists as dbmate's flag library reads them, so a script's {@code -d a,b} means what it meant there.
 */
class DbmateListFlagsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        return new Dbmate("test", env, dir, out, Clock.systemUTC()).run(List.of(args));
    }

    private void twoDirectories() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("a/20260101000001_one.sql"), "-- migrate:up\nCREATE TABLE one (id INT);\n"
                + "-- migrate:down\nDROP TABLE one;\n");
        Files.writeString(dir.resolve("b/20260101000002_two.sql"), "-- migrate:up\nCREATE TABLE two (id INT);\n"
                + "-- migrate:down\nDROP TABLE two;\n");
    }

    @Test
    void aCommaSeparatesMigrationsDirectoriesInTheFlagAndItsVariable() throws Exception {
        twoDirectories();
        String url = "sqlite:" + dir.resolve("t.db");
        assertThat(run(Map.of(), "-u", url, "-d", "a, b", "--no-dump-schema", "up")).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Applied: 20260101000001_one.sql", "Applied: 20260101000002_two.sql");
        printed.reset();
        assertThat(run(Map.of("DBMATE_MIGRATIONS_DIR", "a,b"), "-u", url, "status")).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("[X] 20260101000001_one.sql", "[X] 20260101000002_two.sql", "Applied: 2");
    }

    @Test
    void aCommaSeparatesEnvFilesAndTheFirstFileThatSetsAVariableWins() throws Exception {
        twoDirectories();
        Files.writeString(dir.resolve("first.env"), "DATABASE_URL=sqlite:" + dir.resolve("first.db") + "\n");
        Files.writeString(dir.resolve("second.env"),
                "DATABASE_URL=sqlite:" + dir.resolve("second.db") + "\nDBMATE_MIGRATIONS_DIR=a\n");
        assertThat(run(Map.of(), "--env-file", "first.env,second.env", "--no-dump-schema", "up")).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("first.db",
                "Applied: 20260101000001_one.sql").doesNotContain("two");
        assertThat(dir.resolve("first.db")).exists();
        assertThat(dir.resolve("second.db")).doesNotExist();
    }
}
