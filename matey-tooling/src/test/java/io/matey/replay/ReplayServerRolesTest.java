package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.MateyTools;
import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerRole;
import io.matey.error.MateyException;
import io.matey.migration.Section;
import io.matey.migration.SqlStatement;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestEngines;
import io.matey.testing.TestWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Roles and users are server-level: a replay drops those its migrations created when its scratch database goes, so
 * that the next replay can create them again, also after a failed replay and with {@code --keep-scratch}, and gives
 * the accounts it did not create the grants they had; the next replay drops what a killed one left (docs/architecture.md
 * §6).
 */
class ReplayServerRolesTest {

    private final String suffix = Long.toString(System.nanoTime() & 0xffffff, 36);
    @RegisterExtension
    final CapturedNotices captured = new CapturedNotices();
    private final List<String> notices = captured.lines;

    @TempDir
    Path dir;

    @Test
    void postgresReplayDropsTheRolesItCreated() throws SQLException {
        String role = "walk_reader_" + suffix;
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        ws.migration("001_widgets.sql", "CREATE TABLE widgets (id int primary key);\nCREATE ROLE " + role
                + ";\nGRANT SELECT ON widgets TO " + role + ";", "DROP TABLE widgets;\nDROP ROLE " + role + ";");

        assertThat(ws.plan().downChecked()).containsExactly("migrations/001_widgets.sql");
        assertThat(roles("postgres")).doesNotContain(new ServerRole(role, null));
        assertThat(notices).anySatisfy(n -> assertThat(n).startsWith("dropped role " + role + " that the replay created"));

        assertThat(ws.plan().downChecked()).as("a second replay creates the role again")
                .containsExactly("migrations/001_widgets.sql");
        assertThat(roles("postgres")).doesNotContain(new ServerRole(role, null));
    }

    @Test
    void postgresFailedReplayDropsTheRolesItCreated() throws SQLException {
        String role = "walk_owner_" + suffix;
        TestWorkspace ws = ownedBy(role, "", "DROP TABLE widgets;\nDROP ROLE " + role + ";");
        ws.migration("002_broken.sql", "ALTER TABLE missing ADD COLUMN x int;", "");

        assertThatThrownBy(ws::plan).isInstanceOf(MateyException.class).hasMessageContaining("002_broken.sql");

        assertThat(roles("postgres")).doesNotContain(new ServerRole(role, null));
    }

    @Test
    void postgresKeptScratchKeepsItsTablesButNotTheRole() throws SQLException {
        String role = "walk_keeper_" + suffix;
        TestWorkspace ws = ownedBy(role, "\nGRANT SELECT ON widgets TO " + role + ";", "");
        Engine engine = Engines.byId("postgres");
        SchemaPlanResult plan = ws.plan(new ReplayOptions(null, null, true, true));
        try {
            assertThat(roles("postgres")).doesNotContain(new ServerRole(role, null));
            assertThat(engine.databaseExists(plan.scratchUrl())).isTrue();
        } finally {
            engine.dropDatabase(plan.scratchUrl());
        }
    }

    @Test
    void mariadbReplayDropsTheUsersAndRolesItCreated() throws SQLException {
        String user = "walk_" + suffix;
        String role = "walk_role_" + suffix;
        TestWorkspace ws = new TestWorkspace(dir, "mysql");
        ws.migration("001_widgets.sql", "CREATE TABLE widgets (id int primary key);\nCREATE USER '" + user
                + "'@'%';\nGRANT SELECT ON widgets TO '" + user + "'@'%';\nCREATE ROLE " + role + ";",
                "DROP TABLE widgets;\nDROP USER '" + user + "'@'%';\nDROP ROLE " + role + ";");

        ws.plan();
        assertThat(roles("mysql")).extracting(ServerRole::name).doesNotContain(user, role);

        assertThat(ws.plan().downChecked()).as("a second replay creates them again")
                .containsExactly("migrations/001_widgets.sql");
        assertThat(roles("mysql")).extracting(ServerRole::name).doesNotContain(user, role);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void mariadbReplayGivesAnAccountItDidNotCreateBackItsGrants(String engine) throws SQLException {
        String user = "walk_app_" + suffix;
        String account = "'" + user + "'@'%'";
        MateyUrl base = TestDatabase.serverBase(engine);
        Engine mysql = Engines.byId("mysql");
        execute(mysql, base, "CREATE USER " + account + " IDENTIFIED BY 'walk-pw'", "GRANT PROCESS ON *.* TO " + account);
        try {
            List<String> before = grants(mysql, base, account);
            TestWorkspace ws = new TestWorkspace(dir, engine);
            ws.migration("001_widgets.sql", "CREATE TABLE widgets (id int primary key);\nGRANT SELECT, INSERT ON "
                    + "widgets TO " + account + " WITH GRANT OPTION;\nGRANT RELOAD ON *.* TO " + account
                    + ";\nREVOKE PROCESS ON *.* FROM " + account + ";", "DROP TABLE widgets;");

            assertThat(ws.plan().downChecked()).containsExactly("migrations/001_widgets.sql");

            assertThat(grants(mysql, base, account)).as("as before the replay").containsExactlyElementsOf(before);
            assertThat(notices).contains("restored the grants of " + account + " that the replay changed on " + base);
        } finally {
            execute(mysql, base, "DROP USER " + account);
        }
    }

    /**
     * The roles a killed replay created, as its {@link RoleLedger} records them, go with the next replay's collection
     * on that server; a role a live process recorded, and one no replay recorded, stay.
     */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void theNextReplayDropsOnlyTheRecordedRolesOfKilledProcesses(String name) throws Exception {
        Engine engine = Engines.byId(TestEngines.named(name).engineId());
        MateyUrl base = TestDatabase.serverBase(name);
        String host = name.equals("mysql") ? "%" : null;
        ServerRole leftover = new ServerRole("walk_left_" + suffix, host);
        ServerRole shared = new ServerRole("walk_shared_" + suffix, host);
        ServerRole users = new ServerRole("walk_users_" + suffix, host);
        List<ServerRole> all = List.of(leftover, shared, users);
        ScratchOwner ended = new ScratchOwner(ScratchOwner.current().host(), endedPid());
        ScratchOwner running = new ScratchOwner(ScratchOwner.current().host(),
                ProcessHandle.current().parent().orElseThrow().pid());
        String server = RoleLedger.server(ScratchServer.key(engine, base));
        for (ServerRole role : all) {
            execute(engine, base, "CREATE " + (host == null ? "ROLE " : "USER ") + role);
        }
        try {
            RoleLedger.record(ended, server, List.of(leftover, shared));
            RoleLedger.record(running, server, List.of(shared));

            ScratchCollector.collectNow(engine, base);

            assertThat(engine.serverRoles().list(base)).doesNotContain(leftover).contains(shared, users);
            assertThat(notices).as("other ended processes may have left roles too").contains("dropped leftover role "
                    + leftover + " that the replay of process " + ended.pid() + " created on " + base
                    + " (the process on this host has ended)").noneMatch(n -> n.contains(shared.name())
                            || n.contains(users.name()));
            assertThat(RoleLedger.recorded(server)).as("the dropped role is forgotten, the one in use is not")
                    .containsEntry(ended, Set.of(shared)).containsEntry(running, Set.of(shared));
        } finally {
            RoleLedger.forget(ended, server, all);
            RoleLedger.forget(running, server, all);
            for (ServerRole role : List.of(shared, users)) {
                execute(engine, base, "DROP " + (host == null ? "ROLE " : "USER ") + role);
            }
        }
    }

    /**
     * A replay killed between creating a role and recording it leaves the intent it wrote first, saying the server
     * lacked the role, and the role carries its mark (set at the end of the section that created it): the next replay
     * drops the role, as it would a recorded one, and forgets the intent, also one whose role was never created.
     */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void aRoleAKilledReplayCreatedBeforeRecordingItGoesWithTheNextReplay(String name) throws Exception {
        Engine engine = Engines.byId(TestEngines.named(name).engineId());
        MateyUrl base = TestDatabase.serverBase(name);
        String host = name.equals("mysql") ? "%" : null;
        ServerRole created = new ServerRole("walk_crash_" + suffix, host);
        ServerRole never = new ServerRole("walk_never_" + suffix, host);
        ScratchOwner ended = new ScratchOwner(ScratchOwner.current().host(), endedPid());
        String server = RoleLedger.server(ScratchServer.key(engine, base));
        RoleLedger.intend(ended, server, Map.of(created, true, never, true));
        execute(engine, base, "CREATE " + (host == null ? "ROLE " : "USER ") + created);
        markAs(engine, base, created, ended);
        try {
            ScratchCollector.collectNow(engine, base);

            assertThat(engine.serverRoles().list(base)).doesNotContain(created, never);
            assertThat(notices).contains("dropped leftover role " + created + " that the replay of process "
                    + ended.pid() + " created on " + base + " (the process on this host has ended)");
            assertThat(RoleLedger.intents(server)).doesNotContainKey(ended);
        } finally {
            RoleLedger.forgetIntents(ended, server, List.of(created, never));
            execute(engine, base, "DROP " + (host == null ? "ROLE " : "USER ") + "IF EXISTS " + created);
        }
    }

    /**
     * A role a killed replay was about to create, but that someone created by hand before the next replay, carries
     * no mark of that replay: the next replay leaves it, says so, and forgets the intent.
     */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void aRoleCreatedByHandAfterAKilledReplaysIntentStaysAndIsReported(String name) throws Exception {
        Engine engine = Engines.byId(TestEngines.named(name).engineId());
        MateyUrl base = TestDatabase.serverBase(name);
        String host = name.equals("mysql") ? "%" : null;
        ServerRole users = new ServerRole("walk_byhand_" + suffix, host);
        ScratchOwner ended = new ScratchOwner(ScratchOwner.current().host(), endedPid());
        String server = RoleLedger.server(ScratchServer.key(engine, base));
        RoleLedger.intend(ended, server, Map.of(users, true));
        execute(engine, base, "CREATE " + (host == null ? "ROLE " : "USER ") + users);
        try {
            ScratchCollector.collectNow(engine, base);

            assertThat(engine.serverRoles().list(base)).contains(users);
            assertThat(notices).contains("left role " + users + " on " + base + ": the replay of process "
                    + ended.pid() + " (ended) was about to create it, but it does not carry that replay's mark ("
                    + RoleLedger.mark(ended) + "), so it may have been created by hand since, or the replay was "
                    + "killed before marking it; drop it by hand if that replay created it");
            assertThat(RoleLedger.intents(server)).as("reported once").doesNotContainKey(ended);
        } finally {
            RoleLedger.forgetIntents(ended, server, List.of(users));
            execute(engine, base, "DROP " + (host == null ? "ROLE " : "USER ") + "IF EXISTS " + users);
        }
    }

    /** An intent a killed replay left for a role the server had then is forgotten, and the role stays. */
    @Test
    void aRoleTheServerHadStaysWhateverIntentAKilledReplayLeftForIt() throws Exception {
        Engine engine = Engines.byId("postgres");
        MateyUrl base = TestDatabase.serverBase("postgres");
        ServerRole existing = new ServerRole("walk_had_" + suffix, null);
        ScratchOwner ended = new ScratchOwner(ScratchOwner.current().host(), endedPid());
        String server = RoleLedger.server(ScratchServer.key(engine, base));
        execute(engine, base, "CREATE ROLE " + existing);
        try {
            RoleLedger.intend(ended, server, Map.of(existing, false));
            RoleLedger.intend(ended, server, Map.of(existing, true));

            ScratchCollector.collectNow(engine, base);

            assertThat(engine.serverRoles().list(base)).contains(existing);
            assertThat(notices).noneMatch(n -> n.contains(existing.name()));
            assertThat(RoleLedger.intents(server)).doesNotContainKey(ended);
        } finally {
            RoleLedger.forgetIntents(ended, server, List.of(existing));
            execute(engine, base, "DROP ROLE " + existing);
        }
    }

    /**
     * An up section's roles (MySQL/MariaDB: users and roles) are recorded as about to be created before it runs,
     * each with whether the server has it, marked as this replay's right after the statement creating it, and
     * recorded as created after the section, so that no moment leaves a role of this process unrecorded: a kill -9
     * during or after the section leaves the intents and the marked roles, which the next replay drops.
     */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void anUpSectionsRolesAreRecordedBeforeItRunsMarkedOnceCreatedAndRecordedAsCreatedAfter(String name)
            throws Exception {
        Engine engine = Engines.byId(TestEngines.named(name).engineId());
        MateyUrl base = TestDatabase.serverBase(name);
        boolean mysql = name.equals("mysql");
        ServerRole fresh = new ServerRole("walk_fresh_" + suffix, mysql ? "%" : null);
        ServerRole existing = new ServerRole("walk_there_" + suffix, mysql ? "%" : null);
        ServerRole local = new ServerRole("walk_local_" + suffix, "localhost");
        ServerRole role = new ServerRole("walk_role_" + suffix, "");
        String server = RoleLedger.server(ScratchServer.key(engine, base));
        List<String> statements = mysql
                ? List.of("CREATE USER " + fresh.name() + ", '" + local.name() + "'@'LocalHost' IDENTIFIED BY 'p,w'",
                        "CREATE ROLE " + role.name(), "CREATE USER IF NOT EXISTS " + existing)
                : List.of("CREATE ROLE " + fresh, "DO $$ BEGIN CREATE ROLE " + existing
                        + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        List<ServerRole> created = mysql ? List.of(fresh, local, role) : List.of(fresh);
        String sql = String.join(";\n", statements) + ";";
        Section up = new Section("up", sql, 1, true, 1);
        execute(engine, base, "CREATE " + (mysql ? "USER " : "ROLE ") + existing);
        TestWorkspace ws = new TestWorkspace(dir, name);
        ScratchDatabase scratch = ScratchDatabase.lease(engine, base, ws.matey().target(TestWorkspace.TARGET),
                "replay", false, null, sql, Map.of(), Engine.DEFAULT_LOCK_TIMEOUT);
        String mark = RoleLedger.mark(ScratchOwner.current());
        try (Connection c = scratch.connect()) {
            List<Map<ServerRole, Boolean>> intendedBefore = new ArrayList<>();
            List<ServerRole> markedAtOnce = new ArrayList<>();
            scratch.runUp(up, c, marking -> {
                assertThat(engine.serverRoles().list(base)).doesNotContainAnyElementsOf(created);
                intendedBefore.add(intents(server).get(ScratchOwner.current()));
                try (Statement st = c.createStatement()) {
                    for (String statement : statements) {
                        st.execute(statement);
                        marking.ran(new SqlStatement(statement, 1));
                        for (ServerRole r : List.of(fresh, local, role, existing)) {
                            if (!markedAtOnce.contains(r) && engine.serverRoles().marked(base, r, mark)) {
                                markedAtOnce.add(r);
                            }
                        }
                    }
                }
            });
            Map<ServerRole, Boolean> expected = new LinkedHashMap<>();
            created.forEach(r -> expected.put(r, true));
            expected.put(existing, false);
            assertThat(intendedBefore).as("a kill -9 from before the section on leaves the role to the next replay")
                    .containsExactly(expected);
            assertThat(markedAtOnce).as("only what the section created carries the mark, from the statement on")
                    .containsExactlyElementsOf(created);
            assertThat(RoleLedger.recorded(server).get(ScratchOwner.current())).containsAll(created)
                    .doesNotContain(existing);
            assertThat(RoleLedger.intents(server)).doesNotContainKey(ScratchOwner.current());
        } finally {
            scratch.close();
            execute(engine, base, "DROP " + (mysql ? "USER " : "ROLE ") + existing);
        }
        assertThat(engine.serverRoles().list(base)).doesNotContainAnyElementsOf(created);
        assertThat(RoleLedger.recorded(server).getOrDefault(ScratchOwner.current(), Set.of()))
                .doesNotContainAnyElementsOf(created);
    }

    /** Marks {@code role} as the replay of {@code owner} marks the roles it creates. */
    private static void markAs(Engine engine, MateyUrl base, ServerRole role, ScratchOwner owner) throws SQLException {
        MateyUrl server = engine.id().equals("mysql") ? engine.siblingUrl(base, "mysql") : base;
        try (Connection c = engine.connect(server)) {
            engine.serverRoles().mark(c, role, RoleLedger.mark(owner));
        }
    }

    private static Map<ScratchOwner, Map<ServerRole, Boolean>> intents(String server) {
        try {
            return RoleLedger.intents(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id of a process of this host that has ended. */
    private static long endedPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    @Test
    void clickhouseReplayRefusesUsersAndRolesBeforeRunningAnything() {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_events.sql", "CREATE TABLE events (id UInt64) ENGINE = MergeTree ORDER BY id;\n"
                + "CREATE ROLE walk_reader_" + suffix + ";", "DROP TABLE events;");

        assertThatThrownBy(ws::plan).isInstanceOf(MateyException.class).hasMessageContainingAll(
                "nothing was run", "migrations/001_events.sql:3 (up): CREATE ROLE changes the server's access control",
                "create them where the server is provisioned", "Statement: 'CREATE ROLE walk_reader_" + suffix);
    }

    /** A PostgreSQL workspace whose first migration creates {@code role} and a table it owns, then {@code more}. */
    private TestWorkspace ownedBy(String role, String more, String down) {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        ws.migration("001_widgets.sql", "CREATE ROLE " + role + ";\nCREATE TABLE widgets (id int primary key);\n"
                + "ALTER TABLE widgets OWNER TO " + role + ";" + more, down);
        return ws;
    }

    /**
     * A down section dropping a role that objects of a live database on the same test server depend on: the failure
     * names the role as the server's and the way out, not the file as at fault.
     */
    @Test
    void aRoleAnotherDatabaseDependsOnIsNamedAsTheServersWhenTheDownDropsIt() throws SQLException {
        String role = "walk_writer_" + suffix;
        try (TestDatabase live = TestDatabase.create("postgres")) {
            live.execute("CREATE ROLE " + role + ";\nCREATE TABLE orders (id int);\nGRANT SELECT ON orders TO " + role + ";");
            try {
                TestWorkspace ws = new TestWorkspace(dir, "postgres");
                ws.migration("001_role.sql", "DO $$ BEGIN CREATE ROLE " + role + "; EXCEPTION WHEN duplicate_object "
                        + "THEN NULL; END $$;", "DROP ROLE " + role + ";");
                assertThatThrownBy(ws::plan).isInstanceOf(MateyException.class)
                        .hasMessageContaining("role \"" + role + "\" belongs to the server, not to the scratch database, "
                                + "and objects of another database on the test server depend on it")
                        .hasMessageContaining("give replays a test server of their own (test_url_env), or drop it only "
                                + "where nothing depends on it: `DO $$ BEGIN DROP ROLE " + role)
                        .hasMessageNotContaining("fix the file");
            } finally {
                live.execute("DROP TABLE orders;\nDROP ROLE " + role + ";");
            }
        }
    }

    /**
     * With the test server the live one (the README's set-up), a role a live database's migration created is there
     * when the replay's scratch database creates it: the failure names it as the server's, not as the file's fault.
     */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void aRoleTheTestServerHasAlreadyIsNamedAsTheServersWithTheWayOut(String engine) throws SQLException {
        String role = "walk_reporting_" + suffix;
        try (TestDatabase live = TestDatabase.create(engine)) {
            live.execute("CREATE ROLE " + role + ";");
            try {
                TestWorkspace ws = new TestWorkspace(dir, engine);
                ws.migration("001_role.sql", "CREATE ROLE " + role + ";", "DROP ROLE " + role + ";");
                assertThatThrownBy(ws::plan).isInstanceOf(MateyException.class)
                        .hasMessageContaining("belongs to the server, not to the scratch database, and the test "
                                + "server has it already (created by a live database on the same server")
                        .hasMessageContaining("give replays a test server of their own (test_url_env), or ")
                        .hasMessageContaining(engine.equals("postgres")
                                ? "role \"" + role + "\" belongs to the server"
                                : "role '" + role + "' belongs to the server")
                        .hasMessageContaining(engine.equals("postgres")
                                ? "`DO $$ BEGIN CREATE ROLE " + role + " ...; EXCEPTION WHEN duplicate_object THEN NULL; END $$`"
                                : "`CREATE ROLE IF NOT EXISTS '" + role + "' ...`")
                        .hasMessageNotContaining("fix the file");
            } finally {
                live.execute("DROP ROLE " + role + ";");
            }
        }
    }

    /**
     * A CREATE ROLE that waited on another session's uncommitted one fails on pg_authid's unique index rather than
     * as duplicate_object: it is named as the server's role too, with a guard that catches both.
     */
    @Test
    void aRoleAnotherSessionCreatedMeanwhileIsNamedAsTheServers() throws Exception {
        Engine engine = Engines.byId("postgres");
        MateyUrl base = TestDatabase.serverBase("postgres");
        String role = "pgserver_meanwhile_" + suffix;
        SQLException failure;
        try (Connection first = engine.connect(base); Connection second = engine.connect(base)) {
            first.setAutoCommit(false);
            try (Statement st = first.createStatement()) {
                st.execute("CREATE ROLE " + role);
            }
            java.util.concurrent.CompletableFuture<SQLException> waiting =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try (Statement st = second.createStatement()) {
                            st.execute("CREATE ROLE " + role);
                            return null;
                        } catch (SQLException e) {
                            return e;
                        }
                    });
            Thread.sleep(500); // the second CREATE ROLE waits on the first's row
            first.commit();
            failure = waiting.get();
        } finally {
            execute(engine, base, "DROP ROLE IF EXISTS " + role);
        }
        assertThat(failure.getSQLState()).isEqualTo("23505");
        assertThat(engine.serverObjectExists(failure)).hasValueSatisfying(exists -> {
            assertThat(exists.object()).isEqualTo("role \"" + role + "\"");
            assertThat(exists.guard()).contains("EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL");
        });
    }

    /**
     * The roles lock another process holds is waited for at most the lock timeout, then the replay fails before it
     * runs anything, naming the holding session and how to end it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other", "postgres"})
    void aRolesLockHeldElsewhereIsWaitedForAtMostTheLockTimeout(String name) throws SQLException {
        String user = "mysqlfix_wait_" + suffix;
        boolean mysql = !name.equals("postgres");
        Engine engine = Engines.byId(mysql ? "mysql" : "postgres");
        MateyUrl base = TestDatabase.serverBase(name);
        TestWorkspace ws = new TestWorkspace(dir, name);
        ws.migration("001_users.sql", "CREATE " + (mysql ? "USER '" + user + "'@'%'" : "ROLE " + user) + ";",
                "DROP " + (mysql ? "USER '" + user + "'@'%'" : "ROLE " + user) + ";");
        MateyUrl server = mysql ? engine.siblingUrl(base, "mysql") : engine.siblingUrl(base, "postgres");
        try (Connection holder = engine.connect(server); Statement st = holder.createStatement();
                ResultSet rs = st.executeQuery(mysql ? "SELECT GET_LOCK('matey-replay-roles', 0), CONNECTION_ID()"
                        : "SELECT pg_advisory_lock(1835103333, 1919904869)::text, pg_backend_pid()")) {
            rs.next();
            long id = rs.getLong(2);

            assertThatThrownBy(() -> new MateyTools(ws.matey().withLockTimeout(java.time.Duration.ofSeconds(1)))
                    .schemaPlan(ws.matey().target(TestWorkspace.TARGET), ReplayOptions.defaults(), line -> { }))
                    .isInstanceOfSatisfying(MateyException.class,
                            e -> assertThat(e.reason()).isEqualTo(io.matey.error.Reason.LOCK_TIMEOUT))
                    .hasMessageContaining("The roles lock of the test server")
                    .hasMessageContaining("was not released within 1s; it is held by "
                            + (mysql ? "connection " : "PostgreSQL backend ") + id)
                    .hasMessageContaining("raise the bound (--lock-timeout)")
                    .hasMessageContaining(mysql ? "KILL CONNECTION " + id + ";"
                            : "SELECT pg_terminate_backend(" + id + ");");
        }
        assertThat(roles(name)).extracting(ServerRole::name).as("nothing ran").doesNotContain(user);
        assertThat(notices).anyMatch(line -> line.startsWith("waiting for the replay of another process on ")
                && line.contains("at most 1s"));
    }

    /** Runs statements on the server (MySQL's {@code mysql} database: the test base may name one that is missing). */
    private static void execute(Engine engine, MateyUrl base, String... statements) throws SQLException {
        MateyUrl server = engine.id().equals("mysql") ? engine.siblingUrl(base, "mysql") : base;
        try (Connection c = engine.connect(server); Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
    }

    private static List<String> grants(Engine engine, MateyUrl base, String account) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = engine.connect(engine.siblingUrl(base, "mysql")); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW GRANTS FOR " + account)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    private static Set<ServerRole> roles(String engine) throws SQLException {
        return Engines.byId(TestEngines.named(engine).engineId()).serverRoles().list(TestDatabase.serverBase(engine));
    }
}
