package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * String literals with backslash escapes and quotes keep their meaning through {@code schema.sql} on both MariaDB
 * servers (docs/architecture.md §5): a trigger's body (which MariaDB's information_schema keeps without its escapes),
 * and a function's, a procedure's, an event's, a view's, a CHECK's, a default's and a generated column's text. A
 * database {@code db bootstrap} built behaves as one {@code db up} migrated.
 */
class MysqlStringEscapesTest {

    /** In SQL: {@code '\\t'} is a backslash and a t, {@code '\''} and {@code ''''} a quote, {@code '%\_%'} a LIKE pattern. */
    private static final String CORPUS = """
            CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(100), d VARCHAR(20) DEFAULT 'a\\\\tb\\'c''d',
              g VARCHAR(200) AS (CONCAT(a, '\\\\n', '\\'', '''', '\\\\\\\\')) VIRTUAL,
              CONSTRAINT t_chk CHECK (a <> '\\\\t\\'' AND a NOT LIKE '\\'%'));
            CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.a = CONCAT(REPLACE(NEW.a, '\\\\t', ' '), '\\\\n', \
            '\\'', '''', '\\\\\\\\', "\\"", 'é\\\\t', NEW.a LIKE '%\\_%');
            CREATE FUNCTION f(x VARCHAR(50)) RETURNS VARCHAR(200) DETERMINISTIC
              RETURN CONCAT(REPLACE(x, '\\\\t', '<tab>'), '\\\\n', '\\'', '''', '\\\\\\\\', x LIKE '%\\_%');
            CREATE PROCEDURE p() INSERT INTO t (id, a) VALUES (2, 'p\\\\tq\\'r''s');
            CREATE VIEW v AS SELECT '\\\\t' AS tab, '\\'' AS q, '''' AS qq, '\\\\\\\\' AS bs, 'a_b' LIKE '%\\_%' AS l, a FROM t;
            CREATE EVENT e ON SCHEDULE AT '2037-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE
              DO INSERT INTO t (id, a) VALUES (3, '\\\\t\\'');
            """;
    private static final String CORPUS_DOWN = "DROP EVENT e;\nDROP VIEW v;\nDROP PROCEDURE p;\nDROP FUNCTION f;\nDROP TABLE t;";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void escapedLiteralsMeanTheSameInABootstrappedDatabase(String server) throws Exception {
        assertBootstrapBehavesAsUp(server, CORPUS, CORPUS_DOWN, List.of("INSERT INTO t (id, a) VALUES (1, 'x\\\\ty\\\\z_')",
                "CALL p()", "SELECT CONCAT_WS('|', id, a, d, g) FROM t ORDER BY id",
                "SELECT CONCAT_WS('|', tab, q, qq, bs, l) FROM v LIMIT 1", "SELECT f('u\\\\tw_')"),
                "1|x y\\z_\\n''\\\\\"é\\t1|a\\tb'c'd|x y\\z_\\n''\\\\\"é\\t1\\n''\\\\");
    }

    /** {@code '\\t'} read without its escape is a tab: the bootstrapped trigger replaced tabs, not backslash-t. */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aTriggerReplacingBackslashTBehavesAlikeWhenBootstrapped(String server) throws Exception {
        assertBootstrapBehavesAsUp(server, """
                CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(100));
                CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.a = REPLACE(NEW.a, '\\\\t', ' ');
                """, "DROP TABLE t;", List.of("INSERT INTO t (id, a) VALUES (1, 'x\\\\ty\\tz')",
                "SELECT CONCAT_WS('|', id, a) FROM t"), "1|x y\tz");
    }

    /** {@code '\\'} read without its escape is an unterminated string: {@code schema apply} failed its load check. */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aTriggerReplacingBackslashesLoadsBack(String server) throws Exception {
        assertBootstrapBehavesAsUp(server, """
                CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(100));
                CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.a = REPLACE(NEW.a, '\\\\', '/');
                """, "DROP TABLE t;", List.of("INSERT INTO t (id, a) VALUES (1, 'x\\\\ty\\\\z')",
                "SELECT CONCAT_WS('|', id, a) FROM t"), "1|x/ty/z");
    }

    /**
     * Replays the migration (a second apply changes nothing), migrates the harness's database and bootstraps another,
     * both without drift, then runs {@code script} in each: the values its SELECTs return, the first {@code first},
     * are the same.
     */
    private void assertBootstrapBehavesAsUp(String server, String up, String down, List<String> script, String first)
            throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, server); TestDatabase bootstrapped = TestDatabase.create(server)) {
            h.ws.migration("001_escapes.sql", up, down);
            assertThat(h.ws.apply().changed()).isTrue();
            Map<String, String> written = h.ws.files();
            assertThat(h.ws.apply().changed()).isFalse();
            assertThat(h.ws.files()).isEqualTo(written);

            h.up();
            h.bootstrap(bootstrapped.url().raw());

            assertThat(h.drift().drifted()).isFalse();
            assertThat(h.live.drift(h.target(), bootstrapped.url().raw()).drifted()).isFalse();
            List<String> migrated = run(h.db, script);
            assertThat(migrated).first().isEqualTo(first);
            assertThat(run(bootstrapped, script)).isEqualTo(migrated);
            assertThat(h.ws.read(TestWorkspace.TARGET + "/schema.sql")).contains("REPLACE(NEW.a, '\\\\");
        }
    }

    private static List<String> run(TestDatabase db, List<String> script) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String statement : script) {
                if (!statement.startsWith("SELECT")) {
                    st.execute(statement);
                    continue;
                }
                try (ResultSet rs = st.executeQuery(statement)) {
                    while (rs.next()) {
                        values.add(rs.getString(1));
                    }
                }
            }
        }
        return values;
    }
}
