package io.matey.engine.postgres;

import static io.matey.engine.postgres.PostgresSchemaDumpTest.dumpOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Privileges are part of the dump, written so that who ran the migrations does not show (docs/architecture.md §5). */
class PostgresPrivilegesDumpTest {

    private final String reader = "acl_reader_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final String owner = reader.replace("reader", "owner");

    private final String schema = """
            CREATE SCHEMA app;
            CREATE TABLE app.customers (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text, secret text);
            CREATE VIEW app.names AS SELECT id, name FROM app.customers;
            CREATE SEQUENCE app.numbers;
            CREATE FUNCTION app.total(a integer, b text) RETURNS integer LANGUAGE sql AS 'SELECT 1';
            CREATE PROCEDURE app.tidy() LANGUAGE sql AS 'SELECT 1';
            CREATE TYPE app.mood AS ENUM ('ok');
            CREATE DOMAIN app.positive AS integer CHECK (VALUE > 0);
            CREATE AGGREGATE app.total_of(integer) (SFUNC = int4pl, STYPE = integer);
            GRANT USAGE ON SCHEMA app TO %1$s;
            GRANT SELECT ON ALL TABLES IN SCHEMA app TO %1$s;
            GRANT ALL ON app.names TO PUBLIC;
            GRANT SELECT (name), UPDATE (name) ON app.customers TO %1$s;
            GRANT USAGE ON ALL SEQUENCES IN SCHEMA app TO %1$s;
            REVOKE EXECUTE ON FUNCTION app.total(integer, text) FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION app.total(integer, text) TO %1$s WITH GRANT OPTION;
            GRANT EXECUTE ON PROCEDURE app.tidy() TO %1$s;
            REVOKE ALL ON FUNCTION app.total_of(integer) FROM PUBLIC;
            GRANT USAGE ON TYPE app.mood TO %1$s;
            REVOKE USAGE ON DOMAIN app.positive FROM PUBLIC;
            """;

    private final String defaults = """
            ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO %1$s;
            ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
            ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO %1$s WITH GRANT OPTION;
            ALTER DEFAULT PRIVILEGES FOR ROLE %2$s IN SCHEMA app GRANT EXECUTE ON FUNCTIONS TO %1$s;
            """;

    @BeforeEach
    void createRoles() throws SQLException {
        server("CREATE ROLE " + reader + "; CREATE ROLE " + owner);
    }

    @AfterEach
    void dropRoles() throws SQLException {
        server("DROP ROLE " + reader + "; DROP ROLE " + owner);
    }

    @Test
    void grantsRevokesColumnGrantsAndDefaultPrivilegesAreDumpedToAFixedPoint() throws SQLException {
        String dump = dumpOf(schema.formatted(reader, owner) + defaults.formatted(reader, owner));

        assertThat(dumpOf(dump)).isEqualTo(dump);
        assertThat(dump).contains(
                "CREATE SCHEMA app;\n\nGRANT USAGE ON SCHEMA app TO " + reader + ";\n",
                "GRANT SELECT ON TABLE app.customers TO " + reader + ";\n",
                "GRANT SELECT (name), UPDATE (name) ON TABLE app.customers TO " + reader + ";\n",
                // the identity sequence goes with its table; ALL is ALL whatever it stands for on this server
                "GRANT USAGE ON SEQUENCE app.customers_id_seq TO " + reader + ";\n",
                "GRANT ALL ON TABLE app.names TO PUBLIC;\n",
                "GRANT USAGE ON SEQUENCE app.numbers TO " + reader + ";\n",
                "REVOKE EXECUTE ON FUNCTION app.total(integer,text) FROM PUBLIC;\n",
                "GRANT EXECUTE ON FUNCTION app.total(integer,text) TO " + reader + " WITH GRANT OPTION;\n",
                "GRANT EXECUTE ON PROCEDURE app.tidy() TO " + reader + ";\n",
                "REVOKE EXECUTE ON FUNCTION app.total_of(integer) FROM PUBLIC;\n",
                "GRANT USAGE ON TYPE app.mood TO " + reader + ";\n",
                "REVOKE USAGE ON DOMAIN app.positive FROM PUBLIC;\n",
                "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO " + reader + ";\n",
                "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;\n",
                "ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO " + reader + " WITH GRANT OPTION;\n",
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA app GRANT EXECUTE ON FUNCTIONS TO " + reader
                        + ";\n");
        assertThat(dump).doesNotContain("postgres", "OWNER");
        assertThat(dump.indexOf("ALTER DEFAULT PRIVILEGES")).as("last, so the objects get only their own grants")
                .isGreaterThan(dump.lastIndexOf("CREATE "));
    }

    @Test
    void whoRanTheMigrationsDoesNotShow() throws SQLException {
        String asSuperuser = dumpOf(schema.formatted(reader, owner));
        String asOwner;
        try (TestDatabase db = TestDatabase.create("postgres")) {
            db.execute("DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO " + owner
                    + "', current_database()); END $$;\nSET ROLE " + owner + ";\n" + schema.formatted(reader, owner)
                    + "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO " + reader + ";\nRESET ROLE;");
            try (Connection c = db.connect()) {
                asOwner = db.engine().dumpSchema(c);
            }
        }

        assertThat(asOwner).as("another owner, its implicit privileges left out")
                .isEqualTo(asSuperuser + "\nALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " GRANT SELECT ON TABLES TO "
                        + reader + ";\n");
    }

    /**
     * The role that ran the migrations owns their table; its default ACL is written without {@code FOR ROLE}
     * whoever dumps, so a superuser's {@code db drift} of a deployment user's database sees no drift.
     */
    @Test
    void theDefaultPrivilegesOfWhoeverRanTheMigrationsReadAlikeWhoeverDumps() throws SQLException {
        String migrations = "CREATE SCHEMA app;\nCREATE TABLE app.schema_migrations (version varchar(128) PRIMARY KEY);\n"
                + "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO " + reader + ";\n";
        String ranByTheDumpingRole = dumpOf(migrations);
        String ranByAnother;
        try (TestDatabase db = TestDatabase.create("postgres")) {
            db.execute("DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO " + owner
                    + "', current_database()); END $$;\nSET ROLE " + owner + ";\n" + migrations + "RESET ROLE;");
            try (Connection c = db.connect()) {
                ranByAnother = db.engine().dumpSchema(c);
            }
        }

        assertThat(ranByAnother).isEqualTo(ranByTheDumpingRole)
                .contains("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO " + reader + ";\n")
                .doesNotContain("FOR ROLE");
    }

    /**
     * The {@code public} schema and an extension's members start with the privileges initdb or the extension's
     * script gave them: the dump holds the difference, so that loading it into a new database gives the same ACLs.
     */
    @Test
    void privilegesOnWhatADatabaseOrAnExtensionStartsWithAreWrittenAsTheDifference() throws SQLException {
        String sql = """
                REVOKE ALL ON SCHEMA public FROM PUBLIC;
                GRANT USAGE ON SCHEMA public TO %1$s;
                CREATE EXTENSION pg_buffercache;
                REVOKE ALL ON public.pg_buffercache FROM pg_monitor;
                GRANT SELECT ON public.pg_buffercache TO %1$s;
                CREATE EXTENSION pgcrypto;
                REVOKE EXECUTE ON FUNCTION public.digest(text, text) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION public.digest(text, text) TO %1$s;
                CREATE TABLE public.t (id integer);
                """.formatted(reader);
        String dump;
        String loaded;
        try (TestDatabase db = TestDatabase.create("postgres"); TestDatabase load = TestDatabase.create("postgres")) {
            db.execute(sql);
            try (Connection c = db.connect()) {
                dump = db.engine().dumpSchema(c);
            }
            load.execute(dump);
            try (Connection c = load.connect()) {
                loaded = db.engine().dumpSchema(c);
                assertThat(TestDatabase.firstValue(c, ACLS)).isEqualTo(firstValue(db, ACLS));
            }
        }

        assertThat(loaded).isEqualTo(dump);
        assertThat(dump).startsWith("GRANT USAGE ON SCHEMA public TO " + reader + ";\n\n"
                + "REVOKE USAGE ON SCHEMA public FROM PUBLIC;\n\n").contains(
                "CREATE EXTENSION IF NOT EXISTS pg_buffercache WITH SCHEMA public;\n\n"
                        + "COMMENT ON EXTENSION pg_buffercache IS 'examine the shared buffer cache';\n\n"
                        + "GRANT SELECT ON TABLE public.pg_buffercache TO " + reader + ";\n\n"
                        + "REVOKE SELECT ON TABLE public.pg_buffercache FROM pg_monitor;\n",
                "GRANT EXECUTE ON FUNCTION public.digest(text,text) TO " + reader + ";\n\n"
                        + "REVOKE EXECUTE ON FUNCTION public.digest(text,text) FROM PUBLIC;\n");
        // what the extension's script granted and no migration changed is not written
        assertThat(dump).doesNotContain("pg_buffercache_pages");
    }

    /**
     * An extension's script may grant with the grant option, which {@code pg_init_privs} keeps (simulated here by
     * copying the member's ACL there right after {@code CREATE EXTENSION}): a migration revoking only the option is
     * written as such, and loads back to the same ACL and dump where the extension starts alike.
     */
    @Test
    void aRevokedGrantOptionOnAnExtensionMemberIsWrittenAndLoadsBack() throws SQLException {
        String create = "CREATE EXTENSION IF NOT EXISTS pg_buffercache WITH SCHEMA public;\n";
        String script = """
                GRANT SELECT ON public.pg_buffercache TO %1$s WITH GRANT OPTION;
                UPDATE pg_init_privs SET initprivs = (SELECT relacl FROM pg_class
                                                      WHERE oid = 'public.pg_buffercache'::regclass)
                WHERE classoid = 'pg_class'::regclass AND objoid = 'public.pg_buffercache'::regclass AND objsubid = 0;
                """.formatted(reader);
        String acl = "SELECT relacl::text FROM pg_class WHERE oid = 'public.pg_buffercache'::regclass";
        String dump;
        String loaded;
        try (TestDatabase db = TestDatabase.create("postgres"); TestDatabase load = TestDatabase.create("postgres")) {
            db.execute(create + script + "REVOKE GRANT OPTION FOR SELECT ON public.pg_buffercache FROM " + reader
                    + ";\n");
            try (Connection c = db.connect()) {
                dump = db.engine().dumpSchema(c);
            }
            assertThat(dump).contains(create).contains("REVOKE GRANT OPTION FOR SELECT ON TABLE public.pg_buffercache "
                    + "FROM " + reader + ";\n");
            load.execute(dump.replace(create, create + script));
            try (Connection c = load.connect()) {
                loaded = db.engine().dumpSchema(c);
                assertThat(TestDatabase.firstValue(c, acl)).isEqualTo(firstValue(db, acl)).contains(reader + "=r/");
            }
        }

        assertThat(loaded).isEqualTo(dump);
    }

    /** A {@code public} schema whose privileges are the ones every new database starts with dumps as before. */
    @Test
    void anUnchangedPublicSchemaDumpsAsBefore() throws SQLException {
        String dump = dumpOf("GRANT CREATE ON SCHEMA public TO " + reader + "; REVOKE CREATE ON SCHEMA public FROM "
                + reader + "; CREATE TABLE t (id integer)");

        assertThat(dump).doesNotContain("GRANT", "REVOKE");
    }

    @Test
    void aSchemaWithoutGrantsDumpsAsBefore() throws SQLException {
        String dump = dumpOf(RichSchema.CORNERS);

        assertThat(dump).doesNotContain("GRANT", "REVOKE", "DEFAULT PRIVILEGES");
    }

    /** The ACLs of the public schema and of the extensions' members that the tests change, as one text. */
    private static final String ACLS = "SELECT concat_ws(' ', (SELECT nspacl FROM pg_namespace WHERE nspname ="
            + " 'public'), (SELECT relacl FROM pg_class WHERE oid = 'public.pg_buffercache'::regclass),"
            + " (SELECT proacl FROM pg_proc WHERE oid = 'public.digest(text, text)'::regprocedure))";

    private static String firstValue(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect()) {
            return TestDatabase.firstValue(c, sql);
        }
    }

    private static void server(String sql) throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
