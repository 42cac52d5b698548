package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live schema the server would not load back from its own text (a default calling a function that reads a table
 * renamed by hand) is still reported by {@code db drift}: the drift, and the object as a finding; only a dump that
 * must be a fixed point fails on it (docs/architecture.md §7).
 */
class UnloadableDriftTest {

    @TempDir
    Path dir;

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
            assertThat(drift.diff()).contains("+CREATE TABLE public.t_a (", "-CREATE TABLE public.t_alpha (");
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
