package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.MigrationFailedException;
import io.matey.engine.MigrationRunner;
import io.matey.engine.MigrationTable;
import io.matey.engine.sqlite.SqliteEngine;
import io.matey.migration.Migration;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay's versions for the migrations block, on a real SQLite scratch database. */
class AppliedVersionsTest {

    private final SqliteEngine engine = new SqliteEngine();
    private final CountingTable table = new CountingTable(engine.migrationTable());
    private final AppliedVersions versions = new AppliedVersions(table);

    @Test
    void aHistoryThatNeverNamesTheTableReadsItOnceHoweverLongItGets() throws SQLException {
        try (TestDatabase db = TestDatabase.create("sqlite"); Connection c = db.connect()) {
            MigrationRunner runner = ready(c);
            for (int i = 1; i <= 200; i++) {
                Migration migration = migration(i, "CREATE TABLE t_" + i + " (id integer);", "DROP TABLE t_" + i + ";");
                up(runner, migration);
                if (i % 2 == 0) { // a round trip: down, then up again
                    versions.run(migration.script().down().sql(), false, migration.version(), () -> runner.down(migration));
                    assertThat(versions.current(c)).isEqualTo(read(c));
                    up(runner, migration);
                }
                assertThat(versions.current(c)).isEqualTo(read(c)).hasSize(i);
            }
            assertThat(table.reads).isEqualTo(1);
        }
    }

    @Test
    void aMigrationThatWritesSchemaMigrationsItselfShowsInTheNextDump() throws SQLException {
        try (TestDatabase db = TestDatabase.create("sqlite"); Connection c = db.connect()) {
            MigrationRunner runner = ready(c);
            up(runner, migration(1, "CREATE TABLE a (id integer);", "DROP TABLE a;"));
            up(runner, migration(2, "INSERT INTO \"Schema_Migrations\" (version) VALUES ('000');",
                    "DELETE FROM schema_migrations WHERE version = '000';"));
            assertThat(versions.current(c)).containsExactly("000", "001", "002").isEqualTo(read(c));
            up(runner, migration(3, "CREATE TABLE b (id integer);", "DROP TABLE b;"));
            assertThat(versions.current(c)).containsExactly("000", "001", "002", "003");
            assertThat(table.reads).isEqualTo(2);
        }
    }

    @Test
    void aTriggerThatNamesTheTableHasItReadAfterEveryMigration() throws SQLException {
        try (TestDatabase db = TestDatabase.create("sqlite"); Connection c = db.connect()) {
            MigrationRunner runner = ready(c);
            up(runner, migration(1, """
                    CREATE TABLE audit (v text);
                    CREATE TRIGGER audit_versions AFTER INSERT ON audit BEGIN
                      INSERT INTO schema_migrations (version) VALUES (new.v);
                    END;""", "DROP TABLE audit;"));
            assertThat(versions.current(c)).containsExactly("001");
            up(runner, migration(2, "INSERT INTO audit VALUES ('900');", "DELETE FROM audit;"));
            assertThat(versions.current(c)).containsExactly("001", "002", "900").isEqualTo(read(c));
            assertThat(table.reads).isEqualTo(3);
        }
    }

    @Test
    void aFailedSectionHasTheTableReadAgain() throws SQLException {
        try (TestDatabase db = TestDatabase.create("sqlite"); Connection c = db.connect()) {
            MigrationRunner runner = ready(c);
            up(runner, migration(1, "CREATE TABLE a (id integer);", "DROP TABLE a;"));
            Migration failing = migration(2, "CREATE TABLE b (id integer);\nCREATE TABLE a (id integer);", "DROP TABLE b;");
            assertThatThrownBy(() -> up(runner, failing)).isInstanceOf(MigrationFailedException.class);
            assertThat(versions.current(c)).containsExactly("001").isEqualTo(read(c));
            assertThat(table.reads).isEqualTo(2);
        }
    }

    @Test
    void onSqliteASectionMayWriteTheTableWhenItNamesItRewritesTheSchemaOrRestoresTheDatabase() {
        MigrationTable sqlite = engine.migrationTable();
        assertThat(sqlite.mayWrite("UPDATE [Schema_Migrations] SET version = '2';")).isTrue();
        assertThat(sqlite.mayWrite("PRAGMA Writable_Schema = 1;")).isTrue();
        assertThat(sqlite.mayWrite("RESTORE FROM 'other.db';")).isTrue(); // sqlite-jdbc replaces the whole database
        assertThat(sqlite.mayWrite("CREATE TABLE schema_migration_notes (id integer);")).isFalse();
    }

    private MigrationRunner ready(Connection c) throws SQLException {
        engine.migrationTable().ensure(c);
        assertThat(versions.current(c)).isEmpty();
        return new MigrationRunner(engine, c, MigrationRunner.DISCARDED_SCRATCH);
    }

    private void up(MigrationRunner runner, Migration migration) throws SQLException {
        versions.run(migration.script().up().sql(), true, migration.version(), () -> runner.up(migration));
    }

    private static Migration migration(int number, String up, String down) {
        String version = String.format("%03d", number);
        String text = "-- migrate:up\n" + up + "\n\n-- migrate:down\n" + down + "\n";
        return new Migration("migrations/" + version + "_m.sql", version, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The table's rows as a dump would read them, without going through the counted table. */
    private static List<String> read(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT version FROM schema_migrations")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        rows.sort(null);
        return rows;
    }

    /** SQLite's table, counting how often the versions are read from it. */
    private static final class CountingTable implements MigrationTable {

        private final MigrationTable real;
        private int reads;

        CountingTable(MigrationTable real) {
            this.real = real;
        }

        @Override
        public boolean exists(Connection connection) throws SQLException {
            return real.exists(connection);
        }

        @Override
        public void ensure(Connection connection) throws SQLException {
            real.ensure(connection);
        }

        @Override
        public List<String> appliedVersions(Connection connection) throws SQLException {
            reads++;
            return real.appliedVersions(connection);
        }

        @Override
        public boolean writtenOnlyWhenNamed(Connection connection) throws SQLException {
            return real.writtenOnlyWhenNamed(connection);
        }

        @Override
        public boolean mayWrite(String sql) {
            return real.mayWrite(sql);
        }

        @Override
        public void record(Connection connection, String version) throws SQLException {
            real.record(connection, version);
        }

        @Override
        public void remove(Connection connection, String version) throws SQLException {
            real.remove(connection, version);
        }

        @Override
        public String dumpBlock(List<String> versions) {
            return real.dumpBlock(versions);
        }
    }
}
