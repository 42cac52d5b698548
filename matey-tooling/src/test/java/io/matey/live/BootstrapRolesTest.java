package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.artifact.Digests;
import io.matey.engine.Engines;
import io.matey.engine.ServerRole;
import io.matey.error.MateyException;
import io.matey.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db bootstrap} loads {@code schema.sql}, which names the roles the migrations created but holds none: it
 * creates those the server lacks, as the migrations it skips would have, and says so (docs/architecture.md §7).
 */
class BootstrapRolesTest {

    private final String role = LiveHarness.newRole("boot_r_");

    @TempDir
    Path dir;

    @AfterEach
    void dropRole() throws SQLException {
        LiveHarness.dropRole(role);
    }

    private LiveHarness flags() {
        LiveHarness h = LiveHarness.unborn(dir, "postgres");
        h.ws.migration("001_flags.sql", "CREATE SCHEMA app; CREATE TABLE app.flags(key text PRIMARY KEY);\n"
                + "DO $$ BEGIN CREATE ROLE " + role + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$;\n"
                + "ALTER TABLE app.flags ENABLE ROW LEVEL SECURITY; CREATE POLICY p ON app.flags TO " + role
                + " USING (true);", "DROP SCHEMA app CASCADE;\nDROP ROLE " + role + ";");
        h.ws.apply();
        return h;
    }

    @Test
    void bootstrapCreatesTheRoleTheSkippedMigrationCreatesAndSaysSo() throws Exception {
        try (LiveHarness h = flags()) {
            assertThat(roles()).doesNotContain(new ServerRole(role, null));

            LiveChange bootstrap = h.bootstrap();

            assertThat(bootstrap.notices()).containsExactly("created role " + role + " that migrations/001_flags.sql "
                    + "creates; schema.sql holds no roles — its attributes and password are the migration's to set");
            assertThat(h.plan().match()).isTrue();
            try (Connection c = h.db.connect()) {
                assertThat(TestDatabase.firstValue(c, "SELECT rolcanlogin FROM pg_roles WHERE rolname = '" + role
                        + "'")).as("NOLOGIN").isEqualTo("f");
            }
        }
    }

    @Test
    void aRoleTheServerHasIsUsedAsItIs() throws Exception {
        try (LiveHarness h = flags()) {
            try (Connection c = Engines.byId("postgres").connect(TestDatabase.serverBase("postgres"));
                    Statement st = c.createStatement()) {
                st.execute("CREATE ROLE " + role + " LOGIN");
            }

            assertThat(h.bootstrap().notices()).isEmpty();
            try (Connection c = h.db.connect()) {
                assertThat(TestDatabase.firstValue(c, "SELECT rolcanlogin FROM pg_roles WHERE rolname = '" + role
                        + "'")).isEqualTo("t");
            }
        }
    }

    @Test
    void aFailedLoadLeavesNoRoleBehind() throws Exception {
        try (LiveHarness h = flags()) {
            String schema = h.ws.read("db/core/schema.sql");
            String broken = schema + "\nALTER TABLE missing ADD COLUMN x int;\n";
            h.ws.write("db/core/schema.sql", broken);
            h.ws.write("db/core/checkpoints/001_flags.sql", broken);
            h.ws.write("db/core/schema.lock.toml", h.ws.read("db/core/schema.lock.toml")
                    .replace(Digests.sqlDigest(schema), Digests.sqlDigest(broken)));

            assertThatThrownBy(h::bootstrap).isInstanceOf(MateyException.class)
                    .hasMessageContaining("db bootstrap load of schema.sql failed: line ");

            assertThat(roles()).as("created in the load's transaction").doesNotContain(new ServerRole(role, null));
        }
    }

    private static Set<ServerRole> roles() throws SQLException {
        return Engines.byId("postgres").serverRoles().list(TestDatabase.serverBase("postgres"));
    }
}
