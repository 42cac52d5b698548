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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rollback} when the latest applied migration's file is gone: dbmate rolls back the latest one that has a
 * file, under the one still applied; Matey refuses, rolls back nothing and says how to go on.
 */
class DbmateRollbackMissingFileTest {

    @TempDir
    Path dir;

    @Test
    void theLatestAppliedVersionWithoutAFileIsRefusedRollingBackNothing() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
        for (String name : List.of("1_one", "2_two")) {
            Files.writeString(migrations.resolve(name + ".sql"), "-- migrate:up\nCREATE TABLE t" + name
                    + " (id INT);\n-- migrate:down\nDROP TABLE t" + name + ";\n");
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Dbmate dbmate = new Dbmate("test", Map.of(), dir, new PrintStream(printed, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
        String url = "sqlite:" + dir.resolve("t.db");
        assertThat(dbmate.run(List.of("-u", url, "--no-dump-schema", "up"))).isZero();
        Files.delete(migrations.resolve("2_two.sql"));
        printed.reset();

        assertThatThrownBy(() -> dbmate.run(List.of("-u", url, "--no-dump-schema", "rollback")))
                .hasMessage("can't find migration file for applied version 2 in ./db/migrations; nothing was rolled "
                        + "back. Restore the file (from version control) and run again: rolling back an older "
                        + "migration while this one stays applied could fail or lose data.");
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        printed.reset();
        assertThat(dbmate.run(List.of("-u", url, "status"))).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("[X] 1_one.sql");
    }
}
