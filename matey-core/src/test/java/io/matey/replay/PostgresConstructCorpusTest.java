package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.postgres.Constructs.Construct;
import io.matey.engine.postgres.Constructs;
import io.matey.error.MateyException;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's PostgreSQL construct corpus through the façade, as a user runs it: each construct is a migration,
 * added and applied incrementally a few at a time; a clean replay writes the same bytes, a second apply and the plan find
 * nothing to do, and a bootstrapped and a migrated database both pass their post-checks and show no drift.
 */
class PostgresConstructCorpusTest {

    @TempDir
    Path dir;

    @Test
    void everyConstructKeepsTheArtifactsTrue() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        int index = 0;
        for (Construct construct : Constructs.ALL) {
            ws.migration("%03d_%s.sql".formatted(++index, construct.name()), construct.up(), construct.down());
            // a few migrations per replay, so that most of the history is replayed from a loaded checkpoint
            if (index % 4 == 0 || index == Constructs.ALL.size()) {
                ws.apply();
            }
        }
        Map<String, String> incremental = ws.files();

        SchemaApplyResult clean = ws.apply(new ReplayOptions(null, null, true, false));
        assertThat(clean.changedFiles()).isEmpty();
        assertThat(ws.files()).isEqualTo(incremental);
        assertThat(ws.apply().changed()).isFalse();
        assertThat(ws.plan().match()).isTrue();

        PostgresLiveChecks.bootstrapAndUpDownUpStayClean(ws, index);
    }

    @Test
    void anObjectTheDumpCannotWriteFailsTheReplayNamingItsMigration() {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        ws.migration("001_base.sql", ws.createTable("base"), "DROP TABLE base;");
        // dropping the operator leaves the shell of its commutator, which no SQL creates on its own
        ws.migration("002_shell.sql", """
                CREATE OPERATOR === (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int4eq, COMMUTATOR = ====);
                DROP OPERATOR === (integer, integer);
                """, "DROP OPERATOR ==== (integer, integer);");
        Map<String, String> before = ws.files();

        assertThatThrownBy(ws::apply)
                .isInstanceOf(MateyException.class)
                .hasMessageContaining("after migrations/002_shell.sql")
                .hasMessageContaining("shell operator public.====(integer,integer)");
        assertThat(ws.files()).isEqualTo(before);
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
