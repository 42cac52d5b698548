package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.ServerRole;
import io.matey.error.MateyException;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestEngines;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Roles and users are server-level: a replay drops those its migrations created when its scratch database goes, so
 * that the next replay can create them again, also after a failed replay and with {@code --keep-scratch}
 * (docs/architecture.md §6).
 */
class ReplayServerRolesTest {

    private final String suffix = Long.toString(System.nanoTime() & 0xffffff, 36);
    private final List<String> notices = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void captureNotices() {
        ScratchDatabase.reportLeftoversTo(notices::add);
    }

    @AfterEach
    void restoreNotices() {
        ScratchDatabase.reportLeftoversTo(line -> { });
    }

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

    /** A PostgreSQL workspace whose first migration creates {@code role} and a table it owns, then {@code more}. */
    private TestWorkspace ownedBy(String role, String more, String down) {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        ws.migration("001_widgets.sql", "CREATE ROLE " + role + ";\nCREATE TABLE widgets (id int primary key);\n"
                + "ALTER TABLE widgets OWNER TO " + role + ";" + more, down);
        return ws;
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

    private static java.util.Set<ServerRole> roles(String engine) throws SQLException {
        return Engines.byId(TestEngines.named(engine).engineId()).serverRoles().list(TestDatabase.serverBase(engine));
    }
}
