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
            Map<String, String> env = MateyProcess.init(dir, db, "postgres");
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
                    "hint: PostgreSQL refuses CREATE INDEX CONCURRENTLY on a partitioned table; build each "
                    + "partition's index first, one migration each whose '-- migrate:up transaction:false' section "
                    + "holds only CREATE INDEX CONCURRENTLY <partition_index> ON <partition> (...), then in one more "
                    + "migration CREATE INDEX events_kind ON ONLY events (...) and ALTER INDEX events_kind ATTACH "
                    + "PARTITION <partition_index> for each partition (instant)").doesNotContain("build it with CREATE INDEX");

            migration("002_events_2025_kind.sql", concurrently("events_2025"));
            migration("003_events_2026_kind.sql", concurrently("events_2026"));
            Files.delete(dir.resolve("migrations/002_events_kind.sql"));
            migration("004_events_kind.sql", """
                    -- migrate:up
                    CREATE INDEX events_kind ON ONLY events (kind);
                    ALTER INDEX events_kind ATTACH PARTITION events_2025_kind;
                    ALTER INDEX events_kind ATTACH PARTITION events_2026_kind;
                    -- migrate:down
                    DROP INDEX events_kind;
                    CREATE INDEX events_2025_kind ON events_2025 (kind);
                    CREATE INDEX events_2026_kind ON events_2026 (kind);
                    """);
            MateyProcess.Result recipe = MateyProcess.run(dir, env, "lint");
            assertThat(recipe.stdout()).doesNotContain("L406", "L407", "L013");
            MateyProcess.Result apply = MateyProcess.run(dir, env, "schema", "apply");
            assertThat(apply.exitCode()).as(apply.stdout() + apply.stderr()).isZero();
            assertThat(apply.stdout()).contains("Down checked: 4");
            // The parent's index on ONLY the table, each partition's attached to it, as pg_dump keeps that state
            // (docs/architecture.md §5).
            assertThat(Files.readString(dir.resolve("schema.sql")))
                    .contains("CREATE INDEX events_kind ON ONLY public.events USING btree (kind);",
                            "ALTER INDEX public.events_kind ATTACH PARTITION public.events_2025_kind;",
                            "ALTER INDEX public.events_kind ATTACH PARTITION public.events_2026_kind;");
            MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up");
            assertThat(up.exitCode()).as(up.stdout() + up.stderr()).isZero();
            assertThat(up.stdout()).contains("Verified: live schema equals the committed state at index 4");
        }
    }

    /** A partition's index built concurrently, alone in its section as dbmate needs (L013). */
    private static String concurrently(String partition) {
        return "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY " + partition + "_kind ON " + partition
                + " (kind);\n-- migrate:down\nDROP INDEX " + partition + "_kind;\n";
    }

    private void migration(String name, String text) throws Exception {
        Files.writeString(dir.resolve("migrations/" + name), text, StandardCharsets.UTF_8);
    }
}
