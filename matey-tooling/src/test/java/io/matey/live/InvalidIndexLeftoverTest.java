package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed PostgreSQL {@code CREATE INDEX CONCURRENTLY} in a {@code transaction:false} section leaves an invalid
 * index behind: it is recognised as the interrupted statement's leftover, reported by {@code db status} and dropped
 * by {@code db up --resume}, which runs the statement again; any other invalid index is still refused by the dump.
 */
class InvalidIndexLeftoverTest {

    @TempDir
    Path dir;

    @Test
    void theInvalidIndexOfAFailedConcurrentIndexIsReportedAndResumeRebuildsIt() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "postgres")) {
            stopAtTheUniqueIndex(h, "users", "CREATE INDEX CONCURRENTLY users_id2 ON users (id);\n"
                    + "CREATE UNIQUE INDEX CONCURRENTLY users_email_uq ON users (email);\n",
                    "DROP INDEX CONCURRENTLY users_email_uq;\nDROP INDEX CONCURRENTLY users_id2;\n");
            assertThat(valid(h, "users_email_uq")).isEqualTo("f");

            String report = "migration migrations/002_email.sql was interrupted after statement 1 of 2 (up section);"
                    + " statement 2 (line 3) did not take effect but left invalid index public.users_email_uq behind,"
                    + " which `db up --resume` drops before running it again; the database holds a partial state";
            LiveStatus status = h.status();
            assertThat(status.interrupted().describe()).isEqualTo(report);
            assertThat(status.interrupted().diff()).contains("+CREATE INDEX users_id2").doesNotContain("users_email_uq");
            assertThatThrownBy(h::up).hasMessageStartingWith("db up refused: " + report);
            LiveDrift drift = h.drift();
            assertThat(drift.drifted()).isTrue();
            assertThat(drift.liveSql()).contains("CREATE INDEX users_id2").doesNotContain("users_email_uq");

            // still duplicated: the statement fails again, and leaves its leftover again
            assertThatThrownBy(() -> h.live.upResuming(h.target(), h.url()))
                    .hasMessageContaining("could not create unique index \"users_email_uq\"");
            assertThat(h.status().interrupted().describe()).isEqualTo(report);

            h.db.execute("DELETE FROM users WHERE id = 2");
            LiveChange resumed = h.live.upResuming(h.target(), h.url());

            assertThat(resumed.after()).isEqualTo(2);
            assertThat(valid(h, "users_email_uq")).isEqualTo("t");
            assertThat(h.status().interrupted()).isNull();
            assertThat(h.drift().drifted()).isFalse();
        }
    }

    /**
     * The failing statement is the section's first: no statement is in effect, yet the marker stays for what it
     * left behind, so the later commands learn of it as they do when it is the second.
     */
    @Test
    void aFailedFirstStatementKeepsItsMarkerForTheInvalidIndexItLeft() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "postgres")) {
            h.ws.migration("001_customers.sql", "CREATE TABLE customers (id int PRIMARY KEY, display_name text);",
                    "DROP TABLE customers;");
            h.ws.apply();
            h.up();
            h.db.execute("INSERT INTO customers VALUES (1, 'Ann'), (2, 'ann')");
            h.ws.write(TestWorkspace.TARGET + "/migrations/002_unique_names.sql", "-- migrate:up transaction:false\n"
                    + "CREATE UNIQUE INDEX CONCURRENTLY customers_display_name_uniq ON customers (lower(display_name));\n"
                    + "\n-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY customers_display_name_uniq;\n");
            h.ws.apply();

            assertThatThrownBy(h::up).hasMessageContaining("could not create unique index")
                    .hasMessageContaining("No statement of this section took effect; its version is not recorded."
                            + " The failed statement left invalid index public.customers_display_name_uniq behind"
                            + " without taking effect. db up now refuses this database until `matey db up --path "
                            + "db/core --url '" + h.db.url() + "' --resume` (after fixing the data the statement "
                            + "rejected, or the file and `matey schema apply --path db/core`)"
                            + " drops it and runs the section from its first statement.");
            String report = "migration migrations/002_unique_names.sql was interrupted after statement 0 of 1 (up"
                    + " section); statement 1 (line 2) did not take effect but left invalid index"
                    + " public.customers_display_name_uniq behind, which `db up --resume` drops before running it"
                    + " again; apart from it, the live schema is the state before the migration";
            assertThat(h.status().interrupted().describe()).isEqualTo(report);
            assertThatThrownBy(h::up).hasMessageStartingWith("db up refused: " + report);
            assertThat(h.drift().liveSql()).contains("CREATE TABLE public.customers")
                    .doesNotContain("customers_display_name_uniq");

            h.db.execute("DELETE FROM customers WHERE id = 2");
            assertThat(h.live.upResuming(h.target(), h.url()).after()).isEqualTo(2);
            assertThat(valid(h, "customers_display_name_uniq")).isEqualTo("t");
            assertThat(h.status().interrupted()).isNull();
            assertThat(h.drift().drifted()).isFalse();
        }
    }

    /**
     * A deployment user that is no superuser, who may not use every schema ({@code pg_toast}): the leftover is
     * found as for a superuser, so the failure names it and the way out instead of claiming that nothing had run.
     */
    @Test
    void theLeftoverIsFoundForAUserThatIsNoSuperuser() throws Exception {
        String role = LiveHarness.newRole("leftover_");
        try (LiveHarness h = LiveHarness.created(dir, "postgres")) {
            String deployer = h.ownedByLogin(role, "Leftover-pw1");
            h.ws.migration("001_customers.sql", "CREATE TABLE customers (id int PRIMARY KEY, name text);",
                    "DROP TABLE customers;");
            h.ws.apply();
            h.live.up(h.target(), deployer);
            h.db.execute("INSERT INTO customers VALUES (1, 'ann'), (2, 'ann')");
            h.ws.write(TestWorkspace.TARGET + "/migrations/002_unique_names.sql", "-- migrate:up transaction:false\n"
                    + "CREATE UNIQUE INDEX CONCURRENTLY customers_name_uniq ON customers (name);\n"
                    + "\n-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY customers_name_uniq;\n");
            h.ws.apply();

            assertThatThrownBy(() -> h.live.up(h.target(), deployer))
                    .hasMessageContaining("No statement of this section took effect; its version is not recorded."
                            + " The failed statement left invalid index public.customers_name_uniq behind");
            assertThatThrownBy(() -> h.live.up(h.target(), deployer)).hasMessageStartingWith("db up refused: migration"
                    + " migrations/002_unique_names.sql was interrupted after statement 0 of 1");

            h.db.execute("DELETE FROM customers WHERE id = 2");
            assertThat(h.live.upResuming(h.target(), deployer).after()).isEqualTo(2);
            assertThat(valid(h, "customers_name_uniq")).isEqualTo("t");
        } finally {
            LiveHarness.dropRole(role);
        }
    }

    @Test
    void quotedAndQualifiedNamesAreMatchedAndAnyOtherInvalidIndexIsStillRefused() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "postgres")) {
            stopAtTheUniqueIndex(h, "\"Users\"", "CREATE TABLE other (id int);\n-- unique per address\n"
                    + "create unique index concurrently if not exists \"Users_Email\" on public.\"Users\" (email);\n",
                    "DROP INDEX CONCURRENTLY \"Users_Email\";\nDROP TABLE other;\n");
            assertThat(h.status().interrupted().describe())
                    .contains("statement 2 (line 4) did not take effect but left invalid index public.\"Users_Email\"");

            assertThatThrownBy(() -> h.db.execute("CREATE UNIQUE INDEX CONCURRENTLY stray_uq ON \"Users\" (email)"))
                    .hasMessageContaining("could not create unique index");
            assertThatThrownBy(h::status).hasMessageContaining("does not cover invalid index public.stray_uq: ");
            assertThatThrownBy(h::drift).hasMessageContaining("does not cover invalid index public.stray_uq: ");
            assertThatThrownBy(() -> h.live.upResuming(h.target(), h.url()))
                    .hasMessageContaining("does not cover invalid index public.stray_uq: ");

            h.db.execute("DROP INDEX stray_uq; DELETE FROM \"Users\" WHERE id = 2");
            assertThat(h.live.upResuming(h.target(), h.url()).after()).isEqualTo(2);
            assertThat(h.drift().drifted()).isFalse();
        }
    }

    @Test
    void anUnnamedConcurrentIndexIsRecognisedByItsDefinitionAndResumeRebuildsIt() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "postgres")) {
            stopAtTheUniqueIndex(h, "users", "CREATE INDEX CONCURRENTLY ON users (id);\n"
                    + "CREATE UNIQUE INDEX CONCURRENTLY ON users (lower(email)) -- the server names it\n;\n",
                    "DROP INDEX CONCURRENTLY users_lower_idx;\nDROP INDEX CONCURRENTLY users_id_idx;\n");
            assertThat(valid(h, "users_lower_idx")).isEqualTo("f");
            assertThat(h.status().interrupted().describe()).contains("statement 2 (line 3) did not take effect but "
                    + "left invalid index public.users_lower_idx behind, which `db up --resume` drops");

            // an invalid index of another definition, named as the server would name the statement's
            assertThatThrownBy(() -> h.db.execute("CREATE UNIQUE INDEX CONCURRENTLY users_lower_idx1 ON users "
                    + "(upper(email))")).hasMessageContaining("could not create unique index");
            assertThatThrownBy(h::status).hasMessageContaining("does not cover invalid index public.users_lower_idx1: ");
            h.db.execute("DROP INDEX users_lower_idx1");

            h.db.execute("DELETE FROM users WHERE id = 2");
            assertThat(h.live.upResuming(h.target(), h.url()).after()).isEqualTo(2);
            assertThat(valid(h, "users_lower_idx")).isEqualTo("t");
            assertThat(h.status().interrupted()).isNull();
            assertThat(h.drift().drifted()).isFalse();
        }
    }

    @Test
    void anUnnamedConcurrentIndexPassingItsTablesRowOnIsNamedWithTheWayOut() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "postgres")) {
            String hint = "The failed statement may have left invalid index public.users_user_key_idx behind, which "
                    + "Matey cannot tell from another session's (its definition passes the table's row on, which "
                    + "PostgreSQL prints only on the table itself): if it is the statement's, run `DROP INDEX "
                    + "CONCURRENTLY public.users_user_key_idx` before the statement runs again";
            migrateToTheUniqueIndex(h, "users", "CREATE FUNCTION user_key(u users) RETURNS text LANGUAGE sql "
                    + "IMMUTABLE AS $$ SELECT lower(u.email) $$;\n"
                    + "CREATE UNIQUE INDEX CONCURRENTLY ON users (user_key(users));\n",
                    "DROP INDEX CONCURRENTLY users_user_key_idx;\nDROP FUNCTION user_key(users);\n");
            assertThatThrownBy(h::up).hasMessageContaining("Statements at line(s) 2 took effect")
                    .hasMessageContaining(hint);
            assertThat(valid(h, "users_user_key_idx")).isEqualTo("f");
            assertThatThrownBy(h::status).hasMessageContaining(hint);
            assertThatThrownBy(h::drift).hasMessageContaining(hint);
            assertThatThrownBy(() -> h.live.upResuming(h.target(), h.url())).hasMessageContaining(hint);

            h.db.execute("DROP INDEX CONCURRENTLY users_user_key_idx; DELETE FROM users WHERE id = 2");
            assertThat(h.live.upResuming(h.target(), h.url()).after()).isEqualTo(2);
            assertThat(valid(h, "users_user_key_idx")).isEqualTo("t");
            assertThat(h.drift().drifted()).isFalse();
        }
    }

    /**
     * Table {@code table} applied and holding a duplicated email, then migration 002 ({@code up}, two statements,
     * {@code transaction:false}) run until its unique index fails on it.
     */
    private static void stopAtTheUniqueIndex(LiveHarness h, String table, String up, String down) throws SQLException {
        migrateToTheUniqueIndex(h, table, up, down);
        assertThatThrownBy(h::up).hasMessageContaining("Statements at line(s) 2 took effect")
                .hasMessageContaining(" The failed statement left invalid index public.")
                .hasMessageEndingWith(") drops it and continues from the failed statement.");
    }

    /** Table {@code table} applied and holding a duplicated email, and migration 002 written, not run. */
    private static void migrateToTheUniqueIndex(LiveHarness h, String table, String up, String down)
            throws SQLException {
        h.ws.migration("001_users.sql", "CREATE TABLE " + table + " (id int PRIMARY KEY, email text);",
                "DROP TABLE " + table + ";");
        h.ws.apply();
        h.up();
        h.db.execute("INSERT INTO " + table + " VALUES (1, 'a@example.com'), (2, 'a@example.com')");
        // Several statements with CONCURRENTLY in one section: dbmate fails on them (L013), Matey runs them one by one.
        h.ws.write(TestWorkspace.TARGET + "/config.toml", h.ws.read(TestWorkspace.TARGET + "/config.toml")
                + "allow_non_dbmate_files = true\n");
        h.ws.write(TestWorkspace.TARGET + "/migrations/002_email.sql", "-- migrate:up transaction:false\n" + up
                + "\n-- migrate:down transaction:false\n" + down);
        h.ws.apply();
    }

    private static String valid(LiveHarness h, String index) throws SQLException {
        try (Connection c = h.db.connect()) {
            return TestDatabase.firstValue(c, "SELECT indisvalid FROM pg_index WHERE indexrelid = '" + index + "'::regclass");
        }
    }
}
