package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings made by hand on a live PostgreSQL database that CREATE statements do not show (a clustering index, a
 * column's planner options and statistics target) are drift: the dump writes them, so the live schema differs. So is
 * a table renamed under a default whose function reads it, which PostgreSQL would not load back from its own text:
 * drift reports the rename and names the default; only a dump that must be a fixed point fails on it
 * (docs/architecture.md §7).
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
            assertDrift(h, "+ALTER TABLE public.visits CLUSTER ON visits_page;");

            h.db.execute("ALTER TABLE visits SET WITHOUT CLUSTER;");
            assertThat(h.drift().drifted()).isFalse();
            h.db.execute("ALTER TABLE visits ALTER COLUMN page SET (n_distinct = 42);");
            assertDrift(h, "+ALTER TABLE ONLY public.visits ALTER COLUMN page SET (n_distinct=42);");

            h.db.execute("ALTER TABLE visits ALTER COLUMN page RESET (n_distinct);");
            h.db.execute("ALTER TABLE visits ALTER COLUMN page SET STATISTICS 250;");
            assertDrift(h, "+ALTER TABLE ONLY public.visits ALTER COLUMN page SET STATISTICS 250;");
        }
    }

    private static void assertDrift(LiveHarness h, String liveLine) {
        LiveDrift drift = h.drift();
        assertThat(drift.drifted()).as(drift.diff()).isTrue();
        assertThat(drift.diff()).contains(liveLine);
    }

    /** The renamed table is drift, and the default whose function reads it is named as unloadable. */
    @Test
    void driftReportsARenamedTableAndTheDefaultThatNoLongerLoads() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "postgres")) {
            h.ws.migration("001_next.sql", """
                    CREATE TABLE t_a (id int PRIMARY KEY);
                    CREATE FUNCTION public.next_a() RETURNS int LANGUAGE sql AS $$ SELECT max(id) FROM public.t_a $$;
                    CREATE TABLE t_b (x int DEFAULT public.next_a());
                    """, "DROP TABLE t_b; DROP FUNCTION public.next_a(); DROP TABLE t_a;");
            h.ws.apply();
            h.up();
            h.db.execute("ALTER TABLE t_a RENAME TO t_alpha");

            LiveDrift drift = h.drift();

            assertThat(drift.status()).isEqualTo("drifted");
            assertThat(drift.diff()).contains("-CREATE TABLE public.t_a (", "+CREATE TABLE public.t_alpha (");
            assertThat(drift.unloadable()).singleElement().asString()
                    .startsWith("column public.t_b.x would not load again: ERROR: relation \"public.t_a\" does not exist")
                    .contains("next_a");
            try (Connection c = h.db.connect()) {
                assertThatThrownBy(() -> h.db.engine().dumpSchema(c)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("cannot be a fixed point");
            }
        }
    }
}
