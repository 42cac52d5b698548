package io.matey.live;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.LockNotices;
import io.matey.engine.LockWait;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import io.matey.workspace.TargetConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.SQLException;

/** A {@link TestWorkspace} target and one live database on a real engine, driven through {@link LiveDatabase}. */
final class LiveHarness implements AutoCloseable {

    final TestWorkspace ws;
    final TestDatabase db;
    final LiveDatabase live;

    private LiveHarness(TestWorkspace ws, TestDatabase db) {
        this.ws = ws;
        this.db = db;
        // run at the workspace root, as the advice the tests read names files from there
        this.live = new LiveDatabase(ws.env(), line -> { }, new LockWait(Engine.DEFAULT_LOCK_TIMEOUT, LockNotices.NONE), CallerTerms.CLI, ws.root());
    }

    /** A workspace in {@code dir} and a live database that does not exist yet. */
    static LiveHarness unborn(Path dir, String engine) {
        return new LiveHarness(new TestWorkspace(dir, engine), TestDatabase.unborn(engine));
    }

    /** A workspace in {@code dir} and an empty live database. */
    static LiveHarness created(Path dir, String engine) throws SQLException {
        return new LiveHarness(new TestWorkspace(dir, engine), TestDatabase.create(engine));
    }

    /** Writes the two standard migrations and applies the artifacts. */
    LiveHarness twoMigrations() {
        ws.migration("001_one.sql", ws.createTable("it_one"), "DROP TABLE it_one;");
        ws.migration("002_two.sql", ws.createTable("it_two"), "DROP TABLE it_two;");
        ws.apply();
        return this;
    }

    TargetConfig target() {
        return ws.matey().target(TestWorkspace.TARGET);
    }

    String url() {
        return db.url().raw();
    }

    LiveStatus status() {
        return live.status(target(), url());
    }

    LiveChange up() {
        return live.up(target(), url());
    }

    LiveChange migrate() {
        return live.migrate(target(), url());
    }

    LiveChange down(int steps) {
        return live.down(target(), url(), steps);
    }

    LiveChange bootstrap() {
        return bootstrap(url());
    }

    /** Bootstraps another database than the harness's, to compare it with one {@link #up} migrated. */
    LiveChange bootstrap(String url) {
        return live.bootstrap(target(), url);
    }

    LiveDrift drift() {
        return live.drift(target(), url());
    }

    LivePlan plan() {
        return live.plan(target(), url());
    }

    /** A role name for one test, unique on the shared test server. */
    static String newRole(String prefix) {
        return prefix + Long.toString(System.nanoTime() & 0xffffff, 36);
    }

    /** Drops a test's role from the PostgreSQL test server, once its databases are gone. */
    static void dropRole(String role) throws SQLException {
        try (var c = Engines.byId("postgres").connect(TestDatabase.serverBase("postgres"));
                var st = c.createStatement()) {
            st.execute("DROP ROLE IF EXISTS " + role);
        }
    }

    /**
     * Creates {@code role}, a login role with {@code password} that owns the live database, as a deployment's user
     * does, and returns the database's URL as that role.
     */
    String ownedByLogin(String role, String password) throws SQLException, URISyntaxException {
        db.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "';\nDO $$ BEGIN EXECUTE format("
                + "'ALTER DATABASE %I OWNER TO " + role + "', current_database()); END $$;");
        URI superuser = URI.create(url());
        return new URI(superuser.getScheme(), role + ":" + password, superuser.getHost(), superuser.getPort(),
                superuser.getPath(), superuser.getQuery(), null).toString();
    }

    /** Rows of {@code schema_migrations}, counted directly. */
    int recordedVersions() throws SQLException {
        try (var c = db.connect(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT COUNT(*) FROM schema_migrations")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
