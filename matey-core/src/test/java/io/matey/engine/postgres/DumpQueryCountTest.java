package io.matey.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.CountingConnection;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The dump reads each object kind with one query, so its cost does not grow by round trips per table. */
class DumpQueryCountTest {

    @Test
    void statementCountDoesNotGrowWithTheSchema() throws SQLException {
        assertThat(statementsToDump(60)).isEqualTo(statementsToDump(1));
    }

    /**
     * The queries every dump runs go to the server together: a schema that uses none of the kinds the census skips
     * and deparses nothing is read with three statements, the session settings, the catalog queries and the
     * settings given back (docs/architecture.md §5).
     */
    @Test
    void everyDumpsQueriesShareOneRoundTrip() throws SQLException {
        assertThat(statementsToDump("""
                CREATE TABLE plain (id integer PRIMARY KEY, n integer);
                CREATE INDEX plain_n ON plain (n);
                COMMENT ON TABLE plain IS 'table';
                """)).isEqualTo(3);
    }

    /**
     * Nothing deparsed in a plain-column index or a serial column's {@code nextval} default, so they need no
     * echo: dumping them takes the statements of a schema holding just a sequence (the echo would add its own).
     */
    @Test
    void plainIndexesAndSerialDefaultsAreNotEchoed() throws SQLException {
        assertThat(statementsToDump("""
                CREATE TABLE plain (id bigserial PRIMARY KEY, code text COLLATE "C", n integer);
                CREATE UNIQUE INDEX plain_code ON plain (code text_pattern_ops DESC) INCLUDE (n);
                """)).isEqualTo(statementsToDump("CREATE SEQUENCE s;"));
    }

    /**
     * A built-in call without arguments as the default of a column of its own type ({@code now()} on timestamptz)
     * loads back as it is, so it needs no echo; the same call on a column of another type casts, and is echoed.
     */
    @Test
    void builtInCallDefaultsOfTheirOwnTypeAreNotEchoed() throws SQLException {
        String columns = "CREATE TABLE stamped (id uuid%s, at timestamptz%s, day date%s, local timestamp%s, "
                + "other timestamptz%s, r double precision%s);";
        assertThat(statementsToDump(columns.formatted(" DEFAULT gen_random_uuid()", " DEFAULT now()",
                " DEFAULT CURRENT_DATE", " DEFAULT LOCALTIMESTAMP", " DEFAULT CURRENT_TIMESTAMP", " DEFAULT random()")))
                .isEqualTo(statementsToDump(columns.formatted("", "", "", "", "", "")));
        assertThat(statementsToDump("CREATE TABLE stamped (day date DEFAULT now());"))
                .isGreaterThan(statementsToDump("CREATE TABLE stamped (day date);"));
    }

    private static int statementsToDump(int tables) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < tables; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id integer PRIMARY KEY, note text CHECK (note <> ''));\n")
                    .append("CREATE INDEX t").append(i).append("_note ON t").append(i).append(" (note);\n")
                    .append("CREATE VIEW v").append(i).append(" AS SELECT * FROM t").append(i).append(";\n")
                    .append("COMMENT ON TABLE t").append(i).append(" IS 'table';\n");
        }
        return statementsToDump(sql.toString());
    }

    private static int statementsToDump(String sql) throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            if (!sql.isEmpty()) {
                db.execute(sql);
            }
            try (Connection c = db.connect()) {
                AtomicInteger statements = new AtomicInteger();
                db.engine().dumpSchema(CountingConnection.of(c, statements));
                return statements.get();
            }
        }
    }
}
