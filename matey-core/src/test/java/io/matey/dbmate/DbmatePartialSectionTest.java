package io.matey.dbmate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code matey dbmate up} on ClickHouse (no transactions) stopping partway: like dbmate it records no progress, and
 * its failure names the statements in effect and the {@code db} command that would have tracked them.
 */
class DbmatePartialSectionTest {

    @TempDir
    Path dir;

    @Test
    void aHalfAppliedSectionIsNamedAndLeavesNoProgressMarker() throws Exception {
        Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(dir.resolve("db/migrations/20260101000001_two.sql"), """
                -- migrate:up
                CREATE TABLE first_one (id UInt8) ENGINE = MergeTree ORDER BY id;
                CREATE TABLE broken (id UInt8) ENGINE = NoSuchEngine;
                -- migrate:down
                DROP TABLE first_one;
                """);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Dbmate dbmate = new Dbmate("test", Map.of(), dir, out, Clock.systemUTC());
        try (TestDatabase db = TestDatabase.create("clickhouse")) {
            assertThatThrownBy(() -> dbmate.run(List.of("--url", db.url().raw(), "--no-dump-schema", "up")))
                    .hasMessageContaining("Statements at line(s) 2 took effect and stay applied")
                    .hasMessageContaining("`matey dbmate`, like dbmate, records no progress")
                    .hasMessageContaining("`matey db up` would have");
            try (Connection c = db.connect()) {
                assertThat(db.engine().progressTable().read(c)).isEmpty();
            }
        }
    }
}
