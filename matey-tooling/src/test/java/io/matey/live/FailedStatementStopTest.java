package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.Engine;
import io.matey.engine.MigrationRunner;
import io.matey.migration.SqlStatement;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On MariaDB a statement the server fails takes no effect (atomic DDL, a row write rolled back to its start), so the
 * marker of a section stopped there is exact: the report names the failed statement and says nothing after the ones
 * before it took effect, and {@code db up --resume} continues at it once what made it fail is fixed. A kill leaves
 * the stop uncertain, and so does a marker an earlier Matey wrote without the distinction (docs/architecture.md §7).
 */
class FailedStatementStopTest {

    private static final String REPORT = "migration migrations/002_unique.sql was interrupted after statement 1 of 3 "
            + "(up section); statement 2 (line 3) failed with an error from the server, so nothing after statement 1 "
            + "took effect; the database holds a partial state";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aStatementTheServerFailedIsAnExactStopThatResumeContinuesAtOnceFixed(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine)) {
            h.ws.migration("001_base.sql", "CREATE TABLE base (id int PRIMARY KEY, code int);", "DROP TABLE base;");
            h.ws.apply();
            h.up();
            h.db.execute("INSERT INTO base VALUES (1, 7), (2, 7)");
            // DDL the rows reject: the replay has none, the live database fails statement 2
            h.ws.migration("002_unique.sql", "CREATE TABLE later (id int PRIMARY KEY);\n"
                    + "ALTER TABLE base ADD UNIQUE KEY base_code (code);\nCREATE TABLE last (id int PRIMARY KEY);",
                    "DROP TABLE last;\nALTER TABLE base DROP KEY base_code;\nDROP TABLE later;");
            h.ws.apply();

            assertThatThrownBy(h::up).hasMessageContaining("Statements at line(s) 2 took effect")
                    .hasMessageContaining("continues from the failed statement, which took no effect.");
            Interruption interruption = h.status().interrupted();
            assertThat(interruption.exact()).isTrue();
            assertThat(interruption.describe()).isEqualTo(REPORT);
            assertThat(interruption.diff()).contains("+CREATE TABLE `later`").doesNotContain("base_code");
            assertThatThrownBy(h::up).hasMessageStartingWith("db up refused: " + REPORT + ":\n")
                    .hasMessageContaining("Fix what made statement 2 fail (the migration file, then `matey schema "
                            + "apply --path db/core`; or the data it met), then run `matey db up --path db/core --url '"
                            + h.db.url() + "' --resume`: it checks that the live schema is the state after statement 1 "
                            + "(replaying the section's statements up to it in a scratch database on the test server) "
                            + "and runs the section on from statement 2.");

            h.db.execute("UPDATE base SET code = 8 WHERE id = 2");
            LiveChange resumed = h.live.upResuming(h.target(), h.url());

            assertThat(resumed.after()).isEqualTo(2);
            assertThat(h.status().interrupted()).isNull();
            assertThat(h.drift().drifted()).isFalse();
        }
    }

    /** A kill (here: the marker a killed run leaves, counted before statement 2) reads as uncertain, as before. */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aMarkerWithoutTheFailedStatementStaysUncertain(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine)) {
            h.ws.migration("001_two.sql", "CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY);",
                    "DROP TABLE b;\nDROP TABLE a;");
            h.ws.apply();
            Engine mysql = h.db.engine();
            try (Connection c = h.db.connect(); Statement st = c.createStatement()) {
                // the table as an earlier Matey created it, without the exact column
                st.execute("CREATE TABLE matey_migration_progress (version varchar(128) NOT NULL PRIMARY KEY, "
                        + "direction varchar(4) NOT NULL, done int NOT NULL, total int NOT NULL)");
                st.execute("INSERT INTO matey_migration_progress VALUES ('001', 'up', 0, 2)");
                mysql.migrationTable().ensure(c);
                st.execute("CREATE TABLE a (id int PRIMARY KEY)");
                mysql.progressTable().failedAt(c, "001", 1);
                try (ResultSet rs = st.executeQuery("SELECT done FROM matey_migration_progress")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).as("the count, without the column it lacks").isEqualTo(1);
                }
            }
            Interruption interruption = h.status().interrupted();
            assertThat(interruption.exact()).isFalse();
            assertThat(interruption.describe()).isEqualTo("migration migrations/001_two.sql was interrupted after "
                    + "statement 1 of 2 (up section); statement 2 (line 3) may also have taken effect; the database "
                    + "holds a partial state");

            LiveChange resumed = h.live.upResuming(h.target(), h.url());
            assertThat(resumed.after()).isEqualTo(1);
            assertThat(h.drift().drifted()).isFalse();
        }
    }

    /**
     * MariaDB drops the tables of a list it can before reporting one it cannot: such a failed statement is no exact
     * stop, and the marker a new table holds says so.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aListTheServerActedOnInPartIsNoExactStop(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine)) {
            Engine mysql = h.db.engine();
            try (Connection c = h.db.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE gone (id int)");
                SqlStatement drop = new SqlStatement("DROP TABLE gone, missing", 1);
                SQLException failure = null;
                try {
                    st.execute(drop.sql());
                } catch (SQLException e) {
                    failure = e;
                }
                assertThat((Throwable) failure).as("the server reports the missing table").isNotNull();
                try (ResultSet rs = st.executeQuery("SHOW TABLES LIKE 'gone'")) {
                    assertThat(rs.next()).as("yet it dropped the other").isFalse();
                }
                assertThat(mysql.failedWithoutEffect(drop, failure)).isFalse();
                assertThat(mysql.failedWithoutEffect(new SqlStatement("DROP TABLE gone", 1), failure))
                        .isTrue();
                assertThat(mysql.failedWithoutEffect(new SqlStatement("DROP DATABASE other", 1), failure))
                        .as("drops its tables one by one").isFalse();

                mysql.progressTable().begin(c, "001", MigrationRunner.UP, 0, 2);
                mysql.progressTable().failedAt(c, "001", 1);
                assertThat(mysql.progressTable().read(c)).hasValueSatisfying(marker -> {
                    assertThat(marker.exact()).isTrue();
                    assertThat(marker.done()).isEqualTo(1);
                });
                mysql.progressTable().begin(c, "001", MigrationRunner.UP, 1, 2);
                assertThat(mysql.progressTable().read(c)).hasValueSatisfying(marker ->
                        assertThat(marker.exact()).as("a new run's marker starts uncertain").isFalse());
            }
        }
    }
}
