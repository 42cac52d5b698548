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
 * L406 on a partitioned table, where PostgreSQL refuses CREATE INDEX CONCURRENTLY: the hint gives the recipe that
 * works instead, and that recipe lints clean, replays with its down check and migrates a live database (real
 * PostgreSQL).
 */
class PartitionedIndexLintTest {

    @TempDir
    Path dir;

    @Test
    void theHintsRecipeForAPartitionedTableLintsCleanAndRuns() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            Map<String, String> env = Map.of("DATABASE_URL", db.url().raw(), "TEST_DATABASE_URL",
                    TestDatabase.serverBase("postgres").raw());
            assertThat(MateyProcess.run(dir, env, "init", "--engine", "postgres").exitCode()).isZero();
            migration("001_events.sql", """
                    -- migrate:up
                    CREATE TABLE events (id bigint, at date NOT NULL, kind text) PARTITION BY RANGE (at);
                    CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                    CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                    -- migrate:down
                    DROP TABLE events;
                    """);
            migration("002_events_kind.sql", """
                    -- migrate:up
                    CREATE INDEX events_kind ON events (kind);
                    -- migrate:down
                    DROP INDEX events_kind;
                    """);

            MateyProcess.Result plain = MateyProcess.run(dir, env, "lint");
            assertThat(plain.stdout()).contains("WARNING L406 migrations/002_events_kind.sql:2 Creating index "
                    + "'events_kind' on existing partitioned table 'events' without CONCURRENTLY blocks writes to it",
                    "hint: PostgreSQL refuses CREATE INDEX CONCURRENTLY on a partitioned table; in a section marked "
                    + "'-- migrate:up transaction:false', write CREATE INDEX events_kind ON ONLY events (...), then for "
                    + "each partition CREATE INDEX CONCURRENTLY <partition_index> ON <partition> (...) and ALTER INDEX "
                    + "events_kind ATTACH PARTITION <partition_index>").doesNotContain("build it with CREATE INDEX");

            migration("002_events_kind.sql", """
                    -- migrate:up transaction:false
                    CREATE INDEX events_kind ON ONLY events (kind);
                    CREATE INDEX CONCURRENTLY events_2025_kind ON events_2025 (kind);
                    ALTER INDEX events_kind ATTACH PARTITION events_2025_kind;
                    CREATE INDEX CONCURRENTLY events_2026_kind ON events_2026 (kind);
                    ALTER INDEX events_kind ATTACH PARTITION events_2026_kind;
                    -- migrate:down
                    DROP INDEX events_kind;
                    """);
            MateyProcess.Result recipe = MateyProcess.run(dir, env, "lint");
            assertThat(recipe.stdout()).doesNotContain("L406", "L407");
            MateyProcess.Result apply = MateyProcess.run(dir, env, "schema", "apply");
            assertThat(apply.exitCode()).as(apply.stdout() + apply.stderr()).isZero();
            assertThat(apply.stdout()).contains("Down checked: 2");
            // Valid once every partition's is attached: the dump refuses an invalid index (docs/architecture.md §5).
            assertThat(Files.readString(dir.resolve("schema.sql")))
                    .contains("CREATE INDEX events_kind ON public.events USING btree (kind);");
            MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up");
            assertThat(up.exitCode()).as(up.stdout() + up.stderr()).isZero();
            assertThat(up.stdout()).contains("Verified: live schema equals the committed state at index 2");
        }
    }

    private void migration(String name, String text) throws Exception {
        Files.writeString(dir.resolve("migrations/" + name), text, StandardCharsets.UTF_8);
    }
}
