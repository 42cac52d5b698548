package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.artifact.LockFactory;
import io.matey.artifact.LockFileCodec;
import io.matey.artifact.Snapshot;
import io.matey.error.MateyException;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write guard on real engines: replay ({@code schema plan|apply}) and {@code db up|down} refuse a statement that
 * writes outside the target's database before running anything, while reads from another database stay allowed.
 */
class WriteGuardLiveTest {

    @TempDir
    Path dir;

    @Test
    void mysqlReplayRefusesAWriteToAnotherDatabaseBeforeRunningAnything() throws SQLException {
        try (TestDatabase other = TestDatabase.create("mysql")) {
            other.execute("CREATE TABLE audit (note varchar(40))");
            TestWorkspace ws = new TestWorkspace(dir, "mysql");
            ws.migration("001_items.sql", ws.createTable("items"), "DROP TABLE items;");
            ws.migration("002_cross.sql", "CREATE TABLE items2 (id int);\nCREATE TABLE " + other.url().path()
                    + ".events (id int);\nINSERT INTO `" + other.url().path() + "`.audit VALUES ('x');",
                    "DROP TABLE " + other.url().path() + ".events;\nDROP TABLE items2;");
            var before = ws.files();

            for (boolean apply : new boolean[] {false, true}) {
                assertThatThrownBy(() -> {
                    if (apply) {
                        ws.apply();
                    } else {
                        ws.plan();
                    }
                }).isInstanceOf(MateyException.class)
                        .hasMessageStartingWith((apply ? "schema apply" : "schema plan")
                                + " refused: 3 statements write outside the target's database; nothing was run.")
                        .hasMessageContaining("migrations/002_cross.sql:3 (up): write target " + other.url().path()
                                + ".events names database " + other.url().path() + ". Statement: 'CREATE TABLE "
                                + other.url().path() + ".events (id int)'")
                        .hasMessageContaining("migrations/002_cross.sql:4 (up): write target " + other.url().path() + ".audit")
                        .hasMessageContaining("migrations/002_cross.sql:7 (down): write target");
            }
            assertThat(tables(other)).containsExactly("audit");
            assertThat(rows(other, "audit")).isZero();
            assertThat(ws.files()).isEqualTo(before);
        }
    }

    @Test
    void mysqlReplayRefusesSqlBuiltAtRunTimeAndLiteralsWritingElsewhere() throws SQLException {
        try (TestDatabase other = auditDatabase()) {
            String db = other.url().path();
            TestWorkspace ws = new TestWorkspace(dir, "mysql");
            ws.migration("001_dynamic.sql", "CREATE TABLE x (id int);\n"
                    + "EXECUTE IMMEDIATE CONCAT('CREATE TABLE " + db.substring(0, 3) + "', '" + db.substring(3)
                    + ".evil5 (id int)');\n"
                    + "SET @s = 'CREATE TABLE " + db + ".evil6 (id int)';\nPREPARE st FROM @s;\nEXECUTE st;\n"
                    + "EXECUTE IMMEDIATE 'INSERT INTO " + db + ".audit VALUES (''x'')';\n"
                    + "CREATE PROCEDURE log_it() BEGIN INSERT INTO " + db + ".audit VALUES ('y'); END;\n"
                    + "CALL log_it();", "DROP PROCEDURE log_it;\nDROP TABLE x;");
            var before = ws.files();

            assertThatThrownBy(ws::plan).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith("schema plan refused: 2 statements write outside the target's database, "
                            + "and 2 statements run SQL built at run time, which could write outside the scratch "
                            + "database; nothing was run.")
                    .hasMessageContaining("migrations/001_dynamic.sql:3 (up): EXECUTE IMMEDIATE runs SQL built at run "
                            + "time, which cannot be checked before it runs: write the statement itself, or give "
                            + "EXECUTE IMMEDIATE one string literal (a quote in it written ''). Statement: 'EXECUTE "
                            + "IMMEDIATE CONCAT(")
                    .hasMessageContaining("migrations/001_dynamic.sql:5 (up): PREPARE ... FROM runs SQL built at run time")
                    .hasMessageContaining("migrations/001_dynamic.sql:7 (up): EXECUTE IMMEDIATE runs a string where "
                            + "write target " + db + ".audit names database " + db)
                    .hasMessageContaining("migrations/001_dynamic.sql:8 (up): write target " + db + ".audit");
            assertThat(tables(other)).containsExactly("audit");
            assertThat(rows(other, "audit")).isZero();
            assertThat(ws.files()).isEqualTo(before);
        }
    }

    @Test
    void mysqlReplayRunsSqlBuiltAtRunTimeOnlyWhenACommentVouchesForIt() {
        TestWorkspace ws = new TestWorkspace(dir, "mysql");
        String procedure = "CREATE PROCEDURE add_partition(IN upto int) BEGIN EXECUTE IMMEDIATE CONCAT('ALTER TABLE "
                + "events ADD PARTITION (PARTITION p', upto, ' VALUES LESS THAN (', upto, '))'); END;\n";
        String down = "DROP PROCEDURE add_partition;\nDROP TABLE events;";
        for (String comment : new String[] {"", "-- matey:nolint L105 partitions of events, in this database\n",
                "-- matey:nolint L101 partitions of events, in this database\n"}) {
            ws.migration("001_partitions.sql", "CREATE TABLE events (d int) PARTITION BY RANGE (d) "
                    + "(PARTITION p0 VALUES LESS THAN (1));\n" + comment + procedure + "CALL add_partition(5);", down);

            assertThatThrownBy(ws::plan).as(comment).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith("schema plan refused: a statement runs SQL built at run time")
                    .hasMessageContaining("migrations/001_partitions.sql:" + (comment.isEmpty() ? 3 : 4)
                            + " (up): EXECUTE IMMEDIATE runs SQL built at run time")
                    .hasMessageEndingWith("If SQL built at run time writes only in the target's own database, say so "
                            + "in the comment lines directly above the statement: \"-- matey:nolint L104 reason\" "
                            + "(L105 in a down section).");
        }
        ws.migration("001_partitions.sql", "CREATE TABLE events (d int) PARTITION BY RANGE (d) (PARTITION p0 VALUES "
                + "LESS THAN (1));\n-- matey:nolint L104\n" + procedure + "CALL add_partition(5);", down);
        assertThatThrownBy(ws::plan).isInstanceOf(MateyException.class).hasMessageContaining(
                "migrations/001_partitions.sql:4 (up): the -- matey:nolint L104 comment above gives no reason");

        ws.migration("001_partitions.sql", "CREATE TABLE events (d int) PARTITION BY RANGE (d) (PARTITION p0 VALUES "
                + "LESS THAN (1));\n-- matey:nolint L104 adds partitions of events, in this database\n" + procedure
                + "CALL add_partition(5);", down);
        assertThat(ws.apply().changed()).isTrue();
        assertThat(ws.read(TestWorkspace.TARGET + "/schema.sql")).contains("PARTITION `p5`")
                .contains("EXECUTE IMMEDIATE CONCAT(");
    }

    @Test
    void mysqlReplayRefusesALiteralWritingElsewhereWhateverACommentSays() throws SQLException {
        try (TestDatabase other = auditDatabase()) {
            String db = other.url().path();
            TestWorkspace ws = new TestWorkspace(dir, "mysql");
            ws.migration("001_log.sql", "-- matey:nolint L104 it only logs\nCREATE PROCEDURE log_it() BEGIN "
                    + "EXECUTE IMMEDIATE 'INSERT INTO " + db + ".audit VALUES (''y'')'; END;\nCALL log_it();",
                    "DROP PROCEDURE log_it;");

            assertThatThrownBy(ws::plan).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith("schema plan refused: a statement writes outside the target's database")
                    .hasMessageContaining("migrations/001_log.sql:3 (up): EXECUTE IMMEDIATE runs a string where "
                            + "write target " + db + ".audit names database " + db)
                    .hasMessageNotContaining("matey:nolint");
            assertThat(rows(other, "audit")).isZero();
        }
    }

    @Test
    void mysqlReplayRunsSqlFromLiteralsThatStayInItsDatabase() {
        TestWorkspace ws = new TestWorkspace(dir, "mysql");
        ws.migration("001_literal.sql", "EXECUTE IMMEDIATE 'CREATE TABLE made (id int)';\n"
                + "PREPARE st FROM 'INSERT INTO made VALUES (1)';\nEXECUTE st;\nDEALLOCATE PREPARE st;",
                "EXECUTE IMMEDIATE 'DROP TABLE made';");

        assertThat(ws.apply().changed()).isTrue();
        assertThat(ws.read(TestWorkspace.TARGET + "/schema.sql")).contains("CREATE TABLE `made`");
    }

    @Test
    void mysqlReplayMayReadAnotherDatabase() throws SQLException {
        try (TestDatabase other = TestDatabase.create("mysql")) {
            other.execute("CREATE TABLE countries (code char(2) PRIMARY KEY)");
            TestWorkspace ws = new TestWorkspace(dir, "mysql");
            ws.migration("001_view.sql", "CREATE VIEW country_codes AS SELECT code FROM " + other.url().path()
                    + ".countries;\nCREATE TABLE copy LIKE " + other.url().path() + ".countries;",
                    "DROP TABLE copy;\nDROP VIEW country_codes;");

            assertThat(ws.apply().changed()).isTrue();
            assertThat(ws.read(TestWorkspace.TARGET + "/schema.sql")).contains("CREATE TABLE `copy`")
                    .contains("`" + other.url().path() + "`.`countries`");
        }
    }

    @Test
    void sqliteReplayRefusesAttach() {
        TestWorkspace ws = new TestWorkspace(dir, "sqlite");
        Path attached = dir.resolve("attached.sqlite3");
        ws.migration("001_attach.sql", "ATTACH DATABASE '" + attached + "' AS aux;\nCREATE TABLE aux.t (id integer);",
                "DROP TABLE aux.t;");

        assertThatThrownBy(ws::plan).isInstanceOf(MateyException.class)
                .hasMessageContaining("migrations/001_attach.sql:2 (up): ATTACH opens another database file")
                .hasMessageContaining("migrations/001_attach.sql:3 (up): write target aux.t is in attached database aux");
        assertThat(attached).doesNotExist();
    }

    @Test
    void mysqlDbUpRefusesPendingCrossDatabaseWritesBeforeApplyingAny() throws Exception {
        try (TestDatabase other = TestDatabase.create("mysql"); LiveHarness h = LiveHarness.unborn(dir, "mysql")) {
            other.execute("CREATE TABLE audit (note varchar(40))");
            h.twoMigrations();
            // Artifacts made by another tool for a migration that replay would refuse: the lock covers the new bytes.
            h.ws.migration("002_two.sql", h.ws.createTable("it_two") + "\nINSERT INTO " + other.url().path()
                    + ".audit VALUES ('deployed');", "DROP TABLE it_two;");
            relock(h.ws, "mysql");

            assertThatThrownBy(h::up).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith("db up refused: a statement writes outside the target's database; nothing was run.")
                    .hasMessageContaining("migrations/002_two.sql:3 (up): write target " + other.url().path() + ".audit");
            assertThat(h.recordedVersions()).isZero();
            assertThat(rows(other, "audit")).isZero();
        }
    }

    @Test
    void mysqlDbUpRunsSqlBuiltAtRunTimeInTheUsersDatabase() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "mysql")) {
            h.twoMigrations();
            // Artifacts made by another tool: replay would refuse the PREPARE, a live database is the user's own.
            h.ws.migration("002_two.sql", h.ws.createTable("it_two") + "\nSET @s = CONCAT('DO ', 1);\n"
                    + "PREPARE st FROM @s;\nEXECUTE st;", "DROP TABLE it_two;");
            relock(h.ws, "mysql");

            h.up();
            assertThat(h.recordedVersions()).isEqualTo(2);
        }
    }

    /** Rewrites the lock over the worktree migrations and checkpoints as they are. */
    private static void relock(TestWorkspace ws, String engine) {
        Snapshot snapshot = Snapshot.ofWorktree(ws.target(), TestWorkspace.TARGET);
        List<LockFactory.StepSource> steps = new ArrayList<>();
        snapshot.migrations().forEach((file, bytes) -> {
            String checkpoint = Snapshot.checkpointPathFor(file);
            steps.add(new LockFactory.StepSource(Snapshot.versionOf(file), file, bytes, checkpoint,
                    snapshot.checkpoints().get(checkpoint).digest().orElseThrow(), null));
        });
        String schema = new String(snapshot.schema().orElseThrow(), StandardCharsets.UTF_8);
        ws.write(TestWorkspace.TARGET + "/schema.lock.toml",
                LockFileCodec.render(LockFactory.build(engine, TestWorkspace.TARGET, steps, schema)));
    }

    /** Another database on the same server, with an empty {@code audit} table a migration must not write. */
    private static TestDatabase auditDatabase() throws SQLException {
        TestDatabase other = TestDatabase.create("mysql");
        other.execute("CREATE TABLE audit (note varchar(40))");
        return other;
    }

    private static List<String> tables(TestDatabase db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW TABLES")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static int rows(TestDatabase db, String table) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
