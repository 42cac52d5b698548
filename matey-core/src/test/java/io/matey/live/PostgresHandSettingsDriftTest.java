package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings made by hand on a live PostgreSQL database that CREATE statements do not show (a clustering index, a
 * column's planner options and statistics target) are drift: the dump writes them, so the live schema differs.
 */
class PostgresHandSettingsDriftTest {

    @TempDir
    Path dir;

    @Test
    void aHandClusterOnColumnOptionOrStatisticsTargetIsReportedAsDrift() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "postgres")) {
            h.ws.migration("001_visits.sql", """
                    CREATE TABLE visits (id integer PRIMARY KEY, page text);
                    CREATE INDEX visits_page ON visits (page);
                    """, "DROP TABLE visits;");
            h.ws.apply();
            h.up();
            assertThat(h.drift().drifted()).isFalse();

            h.db.execute("ALTER TABLE visits CLUSTER ON visits_page;");
            assertDrift(h, "-ALTER TABLE public.visits CLUSTER ON visits_page;");

            h.db.execute("ALTER TABLE visits SET WITHOUT CLUSTER;");
            assertThat(h.drift().drifted()).isFalse();
            h.db.execute("ALTER TABLE visits ALTER COLUMN page SET (n_distinct = 42);");
            assertDrift(h, "-ALTER TABLE ONLY public.visits ALTER COLUMN page SET (n_distinct=42);");

            h.db.execute("ALTER TABLE visits ALTER COLUMN page RESET (n_distinct);");
            h.db.execute("ALTER TABLE visits ALTER COLUMN page SET STATISTICS 250;");
            assertDrift(h, "-ALTER TABLE ONLY public.visits ALTER COLUMN page SET STATISTICS 250;");
        }
    }

    private static void assertDrift(LiveHarness h, String liveLine) {
        LiveDrift drift = h.drift();
        assertThat(drift.drifted()).as(drift.diff()).isTrue();
        assertThat(drift.diff()).contains(liveLine);
    }
}
