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
