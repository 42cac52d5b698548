package io.matey;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.Engines;
import io.matey.error.MateyException;
import io.matey.live.LiveEndpoint;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import io.matey.artifact.Digests;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Database errors outside a migration's statements read in the database's words without the driver's wrapping
 * ({@code Engine.failureMessage}): MariaDB Connector/J's {@code (conn=N)} prefix never reaches the user.
 */
class DatabaseWordsTest {

    private static final String ENGINE = "mysql";
    private static final String TARGET = TestWorkspace.TARGET;

    @TempDir
    Path dir;

    @Test
    void aReplayAnchorThatFailsToLoad() {
        TestWorkspace ws = applied(oneMigration());
        // the anchor of the next replay creates its first object twice, the lock's digests following
        String checkpoint = ws.read(TARGET + "/checkpoints/001_one.sql");
        String broken = checkpoint.substring(0, checkpoint.indexOf(";\n") + 2) + "\n" + checkpoint;
        ws.write(TARGET + "/checkpoints/001_one.sql", broken);
        ws.write(TARGET + "/schema.sql", broken);
        ws.write(TARGET + "/schema.lock.toml", ws.read(TARGET + "/schema.lock.toml")
                .replace(Digests.sqlDigest(checkpoint), Digests.sqlDigest(broken)));
        ws.migration("002_two.sql", ws.createTable("it_two"), "DROP TABLE it_two;");

        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                .hasMessageStartingWith("replay load anchor failed: line ")
                .hasMessageContaining("already exists").hasMessageNotContaining("(conn=");
    }

    @Test
    void aDataCommandWhoseLoginIsRefused() throws Exception {
        TestWorkspace ws = applied(oneMigration());
        ws.write(TARGET + "/data/data.toml", "[core]\nfiles = [{ name = \"it_one\", table = \"it_one\", mode = \"insert\" }]\n");
        ws.write(TARGET + "/data/it_one.jsonl", "");
        Matey matey = ws.matey();
        String refused = withUser("matey_nobody:s3cret-pw", "/matey_connpaths_live");

        assertThatThrownBy(() -> new MateyTools(matey).dataApply(matey.target(TARGET), refused, "core")).isInstanceOf(MateyException.class)
                .hasMessageStartingWith("data apply failed: cannot reach live database ")
                .hasMessageContaining("Access denied for user 'matey_nobody'")
                .hasMessageNotContaining("(conn=").hasMessageNotContaining("s3cret-pw");
    }

    @Test
    void aTestServerUserThatMayNotCreateDatabases() throws Exception {
        TestWorkspace ws = oneMigration();
        try (TestDatabase admin = TestDatabase.create(ENGINE)) {
            admin.execute("CREATE USER IF NOT EXISTS matey_connpaths_nc@'%' IDENTIFIED BY 'Nc-pw1';");
            try {
                ws.env().put("DB_CORE_TEST_DATABASE_URL", withUser("matey_connpaths_nc:Nc-pw1", "/test"));

                assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                        .hasMessageStartingWith("Cannot create scratch database ")
                        .hasMessageContaining("Access denied for user 'matey_connpaths_nc'")
                        .hasMessageContaining(". Check that the test server is reachable")
                        .hasMessageNotContaining("(conn=").hasMessageNotContaining("Nc-pw1");
            } finally {
                admin.execute("DROP USER IF EXISTS matey_connpaths_nc@'%';");
            }
        }
    }

    @Test
    void aDataSourceThatRefusesTheLogin() throws Exception {
        URI server = URI.create(TestDatabase.serverBase(ENGINE).raw());
        MariaDbDataSource dataSource = new MariaDbDataSource("jdbc:mariadb://" + server.getHost() + ":"
                + server.getPort() + "/test?user=matey_nobody&password=s3cret-pw");

        assertThatThrownBy(() -> LiveEndpoint.of(dataSource, Engines.byId("mysql"))).isInstanceOf(MateyException.class)
                .hasMessageStartingWith("Cannot connect to the application's DataSource: Access denied for user "
                        + "'matey_nobody'")
                .hasMessageNotContaining("(conn=").hasMessageNotContaining("s3cret-pw");
    }

    private TestWorkspace oneMigration() {
        TestWorkspace ws = new TestWorkspace(dir, ENGINE);
        ws.migration("001_one.sql", ws.createTable("it_one"), "DROP TABLE it_one;");
        return ws;
    }

    private static TestWorkspace applied(TestWorkspace ws) {
        ws.apply();
        return ws;
    }

    /** The test server's URL with another user (and password) and path. */
    private static String withUser(String userInfo, String path) throws Exception {
        URI server = URI.create(TestDatabase.serverBase(ENGINE).raw());
        return new URI(server.getScheme(), userInfo, server.getHost(), server.getPort(), path, server.getQuery(), null)
                .toString();
    }
}
