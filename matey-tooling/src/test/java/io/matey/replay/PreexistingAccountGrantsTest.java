package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerRole;
import io.matey.engine.ServerRoles;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A migration may change what an account that was on the test server before the replay holds outside the scratch
 * database (a PostgreSQL role's memberships, attributes, settings and database privileges; a MySQL/MariaDB
 * account's privileges). The replay gives them back when it ends, and when it was killed ({@code kill -9}) the next
 * replay on that server does, from the record the killed one wrote before it ran anything (docs/architecture.md §6).
 */
class PreexistingAccountGrantsTest {

    private final String suffix = Long.toString(System.nanoTime() & 0xffffff, 36);

    @TempDir
    Path dir;

    @Test
    void postgresReplayGivesARoleItDidNotCreateBackWhatItHeld() throws SQLException {
        Accounts accounts = new Accounts("postgres");
        accounts.create();
        List<String> notices = new CopyOnWriteArrayList<>();
        ScratchDatabase.reportLeftoversTo(notices::add);
        try {
            List<String> before = accounts.state();
            TestWorkspace ws = new TestWorkspace(dir, "postgres");
            ws.migration("001_widgets.sql", "CREATE TABLE widgets (id int primary key);\n" + accounts.changes(),
                    "DROP TABLE widgets;");

            assertThat(ws.plan().downChecked()).containsExactly("migrations/001_widgets.sql");

            assertThat(accounts.state()).as("as before the replay").isEqualTo(before);
            assertThat(notices).contains("restored the grants of " + accounts.app + " that the replay changed on "
                    + accounts.base);
        } finally {
            ScratchDatabase.reportLeftoversTo(line -> { });
            accounts.drop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void theNextReplayRestoresWhatAKilledReplayGrantedAnAccountThatWasThere(String engine) throws Exception {
        Accounts accounts = new Accounts(engine);
        accounts.create();
        Process killed = null;
        try {
            List<String> before = accounts.state();
            TestWorkspace granting = new TestWorkspace(dir, engine);
            granting.migration("001_widgets.sql", "CREATE TABLE widgets (id int primary key);\n" + accounts.changes(),
                    "DROP TABLE widgets;");
            granting.migration("002_wait.sql", engine.equals("postgres") ? "SELECT pg_sleep(600);"
                    : "SELECT SLEEP(600);", "");
            killed = replay(granting, accounts.base);
            awaitChange(accounts, before, killed);
            killed.destroyForcibly();
            assertThat(killed.waitFor(60, TimeUnit.SECONDS)).as("the killed replay ended").isTrue();
            assertThat(accounts.state()).as("the killed replay left its grants").isNotEqualTo(before);

            Files.delete(granting.target().resolve("migrations/002_wait.sql"));
            Process next = replay(granting, accounts.base); // its own list, taken after the collection, is the original
            String output = new String(next.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(next.waitFor(300, TimeUnit.SECONDS)).as("the later replay ended").isTrue();
            assertThat(output).contains("planned").contains("restored the grants of " + accounts.app
                    + " that the replay of process " + killed.pid() + " (which has ended) changed on " + accounts.base);

            assertThat(accounts.state()).as("as before the killed replay").isEqualTo(before);
        } finally {
            if (killed != null) {
                killed.destroyForcibly();
            }
            accounts.drop();
        }
    }

    /**
     * The recorded grants of an ended process are given back and forgotten; an account a live process recorded too
     * (its replay may be using what it granted) keeps them, and one that is gone is forgotten.
     */
    @Test
    void theNextReplayRestoresOnlyAccountsNoLiveProcessRecorded() throws Exception {
        Engine engine = Engines.byId("postgres");
        MateyUrl base = TestDatabase.serverBase("postgres");
        ServerRole restored = new ServerRole("walk_restored_" + suffix, null);
        ServerRole shared = new ServerRole("walk_shared_" + suffix, null);
        ServerRole gone = new ServerRole("walk_gone_" + suffix, null);
        String readers = "walk_readers_" + suffix;
        ServerRoles.Grants grants = engine.serverRoles().grants().orElseThrow();
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        ScratchOwner endedOwner = new ScratchOwner(ScratchOwner.current().host(), ended.pid());
        ScratchOwner running = new ScratchOwner(ScratchOwner.current().host(),
                ProcessHandle.current().parent().orElseThrow().pid());
        String server = RoleLedger.server(ScratchServer.key(engine, base));
        try (Connection c = engine.connect(base); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + restored + "; CREATE ROLE " + shared + "; CREATE ROLE " + readers);
            List<String> restoredBefore = grants.of(base, restored);
            List<String> sharedBefore = grants.of(base, shared);
            RoleLedger.recordGrants(endedOwner, server, Map.of(restored, restoredBefore, shared, sharedBefore,
                    gone, List.of("ALTER ROLE \"" + gone.name() + "\" WITH LOGIN")));
            RoleLedger.recordGrants(running, server, Map.of(shared, sharedBefore));
            st.execute("GRANT " + readers + " TO " + restored + ", " + shared);

            ScratchCollector.collectNow(engine, base);

            assertThat(grants.of(base, restored)).isEqualTo(restoredBefore);
            assertThat(grants.of(base, shared)).isNotEqualTo(sharedBefore);
            assertThat(RoleLedger.recordedGrants(server)).as("the restored and the gone are forgotten")
                    .containsEntry(endedOwner, Map.of(shared, sharedBefore))
                    .containsEntry(running, Map.of(shared, sharedBefore));
        } finally {
            RoleLedger.forgetGrants(endedOwner, server, List.of(restored, shared, gone));
            RoleLedger.forgetGrants(running, server, List.of(shared));
            try (Connection c = engine.connect(base); Statement st = c.createStatement()) {
                st.execute("DROP ROLE IF EXISTS " + restored + "; DROP ROLE IF EXISTS " + shared
                        + "; DROP ROLE IF EXISTS " + readers);
            }
        }
    }

    private static Process replay(TestWorkspace ws, MateyUrl base) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ReplayPlanMain.class.getName(),
                ws.root().toString(), base.raw()).redirectErrorStream(true).start();
    }

    /** Waits until the replay's first migration has changed the account, failing if the replay ends first. */
    private static void awaitChange(Accounts accounts, List<String> before, Process replay) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (accounts.state().equals(before)) {
            assertThat(replay.isAlive()).as("the replay runs until killed").isTrue();
            assertThat(System.nanoTime()).as("the replay changed the account in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** An application account that was on the server before the replay, and (PostgreSQL) two roles it may join. */
    private final class Accounts {

        final String engine;
        final MateyUrl base;
        final String app;
        final String readers = "walk_readers_" + suffix;
        final String writers = "walk_writers_" + suffix;

        Accounts(String engine) {
            this.engine = engine;
            this.base = TestDatabase.serverBase(engine);
            this.app = engine.equals("postgres") ? "walk_app_" + suffix : "'walk_app_" + suffix + "'@'%'";
        }

        void create() throws SQLException {
            if (engine.equals("postgres")) {
                execute("CREATE ROLE " + readers, "CREATE ROLE " + writers, "CREATE ROLE " + app + " LOGIN",
                        "GRANT " + writers + " TO " + app, "ALTER ROLE " + app + " SET search_path = app, public",
                        "ALTER ROLE " + app + " SET work_mem = '4MB'");
            } else {
                execute("CREATE USER " + app, "GRANT PROCESS ON *.* TO " + app);
            }
        }

        /**
         * PostgreSQL: joins one role and leaves another, gains an attribute, changes and adds settings, and may create
         * databases; MySQL/MariaDB: privileges on the scratch database's table (which outlive it) and on the server.
         */
        String changes() {
            if (engine.equals("postgres")) {
                return "GRANT " + readers + " TO " + app + ";\nREVOKE " + writers + " FROM " + app + ";\nALTER ROLE "
                        + app + " CREATEROLE;\nALTER ROLE " + app + " SET work_mem = '8MB';\nALTER ROLE " + app
                        + " SET search_path = other;\nALTER ROLE " + app + " SET statement_timeout = '5s';\n"
                        + "GRANT CREATE ON DATABASE postgres TO " + app + ";";
            }
            return "GRANT SELECT, INSERT ON widgets TO " + app + " WITH GRANT OPTION;\nGRANT RELOAD ON *.* TO " + app
                    + ";\nREVOKE PROCESS ON *.* FROM " + app + ";";
        }

        /** What the account holds, read from the catalogs (PostgreSQL) or {@code SHOW GRANTS}. */
        List<String> state() throws SQLException {
            String query = engine.equals("postgres")
                    ? "SELECT u.rolcreaterole::text, array_to_string(u.rolconfig, ';'), (SELECT string_agg(r.rolname, "
                            + "',' ORDER BY r.rolname) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
                            + "WHERE m.member = u.oid), has_database_privilege(u.rolname, 'postgres', 'CREATE')::text "
                            + "FROM pg_roles u WHERE u.rolname = '" + app + "'"
                    : "SHOW GRANTS FOR " + app;
            List<String> lines = new ArrayList<>();
            try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(query);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        lines.add(rs.getString(i));
                    }
                }
            }
            return lines;
        }

        void drop() throws SQLException {
            if (engine.equals("postgres")) {
                execute("REVOKE CREATE ON DATABASE postgres FROM " + app, "DROP ROLE IF EXISTS " + app,
                        "DROP ROLE IF EXISTS " + readers, "DROP ROLE IF EXISTS " + writers);
            } else {
                execute("DROP USER IF EXISTS " + app);
            }
        }

        private void execute(String... statements) throws SQLException {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                for (String statement : statements) {
                    st.execute(statement);
                }
            }
        }

        /** MySQL's {@code mysql} database: the test base may name one that is missing. */
        private Connection connect() throws SQLException {
            Engine engine = Engines.byId(this.engine);
            return engine.connect(this.engine.equals("mysql") ? engine.siblingUrl(base, "mysql") : base);
        }
    }
}
