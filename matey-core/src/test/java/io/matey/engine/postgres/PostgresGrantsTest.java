package io.matey.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerRole;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a PostgreSQL role holds outside the databases, listed and given back on a real server: names that need
 * quoting, dotted and list-valued settings, admin and grant options, an expiry.
 */
class PostgresGrantsTest {

    private final String suffix = Long.toString(System.nanoTime() & 0xffffff, 36);
    private final PostgresGrants grants = new PostgresGrants();

    @Test
    void givesARoleBackWhatItHeldAfterEveryKindOfChange() throws SQLException {
        MateyUrl base = TestDatabase.serverBase("postgres");
        ServerRole app = new ServerRole("walk \"odd\" App_" + suffix, null);
        String name = "\"walk \"\"odd\"\" App_" + suffix + "\"";
        String readers = "walk_readers_" + suffix;
        String writers = "walk_writers_" + suffix;
        execute(base, "CREATE ROLE " + readers, "CREATE ROLE " + writers, "CREATE ROLE " + name
                + " LOGIN CONNECTION LIMIT 3 VALID UNTIL '2031-01-01 00:00:00+00'",
                "GRANT " + writers + " TO " + name + " WITH ADMIN OPTION",
                "ALTER ROLE " + name + " SET search_path = app, \"$user\", public",
                "ALTER ROLE " + name + " SET app.tenant = 'it''s'",
                "ALTER ROLE " + name + " IN DATABASE postgres SET work_mem = '4MB'",
                "GRANT CREATE ON DATABASE postgres TO " + name + " WITH GRANT OPTION");
        try {
            List<String> before = grants.of(base, app);
            execute(base, "REVOKE " + writers + " FROM " + name, "GRANT " + readers + " TO " + name,
                    "ALTER ROLE " + name + " NOLOGIN CREATEDB CONNECTION LIMIT -1 VALID UNTIL 'infinity'",
                    "ALTER ROLE " + name + " SET search_path = other", "ALTER ROLE " + name + " RESET app.tenant",
                    "ALTER ROLE " + name + " SET statement_timeout = '5s'",
                    "ALTER ROLE " + name + " IN DATABASE postgres RESET work_mem",
                    "REVOKE CREATE ON DATABASE postgres FROM " + name,
                    "GRANT CONNECT ON DATABASE postgres TO " + name);
            List<String> now = grants.of(base, app);
            assertThat(now).isNotEqualTo(before);

            grants.restore(base, app, before, now);

            assertThat(grants.of(base, app)).isEqualTo(before);
        } finally {
            execute(base, "REVOKE ALL ON DATABASE postgres FROM " + name, "DROP ROLE " + name, "DROP ROLE " + readers,
                    "DROP ROLE " + writers);
        }
    }

    @Test
    void undoesAGrantWithItsOptionAndASettingButNotTheAttributes() {
        assertThat(grants.revoke("GRANT \"a\"\"b\" TO \"app\" WITH ADMIN OPTION")).isEqualTo("REVOKE \"a\"\"b\" FROM \"app\"");
        assertThat(grants.revoke("GRANT CREATE ON DATABASE \"d\" TO \"app\" WITH GRANT OPTION"))
                .isEqualTo("REVOKE CREATE ON DATABASE \"d\" FROM \"app\"");
        assertThat(grants.revoke("ALTER ROLE \"app\" IN DATABASE \"d\" SET \"app\".\"tenant\" TO ' SET x TO y'"))
                .isEqualTo("ALTER ROLE \"app\" IN DATABASE \"d\" RESET \"app\".\"tenant\"");
        assertThat(grants.revoke("ALTER ROLE \"app\" WITH LOGIN CONNECTION LIMIT -1 VALID UNTIL 'infinity'")).isNull();
    }

    private static void execute(MateyUrl base, String... statements) throws SQLException {
        try (Connection c = Engines.byId("postgres").connect(base); Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
    }
}
