package io.matey.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class UnsupportedObjectsTest {

    @Test
    void aShellOperatorNoOperatorNamesFailsTheDumpLoudly() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            // the operator that named it as its commutator is gone: no SQL creates the shell alone
            db.execute("CREATE OPERATOR === (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int4eq,"
                    + " COMMUTATOR = ====); DROP OPERATOR === (integer, integer)");
            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> db.engine().dumpSchema(c))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("does not cover shell operator public.====(integer,integer)");
            }
        }
    }

    @Test
    void aSubscriptionFailsTheDumpWithoutShowingItsConnectionString() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            db.execute("CREATE SUBSCRIPTION replica CONNECTION 'host=127.0.0.1 dbname=nowhere password=hunter2'"
                    + " PUBLICATION everything WITH (connect = false)");
            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> db.engine().dumpSchema(c))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("does not cover subscription replica")
                        .message().doesNotContain("hunter2");
            } finally {
                // PostgreSQL does not drop a database holding a subscription
                db.execute("ALTER SUBSCRIPTION replica SET (slot_name = NONE); DROP SUBSCRIPTION replica");
            }
        }
    }

    @Test
    void anInvalidIndexLeftByAFailedConcurrentBuildFailsTheDump() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            db.execute("CREATE TABLE dupes (a integer); INSERT INTO dupes VALUES (1), (1)");
            assertThatThrownBy(() -> outsideATransaction(db, "CREATE UNIQUE INDEX CONCURRENTLY dupes_a ON dupes (a)"))
                    .hasMessageContaining("could not create unique index");
            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> db.engine().dumpSchema(c))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("does not cover invalid index public.dupes_a")
                        .hasMessageContaining("REINDEX INDEX CONCURRENTLY")
                        .hasMessageEndingWith(" A failed CREATE INDEX CONCURRENTLY leaves an invalid index: when a"
                                + " migration's did, run `DROP INDEX CONCURRENTLY public.dupes_a`, fix what made it"
                                + " fail (such as duplicated rows) and run the migration again.");
            }
        }
    }

    @Test
    void aRelationInATablespaceOfItsOwnFailsTheDump() throws SQLException {
        String tablespace = "matey_ts_" + ProcessHandle.current().pid();
        try (TestDatabase db = TestDatabase.create("postgres")) {
            // an in-place tablespace needs no directory on the server's host
            outsideATransaction(db, "SET allow_in_place_tablespaces = true",
                    "CREATE TABLESPACE " + tablespace + " LOCATION ''");
            try {
                db.execute("CREATE TABLE placed (id integer PRIMARY KEY USING INDEX TABLESPACE " + tablespace + ")");
                try (Connection c = db.connect()) {
                    assertThatThrownBy(() -> db.engine().dumpSchema(c))
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining("does not cover tablespace " + tablespace
                                    + " of relation public.placed_pkey");
                }
            } finally {
                outsideATransaction(db, "DROP TABLE IF EXISTS placed", "DROP TABLESPACE " + tablespace);
            }
        }
    }

    @Test
    void objectsOfExtensionsComeWithTheirExtension() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            // btree_gist brings operator classes and functions, citext casts, operators and aggregates
            db.execute("CREATE EXTENSION btree_gist; CREATE EXTENSION citext");
            try (Connection c = db.connect()) {
                assertThat(db.engine().dumpSchema(c)).isEqualTo("""
                        CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;

                        COMMENT ON EXTENSION btree_gist IS 'support for indexing common datatypes in GiST';

                        CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;

                        COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';
                        """);
            }
        }
    }

    @Test
    void theFailedDumpLeavesTheSessionAsItWas() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            db.execute("CREATE OPERATOR === (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int4eq,"
                    + " COMMUTATOR = ====); DROP OPERATOR === (integer, integer)");
            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> db.engine().dumpSchema(c)).isInstanceOf(SQLException.class);
                try (var st = c.createStatement(); var rs = st.executeQuery("SHOW search_path")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("\"$user\", public");
                }
            }
        }
    }

    /** Statements PostgreSQL refuses inside a transaction block, one at a time in autocommit. */
    private static void outsideATransaction(TestDatabase db, String... statements) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
    }
}
