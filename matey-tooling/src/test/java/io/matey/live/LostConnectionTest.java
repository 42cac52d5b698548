package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code db up} whose connection the server ends while a statement runs ({@code pg_terminate_backend}, MariaDB's
 * {@code KILL}): the failure names the migration, the statement and what the next step is, as a failed statement's
 * does, instead of the closed connection's error from the cleanup that follows.
 */
class LostConnectionTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void aConnectionLostInsideASectionThatCannotRollBackPointsToResume(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine)) {
            h.ws.migration("001_one.sql", h.ws.createTable("it_one"), "DROP TABLE it_one;");
            boolean postgres = engine.equals("postgres");
            if (postgres) {
                // A transaction:false section runs in one transaction unless a statement refuses one: this one runs
                // its statements one by one, which dbmate fails on (L013), so the target must allow it.
                h.ws.write(TestWorkspace.TARGET + "/config.toml", h.ws.read(TestWorkspace.TARGET + "/config.toml")
                        + "allow_non_dbmate_files = true\n");
            }
            h.ws.write(TestWorkspace.TARGET + "/migrations/002_two.sql", "-- migrate:up"
                    + (postgres ? " transaction:false" : "") + "\n" + h.ws.createTable("it_two") + "\n"
                    + sleep(engine) + "\n" + (postgres ? "CREATE INDEX CONCURRENTLY it_two_name ON it_two (name);"
                            + "\n\n-- migrate:down\n" : h.ws.createTable("it_three") + "\n\n-- migrate:down\n"
                            + "DROP TABLE it_three;\n") + "DROP TABLE it_two;\n");
            h.ws.apply();

            assertThatThrownBy(() -> upKilledWhileSleeping(h, engine)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith("db up failed: migrations/002_two.sql:3: up section failed: the connection "
                            + "to the database was lost while statement 2 of 3 ran: ")
                    .hasMessageContaining("Statement: '" + sleep(engine).replace(";", "") + "'. " + (engine.equals("postgres")
                            ? "The 1 statement(s) before it took effect and stay applied (transaction:false)"
                            : "The statements before it stay applied up to the last one mysql committed"))
                    .hasMessageContaining("`matey db status --path db/core --url '" + h.db.url() + "'`")
                    .hasMessageContaining("`matey db up --path db/core --url '" + h.db.url() + "' --resume`")
                    .hasMessageEndingWith("Earlier migrations of this run stay done: migrations/001_one.sql; the live "
                            + "database is at index 1.");

            // MariaDB's CREATE TABLE committed itself, and its count with it (MigrationRunner asks @@in_transaction)
            assertThat(h.status().interrupted().describe()).startsWith("migration migrations/002_two.sql was "
                    + "interrupted after statement 1 of 3 (up section)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres"})
    void aConnectionLostInsideATransactionalSectionSaysItWasRolledBack(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine)) {
            h.ws.migration("001_one.sql", h.ws.createTable("it_one") + "\n" + sleep(engine), "DROP TABLE it_one;");
            h.ws.apply();

            assertThatThrownBy(() -> upKilledWhileSleeping(h, engine)).isInstanceOf(MateyException.class)
                    .hasMessage("db up failed: migrations/001_one.sql:3: up section failed: the connection to the "
                            + "database was lost while statement 2 of 2 ran: FATAL: terminating connection due to "
                            + "administrator command. Statement: '" + sleep(engine).replace(";", "") + "'. The section was rolled back "
                            + "and its version is not recorded; run the command again.");

            assertThat(h.status().applied()).isZero();
            assertThat(h.status().interrupted()).isNull();
        }
    }

    /** Sleeps on the live database only ({@code matey_test_*}), not in the scratch databases of the replay. */
    private static String sleep(String engine) {
        return engine.equals("postgres")
                ? "SELECT pg_sleep(CASE WHEN current_database() LIKE 'matey_test%' THEN 600 ELSE 0 END);"
                : "DO SLEEP(IF(DATABASE() LIKE 'matey_test%', 600, 0));";
    }

    /** Runs db up while another thread ends its session once the sleep statement runs. */
    private static void upKilledWhileSleeping(LiveHarness h, String engine) {
        AtomicBoolean finished = new AtomicBoolean();
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> killWhenSleeping(h, engine, finished));
        try {
            h.up();
        } finally {
            finished.set(true);
            killer.join();
        }
    }

    private static void killWhenSleeping(LiveHarness h, String engine, AtomicBoolean finished) {
        boolean postgres = engine.equals("postgres");
        String find = postgres ? "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> "
                + "pg_backend_pid() AND query LIKE 'SELECT pg_sleep%' AND state = 'active'"
                : "SELECT id FROM information_schema.processlist WHERE db = DATABASE() AND info LIKE 'DO SLEEP%'";
        try (Connection c = h.db.connect(); Statement st = c.createStatement()) {
            while (!finished.get()) {
                try (ResultSet rs = st.executeQuery(find)) {
                    if (rs.next()) {
                        st.execute(postgres ? "SELECT pg_terminate_backend(" + rs.getLong(1) + ")"
                                : "KILL " + rs.getLong(1));
                        return;
                    }
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
