package io.matey.dbmate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code up} and {@code migrate} with a migrations directory that holds no migration fail as dbmate's do ("no
 * migration files found", exit 2), so a script pointed at the wrong directory does not pass as migrated.
 */
class DbmateNoMigrationFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"up", "migrate"})
    void anEmptyMigrationsDirectoryIsAnError(String verb) throws Exception {
        Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(dir.resolve("db/migrations/README.md"), "not a migration\n");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Dbmate dbmate = new Dbmate("test", Map.of(), dir, new PrintStream(printed, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
        assertThatThrownBy(() -> dbmate.run(List.of("-u", "sqlite:" + dir.resolve("t.db"), verb)))
                .hasMessage("no migration files found in ./db/migrations "
                        + "(*.sql files whose names start with a version number)");
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("Writing:");
        assertThat(dir.resolve("db/schema.sql")).doesNotExist();
    }
}
