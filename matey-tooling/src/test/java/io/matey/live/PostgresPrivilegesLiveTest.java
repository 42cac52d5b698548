package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.artifact.Digests;
import io.matey.replay.ReplayOptions;
import io.matey.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The privileges migrations grant are part of {@code schema.sql} (docs/architecture.md §5): {@code db bootstrap}
 * gives them as {@code db up} does, and a REVOKE by hand on a live database is drift.
 */
class PostgresPrivilegesLiveTest {

    private static final String SCHEMA = "db/core/schema.sql";
    private static final String CHECKPOINT = "db/core/checkpoints/002_grants.sql";
    private static final String LOCK = "db/core/schema.lock.toml";
    private static final String CONFIG = "db/core/config.toml";
    /** The lines a dump without privileges lacks. */
    private static final String PRIVILEGE_LINES = "(?m)^(GRANT|REVOKE|ALTER DEFAULT PRIVILEGES) .*\n\n?";

    private final String role = LiveHarness.newRole("acl_live_");
    /** A role a DBA gives privileges outside the migrations, as to a monitoring role on a managed server. */
    private final String monitor = LiveHarness.newRole("acl_monitor_");

    @TempDir
    Path dir;

    @AfterEach
    void dropRole() throws SQLException {
        LiveHarness.dropRole(role);
        LiveHarness.dropRole(monitor);
    }

    private LiveHarness granting() {
        return granting(LiveHarness.unborn(dir, "postgres"));
    }

    private LiveHarness granting(LiveHarness h) {
        h.ws.migration("001_customers.sql", "CREATE SCHEMA app;\n"
                + "CREATE TABLE app.customers (id integer PRIMARY KEY, name text, secret text);\n"
                + "CREATE FUNCTION app.tally() RETURNS integer LANGUAGE sql AS 'SELECT 1';\n"
                + "DO $$ BEGIN CREATE ROLE " + role + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$;",
                // the role stays: the live database on the test server holds privileges for it
                "DROP SCHEMA app CASCADE;");
        h.ws.migration("002_grants.sql", "GRANT USAGE ON SCHEMA app TO " + role + ";\n"
                + "GRANT SELECT ON ALL TABLES IN SCHEMA app TO " + role + ";\n"
                + "GRANT UPDATE (name) ON app.customers TO " + role + ";\n"
                + "REVOKE EXECUTE ON FUNCTION app.tally() FROM PUBLIC;\n"
                + "GRANT EXECUTE ON FUNCTION app.tally() TO " + role + ";\n"
                + "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO " + role + ";",
                "ALTER DEFAULT PRIVILEGES IN SCHEMA app REVOKE SELECT ON TABLES FROM " + role + ";\n"
                + "GRANT EXECUTE ON FUNCTION app.tally() TO PUBLIC;\n"
                + "REVOKE ALL ON FUNCTION app.tally() FROM " + role + ";\n"
                + "REVOKE ALL ON app.customers FROM " + role + ";\n"
                + "REVOKE ALL ON SCHEMA app FROM " + role + ";");
        h.ws.apply();
        assertThat(h.ws.read(SCHEMA)).contains(
                "GRANT USAGE ON SCHEMA app TO " + role + ";\n",
                "GRANT SELECT ON TABLE app.customers TO " + role + ";\n",
                "GRANT UPDATE (name) ON TABLE app.customers TO " + role + ";\n",
                "REVOKE EXECUTE ON FUNCTION app.tally() FROM PUBLIC;\n",
                "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO " + role + ";\n");
        return h;
    }

    @Test
    void bootstrapGivesThePrivilegesTheMigrationsGrant() throws Exception {
        try (LiveHarness h = granting()) {
            h.bootstrap();

            assertGranted(h);
            assertThat(h.plan().match()).isTrue();
        }
    }

    @Test
    void aRevokeByHandIsDrift() throws Exception {
        try (LiveHarness h = granting()) {
            h.up();
            assertGranted(h);

            h.db.execute("REVOKE SELECT ON app.customers FROM " + role);

            LiveDrift drift = h.drift();
            assertThat(drift.drifted()).isTrue();
            assertThat(drift.diff()).contains("GRANT SELECT ON TABLE app.customers TO " + role + ";");
        }
    }

    /**
     * Artifacts written before the dump held privileges: nothing re-dumps them, so {@code schema plan} finds them
     * current, while a live database the migrations granted on drifts from them until {@code schema apply --clean}.
     */
    @Test
    void artifactsWrittenWithoutPrivilegesAreRewrittenByApplyClean() throws Exception {
        try (LiveHarness h = granting()) {
            h.up();
            String lock = h.ws.read(LOCK);
            for (String file : List.of(SCHEMA, CHECKPOINT)) {
                String text = h.ws.read(file);
                String older = text.replaceAll(PRIVILEGE_LINES, "");
                h.ws.write(file, older);
                lock = lock.replace(Digests.sqlDigest(text), Digests.sqlDigest(older));
            }
            h.ws.write(LOCK, lock);

            assertThat(h.ws.plan().match()).as("schema plan finds nothing to do").isTrue();
            LiveDrift drift = h.drift();
            assertThat(drift.drifted()).isTrue();
            assertThat(drift.diff()).contains("GRANT SELECT ON TABLE app.customers TO " + role + ";");

            assertThat(h.ws.apply(new ReplayOptions(null, null, true, false)).changedFiles()).contains(
                    "schema.sql", "checkpoints/002_grants.sql");
            assertThat(h.drift().drifted()).isFalse();
        }
    }

    /**
     * {@code privileges = false}: the artifacts are the privileged ones without their privilege lines, as dumps were
     * before they held privileges, and default privileges a DBA set by hand before {@code db up} are no drift; without
     * the key they are.
     */
    @Test
    void aTargetWithoutPrivilegesIgnoresThoseGivenOutsideTheMigrations() throws Exception {
        try (LiveHarness h = granting(LiveHarness.created(dir, "postgres"))) {
            String config = h.ws.read(CONFIG);
            String schema = h.ws.read(SCHEMA);
            String checkpoint = h.ws.read(CHECKPOINT);
            h.ws.write(CONFIG, config + "privileges = false\n");
            h.ws.apply(new ReplayOptions(null, null, true, false));
            assertThat(h.ws.read(SCHEMA)).isEqualTo(schema.replaceAll(PRIVILEGE_LINES, "")).doesNotContain("GRANT");
            assertThat(h.ws.read(CHECKPOINT)).isEqualTo(checkpoint.replaceAll(PRIVILEGE_LINES, ""));

            h.db.execute("CREATE ROLE " + monitor);
            h.db.execute("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO " + monitor);
            h.up();
            try (Connection c = h.db.connect()) {
                assertThat(TestDatabase.firstValue(c, "SELECT has_table_privilege('" + monitor
                        + "', 'app.customers', 'SELECT')")).isEqualTo("t");
            }
            assertThat(h.drift().drifted()).isFalse();
            assertThat(h.plan().match()).isTrue();

            h.ws.write(CONFIG, config);
            h.ws.apply(new ReplayOptions(null, null, true, false));
            LiveDrift drift = h.drift();
            assertThat(drift.drifted()).isTrue();
            assertThat(drift.diff()).contains("GRANT SELECT ON TABLE app.customers TO " + monitor + ";");
        }
    }

    /**
     * Privileges on what a new database starts with (the public schema) and on what {@code CREATE EXTENSION}
     * creates are in {@code schema.sql} as the difference from their initial ones: {@code db bootstrap} gives the
     * ACLs {@code db up} gives.
     */
    @Test
    void bootstrapGivesThePrivilegesOnThePublicSchemaAndAnExtensionThatUpGives() throws Exception {
        String acls = "SELECT concat_ws(' ', (SELECT nspacl FROM pg_namespace WHERE nspname = 'public'),"
                + " (SELECT proacl FROM pg_proc WHERE oid = 'public.digest(text, text)'::regprocedure))";
        try (LiveHarness h = LiveHarness.created(dir, "postgres"); TestDatabase other = TestDatabase.create("postgres")) {
            h.ws.migration("001_public.sql", "DO $$ BEGIN CREATE ROLE " + role + "; EXCEPTION WHEN duplicate_object"
                    + " THEN NULL; END $$;\nREVOKE ALL ON SCHEMA public FROM PUBLIC;\nGRANT USAGE ON SCHEMA public TO "
                    + role + ";\nCREATE EXTENSION pgcrypto;\nREVOKE EXECUTE ON FUNCTION public.digest(text, text) FROM"
                    + " PUBLIC;\nGRANT EXECUTE ON FUNCTION public.digest(text, text) TO " + role + ";",
                    "DROP EXTENSION pgcrypto;\nREVOKE USAGE ON SCHEMA public FROM " + role + ";\nGRANT USAGE ON SCHEMA"
                    + " public TO PUBLIC;");
            h.ws.apply();
            assertThat(h.ws.read(SCHEMA)).contains("REVOKE USAGE ON SCHEMA public FROM PUBLIC;\n",
                    "GRANT EXECUTE ON FUNCTION public.digest(text,text) TO " + role + ";\n");
            h.up();
            h.bootstrap(other.url().raw());

            try (Connection up = h.db.connect(); Connection bootstrapped = other.connect()) {
                assertThat(TestDatabase.firstValue(bootstrapped, acls)).isEqualTo(TestDatabase.firstValue(up, acls))
                        .contains(role + "=U/");
            }
            assertThat(h.drift().drifted()).isFalse();
        }
    }

    /**
     * A database a DBA gave a grant on the public schema, as PostgreSQL 15 asks for a deployment user that does not
     * own it, holds no objects but is no empty database either: {@code db up} says why and what to do, and with
     * {@code privileges = false} migrates it and finds no drift.
     */
    @Test
    void aDbaGrantOnThePublicSchemaIsRefusedWithTheWayOutAndNoDriftWithoutPrivileges() throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, "postgres")) {
            h.ws.migration("001_customers.sql", "CREATE TABLE customers (id integer);", "DROP TABLE customers;");
            h.ws.apply();
            h.db.execute("CREATE ROLE " + monitor + ";\nGRANT CREATE ON SCHEMA public TO " + monitor);

            assertThatThrownBy(h::up).hasMessageContaining("records no migrations and holds no schema objects, but "
                    + "privileges other than those a new database starts with").hasMessageContaining(
                    "set `privileges = false` in the config.toml of target db/core");

            h.ws.write(CONFIG, h.ws.read(CONFIG) + "privileges = false\n");
            h.up();
            assertThat(h.drift().drifted()).isFalse();
        }
    }

    /**
     * A deployment role's migration that names the role itself ({@code FOR ROLE}), replayed by another: the
     * artifact keeps the name, the live dump writes the migrating role's default ACL without it, and both are the
     * same ACL there, so {@code db up} verifies and {@code db drift} sees none until one is changed by hand.
     */
    @Test
    void defaultPrivilegesTheMigratingRoleNamesItselfAreNoDrift() throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, "postgres")) {
            String deployer = h.ownedByLogin(role, "Owner-pw1");
            h.ws.migration("001_defaults.sql", "CREATE TABLE t (id int);\n"
                    + "ALTER DEFAULT PRIVILEGES FOR ROLE " + role + " GRANT USAGE ON SEQUENCES TO PUBLIC;\n"
                    + "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC;",
                    "ALTER DEFAULT PRIVILEGES REVOKE SELECT ON TABLES FROM PUBLIC;\n"
                    + "ALTER DEFAULT PRIVILEGES FOR ROLE " + role + " REVOKE USAGE ON SEQUENCES FROM PUBLIC;\n"
                    + "DROP TABLE t;");
            h.ws.apply();
            assertThat(h.ws.read(SCHEMA)).contains("ALTER DEFAULT PRIVILEGES FOR ROLE " + role
                    + " GRANT USAGE ON SEQUENCES TO PUBLIC;\n", "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC;\n");

            assertThat(h.live.up(h.target(), deployer).after()).isEqualTo(1);
            assertThat(h.drift().drifted()).isFalse();
            assertThat(h.plan().match()).isTrue();

            h.db.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + role + " REVOKE USAGE ON SEQUENCES FROM PUBLIC");
            LiveDrift drift = h.drift();
            assertThat(drift.drifted()).isTrue();
            assertThat(drift.diff()).contains("ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO PUBLIC;");
        }
    }

    /** The database holds the privileges the migrations grant, and does not drift. */
    private void assertGranted(LiveHarness h) throws SQLException {
        try (Connection c = h.db.connect()) {
            assertThat(privileges(c)).isEqualTo("t t f t f t 1");
        }
        assertThat(h.drift().drifted()).isFalse();
    }

    /**
     * The role's SELECT on the table, UPDATE on the granted column and not on another, EXECUTE on the function,
     * PUBLIC's, USAGE on the schema, and the number of default ACLs.
     */
    private String privileges(Connection c) throws SQLException {
        return TestDatabase.firstValue(c, "SELECT concat_ws(' ', has_table_privilege('" + role + "', 'app.customers',"
                + " 'SELECT'), has_column_privilege('" + role + "', 'app.customers', 'name', 'UPDATE'),"
                + " has_column_privilege('" + role + "', 'app.customers', 'secret', 'UPDATE'),"
                + " has_function_privilege('" + role + "', 'app.tally()', 'EXECUTE'),"
                + " has_function_privilege('public', 'app.tally()', 'EXECUTE'),"
                + " has_schema_privilege('" + role + "', 'app', 'USAGE'), (SELECT count(*) FROM pg_default_acl))");
    }
}
