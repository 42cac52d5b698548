package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.postgres.Constructs;
import io.matey.error.MateyException;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's PostgreSQL construct corpus ({@link ConstructCorpus}), and what the dump and the write guard refuse.
 */
class PostgresConstructCorpusTest {

    @TempDir
    Path dir;

    @Test
    void everyConstructKeepsTheArtifactsTrue() throws Exception {
        ConstructCorpus.keepsTheArtifactsTrue(new TestWorkspace(dir, "postgres"), Constructs.ALL);
    }

    /**
     * A materialized view created {@code WITH NO DATA} stays unpopulated until refreshed, which a loaded checkpoint
     * cannot show (every load populates it): the incremental replay runs the prefix instead and fails the concurrent
     * refresh as {@code --clean} and a new database's {@code db up} do (docs/architecture.md §6).
     */
    @Test
    void anIncrementalReplayKeepsAMaterializedViewUnpopulatedAsACleanOneDoes() {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        ws.migration("001_totals.sql", """
                CREATE TABLE sales (id integer PRIMARY KEY, amount numeric);
                CREATE MATERIALIZED VIEW "Sale Totals" AS SELECT id, amount FROM sales WITH NO DATA;
                CREATE UNIQUE INDEX sale_totals_id ON "Sale Totals" (id);
                """, "DROP MATERIALIZED VIEW \"Sale Totals\";\nDROP TABLE sales;");
        ws.apply();
        ws.migration("002_refresh.sql", "REFRESH MATERIALIZED VIEW CONCURRENTLY public.\"Sale Totals\";", "SELECT 1;");

        for (ReplayOptions options : new ReplayOptions[] {ReplayOptions.defaults(),
                new ReplayOptions(null, null, true, false)}) {
            assertThatThrownBy(() -> ws.apply(options)).isInstanceOf(MateyException.class)
                    .hasMessageContaining("migrations/002_refresh.sql")
                    .hasMessageContaining("CONCURRENTLY cannot be used when the materialized view is not populated");
        }
    }

    @Test
    void anObjectTheDumpCannotWriteFailsTheReplayNamingItsMigration() {
        // dropping the operator leaves the shell of its commutator, which no SQL creates on its own
        ConstructCorpus.refusesAfterTheMigration(new TestWorkspace(dir, "postgres"), "shell", """
                CREATE OPERATOR === (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int4eq, COMMUTATOR = ====);
                DROP OPERATOR === (integer, integer);
                """, "DROP OPERATOR ==== (integer, integer);", "shell operator public.====(integer,integer)");
    }

    @Test
    void aSubscriptionIsRefusedBeforeTheReplayRunsAnything() {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        ws.migration("001_replica.sql", "CREATE SUBSCRIPTION corpus_replica CONNECTION 'host=127.0.0.1 dbname=nowhere"
                + " password=hunter2' PUBLICATION everything;", "DROP SUBSCRIPTION corpus_replica;");

        assertThatThrownBy(ws::apply)
                .isInstanceOf(MateyException.class)
                .hasMessageContaining("nothing was run")
                .hasMessageContaining("migrations/001_replica.sql:2 (up): CREATE SUBSCRIPTION connects to another server")
                .message().doesNotContain("hunter2");
    }

    @Test
    void aSubscriptionCreatedByDynamicSqlFailsTheDumpAndItsScratchDatabaseIsStillDropped() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        // the write guard reads statements, not what a DO block executes
        ws.migration("001_replica.sql", "DO $$ BEGIN EXECUTE 'CREATE SUBSCRIPTION corpus_replica CONNECTION ''host=127.0.0.1"
                + " dbname=nowhere'' PUBLICATION everything WITH (connect = false)'; END $$;", "SELECT 1;");

        assertThatThrownBy(ws::apply)
                .isInstanceOf(MateyException.class)
                .hasMessageContaining("after migrations/001_replica.sql")
                .hasMessageContaining("does not cover subscription corpus_replica");
        // PostgreSQL drops no database holding a subscription: the scratch one went, so its subscription did too
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_subscription WHERE subname = 'corpus_replica'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
