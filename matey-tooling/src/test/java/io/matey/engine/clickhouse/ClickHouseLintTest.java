package io.matey.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.matey.lint.Finding;
import io.matey.lint.Linter;
import io.matey.testing.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code matey lint} on ClickHouse migrations, without a database. */
class ClickHouseLintTest {

    @TempDir
    Path dir;

    @Test
    void theAnalyticsHistoryHasNoErrors() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        try (Stream<Path> files = Files.list(ClickHouseCodegenReaderTest.fixture("analytics-history"))) {
            for (Path migration : files.sorted().toList()) {
                ws.write(TestWorkspace.TARGET + "/migrations/" + migration.getFileName(), Files.readString(migration));
            }
        }
        List<Finding> findings = Linter.lint(ws.matey().target(TestWorkspace.TARGET));
        assertThat(findings).filteredOn(f -> f.level() == Finding.Level.ERROR && !f.code().startsWith("L2"))
                .as("migration errors (the L2xx artifact findings: nothing was applied)").isEmpty();
        assertThat(findings).extracting(Finding::code).as("renames are warned about").contains("L405")
                .as("the drops carry nolint with their reasons").doesNotContain("L401");
    }

    @Test
    void aRoleIsAnErrorAsReplayRefusesIt() {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_reader.sql", "CREATE ROLE reader;", "DROP ROLE reader;");

        List<Finding> findings = Linter.lint(ws.matey().target(TestWorkspace.TARGET)).stream()
                .filter(f -> !f.code().startsWith("L2")).toList(); // L2xx: no lock yet

        assertThat(findings).extracting(Finding::code, Finding::line, Finding::level).as("not L108's warning too")
                .containsExactlyInAnyOrder(tuple("L104", 2, Finding.Level.ERROR), tuple("L105", 5, Finding.Level.ERROR));
    }

    @Test
    void aPasswordTheDumpWouldHideIsAnError() {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_remote.sql", """
                CREATE TABLE remote_users (id UInt64) ENGINE = MySQL('db:3306', 'app', 'users', 'reader', 'secret');""",
                "DROP TABLE remote_users;");
        ws.migration("002_dictionary.sql", """
                CREATE DICTIONARY plans (id UInt64, name String) PRIMARY KEY id
                SOURCE(CLICKHOUSE(TABLE 'plans_source' USER 'reader' PASSWORD 'secret'))
                LIFETIME(300) LAYOUT(HASHED());""", "DROP DICTIONARY plans;");
        ws.migration("003_fine.sql", """
                CREATE TABLE local_users (id UInt64) ENGINE = MySQL(named_mysql, table = 'users');""",
                "DROP TABLE local_users;");
        ws.migration("004_view.sql", """
                CREATE VIEW pg_users AS SELECT * FROM postgresql('pg:5432', 'app', 'users', 'reader', 'secret');""",
                "DROP VIEW pg_users;");
        ws.migration("005_fine_view.sql", """
                CREATE VIEW named_users AS SELECT * FROM postgresql(named_pg, table = 'users');""",
                "DROP VIEW named_users;");

        ws.migration("006_s3_view.sql", """
                CREATE VIEW s3_events AS
                SELECT * FROM s3('https://bucket.s3.amazonaws.com/events.csv', 'AKIAKEYID', 'S3cretKey', 'CSV', 'id UInt64');""",
                "DROP VIEW s3_events;");
        ws.migration("007_s3_table.sql", """
                CREATE TABLE s3_archive (id UInt64)
                ENGINE = S3('https://bucket.s3.amazonaws.com/archive.csv', 'AKIAKEYID', 'S3cretKey', 'CSV');""",
                "DROP TABLE s3_archive;");
        ws.migration("008_fine_remote.sql", """
                CREATE VIEW remote_users AS SELECT * FROM remote('h', app, users, 'reader');
                CREATE VIEW public_events AS SELECT * FROM s3('https://bucket.s3.amazonaws.com/e.csv', 'CSV', 'id UInt64');""",
                "DROP VIEW public_events;\nDROP VIEW remote_users;");
        ws.migration("009_remote_table.sql", """
                CREATE MATERIALIZED VIEW remote_copy ENGINE = MergeTree ORDER BY id
                AS SELECT * FROM remote('h', app.users, 'reader', 'secret');""", "DROP VIEW remote_copy;");

        List<Finding> l301 = Linter.lint(ws.matey().target(TestWorkspace.TARGET)).stream()
                .filter(f -> f.code().equals("L301")).toList();
        assertThat(l301).extracting(Finding::path, Finding::line, Finding::level).containsExactly(
                tuple("migrations/001_remote.sql", 2, Finding.Level.ERROR),
                tuple("migrations/002_dictionary.sql", 2, Finding.Level.ERROR),
                tuple("migrations/004_view.sql", 2, Finding.Level.ERROR),
                tuple("migrations/006_s3_view.sql", 2, Finding.Level.ERROR),
                tuple("migrations/007_s3_table.sql", 2, Finding.Level.ERROR),
                tuple("migrations/009_remote_table.sql", 2, Finding.Level.ERROR));
        assertThat(l301.get(3).message()).contains("view or table reading a table function given a remote server's "
                + "password or a storage secret key");
        assertThat(l301.get(4).message()).contains("table whose engine is given a remote server's password or a storage secret key");
        assertThat(l301.get(0).message()).contains("table whose engine is given a remote server's password",
                "'[HIDDEN]'", "named collection");
        assertThat(l301.get(1).message()).contains("dictionary whose source names a password");
        assertThat(l301.get(2).message()).contains("view or table reading a table function given a remote server's password");
    }

    /** The server hides every HTTP header's value, so the dump cannot render them, and no finding prints one. */
    @Test
    void httpHeadersAreAnErrorWhoseValuesNoFindingPrints() {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_url_view.sql", """
                CREATE VIEW api_events AS
                SELECT * FROM url('https://api.example.com/e.csv', 'CSV', 'id UInt64', headers('X-Api-Key' = 'K3yValue'));""",
                "DROP VIEW api_events;");
        ws.migration("002_s3_table.sql", """
                CREATE TABLE e ON CLUSTER c (id UInt64) ENGINE = S3('https://h/e.csv', headers('Cookie'='S3ssion'));""",
                "DROP TABLE e;");

        List<Finding> findings = Linter.lint(ws.matey().target(TestWorkspace.TARGET));
        assertThat(findings).filteredOn(f -> f.code().equals("L301")).extracting(Finding::path)
                .containsExactly("migrations/001_url_view.sql", "migrations/002_s3_table.sql");
        assertThat(findings).filteredOn(f -> f.code().equals("L301")).allSatisfy(f -> assertThat(f.message()).startsWith(
                "The ClickHouse schema dump cannot render a table or view sending HTTP headers (the server shows it as "
                        + "'[HIDDEN]'; keep credentials in a named collection)"));
        assertThat(findings).filteredOn(f -> f.code().equals("L409")).singleElement().extracting(Finding::message)
                .asString().contains("headers('Cookie'='****')");
        assertThat(findings).extracting(Finding::message).noneMatch(m -> m.contains("K3yValue") || m.contains("S3ssion"));
    }

    @Test
    void aDownSectionOfSettingsOnlyRestoresNothing() {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_events.sql", "CREATE TABLE events (id UInt64) ENGINE = MergeTree ORDER BY id;",
                "SET mutations_sync = 2;");

        assertThat(Linter.lint(ws.matey().target(TestWorkspace.TARGET))).extracting(Finding::code).contains("L102");
    }

    @Test
    void anAddedColumnGivesExistingRowsItsTypesDefault() {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_events.sql", "CREATE TABLE events (id UInt64) ENGINE = MergeTree ORDER BY id;", "DROP TABLE events;");
        ws.migration("002_flag.sql", "ALTER TABLE events ADD COLUMN flag UInt8 NOT NULL;", "ALTER TABLE events DROP COLUMN flag;");
        ws.migration("003_plain.sql", "ALTER TABLE events ADD COLUMN note String;", "ALTER TABLE events DROP COLUMN note;");
        ws.migration("004_nullable.sql", "ALTER TABLE events ADD COLUMN memo Nullable(String), ADD COLUMN n UInt8 DEFAULT 1,"
                + " ADD COLUMN tag LowCardinality(Nullable(String));", "ALTER TABLE events DROP COLUMN memo, DROP COLUMN n,"
                + " DROP COLUMN tag;");

        assertThat(Linter.lint(ws.matey().target(TestWorkspace.TARGET))).filteredOn(f -> f.code().equals("L402"))
                .extracting(Finding::path, Finding::message).as("a column not Nullable(...) is NOT NULL").containsExactly(
                        tuple("migrations/002_flag.sql", "Adding NOT NULL column 'events.flag' without a DEFAULT gives"
                                + " existing rows of 'events' an implicit zero value."),
                        tuple("migrations/003_plain.sql", "Adding NOT NULL column 'events.note' without a DEFAULT gives"
                                + " existing rows of 'events' an implicit zero value (its type is not Nullable(...), so"
                                + " the column is NOT NULL)."));
    }

    /**
     * JSqlParser keeps a CLEAR COLUMN or REPLACE PARTITION clause as text, and with it every clause after it: each
     * clause of such an ALTER is linted all the same, whichever comes first.
     */
    @Test
    void everyClauseOfAnAlterMixingClearColumnOrReplacePartitionWithOthersIsLinted() {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_events.sql", """
                CREATE TABLE events (id UInt64, at DateTime, v String, w String) ENGINE = MergeTree PARTITION BY toYYYYMM(at) ORDER BY id;
                CREATE TABLE staging (id UInt64, at DateTime, v String, w String) ENGINE = MergeTree PARTITION BY toYYYYMM(at) ORDER BY id;""",
                "SELECT 1;");
        ws.migration("002_mixed.sql", """
                ALTER TABLE events CLEAR COLUMN v IN PARTITION 202401, ADD COLUMN note String, DROP COLUMN w;
                ALTER TABLE staging REPLACE PARTITION 202401 FROM events, ADD COLUMN flag UInt8, DROP COLUMN v;""",
                "SELECT 1;");

        List<Finding> findings = Linter.lint(ws.matey().target(TestWorkspace.TARGET));
        assertThat(findings).filteredOn(f -> f.code().equals("L401")).extracting(Finding::line, Finding::message)
                .containsExactlyInAnyOrder(tuple(2, "Clearing column 'events.v' resets its values to the default."),
                        tuple(2, "Dropping column 'events.w' deletes its data."),
                        tuple(3, "Replacing partition 202401 of table 'staging' deletes its rows."),
                        tuple(3, "Dropping column 'staging.v' deletes its data."));
        assertThat(findings).filteredOn(f -> f.code().equals("L402")).extracting(Finding::line, Finding::message)
                .containsExactly(tuple(2, "Adding NOT NULL column 'events.note' without a DEFAULT gives existing rows of "
                                + "'events' an implicit zero value (its type is not Nullable(...), so the column is NOT NULL)."),
                        tuple(3, "Adding NOT NULL column 'staging.flag' without a DEFAULT gives existing rows of "
                                + "'staging' an implicit zero value (its type is not Nullable(...), so the column is NOT NULL)."));
    }

    @Test
    void mutationsAndLightweightDeletesAreWarnedAboutButTtlDeletesAreNot() {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_events.sql", "CREATE TABLE events (id UInt64, at DateTime, kind String) ENGINE = MergeTree "
                + "ORDER BY id;", "DROP TABLE events;");
        ws.migration("002_ttl.sql", "ALTER TABLE events MODIFY TTL at + INTERVAL 30 DAY DELETE WHERE kind = 'debug';",
                "ALTER TABLE events REMOVE TTL;");
        ws.migration("003_fix.sql", "ALTER TABLE events UPDATE kind = lower(kind) WHERE kind != lower(kind);", "SELECT 1;");
        ws.migration("004_purge.sql", "ALTER TABLE events ADD COLUMN note String, DELETE WHERE kind = 'spam';",
                "ALTER TABLE events DROP COLUMN note;");
        ws.migration("005_spam.sql", "SELECT 1;\nDELETE FROM events WHERE kind = 'spam';", "SELECT 1;");

        assertThat(Linter.lint(ws.matey().target(TestWorkspace.TARGET))).filteredOn(f -> f.code().equals("L408"))
                .extracting(Finding::path, Finding::line)
                .containsExactly(tuple("migrations/003_fix.sql", 2), tuple("migrations/004_purge.sql", 2),
                        tuple("migrations/005_spam.sql", 3));
    }

    @Test
    void droppingPartitionsOrPartsOrTruncatingAnExistingTableIsDestructive() {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_events.sql", """
                CREATE TABLE events (id UInt64, at DateTime) ENGINE = MergeTree PARTITION BY toYYYYMM(at) ORDER BY id;
                ALTER TABLE events DROP PARTITION 202312;""", "DROP TABLE events;");
        ws.migration("002_prune.sql", """
                ALTER TABLE events DROP PARTITION 202401;
                ALTER TABLE events DROP PART 'all_1_1_0';
                ALTER TABLE events DROP PARTITION ID '202402', DROP PARTITION tuple(202403);
                TRUNCATE TABLE IF EXISTS events;
                TRUNCATE events;""", "SELECT 1;");

        assertThat(Linter.lint(ws.matey().target(TestWorkspace.TARGET))).filteredOn(f -> f.code().equals("L401"))
                .extracting(Finding::path, Finding::line, Finding::message).as("not the table's own migration")
                .containsExactly(
                        tuple("migrations/002_prune.sql", 2, "Dropping partition 202401 of table 'events' deletes its rows."),
                        tuple("migrations/002_prune.sql", 3,
                                "Dropping part 'all_1_1_0' of table 'events' deletes its rows."),
                        tuple("migrations/002_prune.sql", 4,
                                "Dropping partition ID '202402' of table 'events' deletes its rows."),
                        tuple("migrations/002_prune.sql", 4,
                                "Dropping partition tuple(202403) of table 'events' deletes its rows."),
                        tuple("migrations/002_prune.sql", 5, "Truncating table 'events' deletes all its rows."),
                        tuple("migrations/002_prune.sql", 6, "Truncating table 'events' deletes all its rows."));
    }

    /**
     * What replaces an existing table's rows is destructive too: CREATE OR REPLACE of a table an earlier migration
     * created (not of a new one), CLEAR COLUMN, REPLACE PARTITION, EXCHANGE TABLES, and DROP VIEW of a materialized
     * view with an inner table (not of one writing TO a table, nor of a plain view).
     */
    @Test
    void replacingOrClearingRowsAndDroppingAnInnerTableViewAreDestructive() {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_events.sql", """
                CREATE TABLE events (id UInt64, at DateTime, v String) ENGINE = MergeTree PARTITION BY toYYYYMM(at) ORDER BY id;
                CREATE TABLE staging (id UInt64, at DateTime, v String) ENGINE = MergeTree PARTITION BY toYYYYMM(at) ORDER BY id;
                CREATE MATERIALIZED VIEW inner_mv ENGINE = MergeTree ORDER BY id AS SELECT id FROM events;
                CREATE MATERIALIZED VIEW to_mv TO staging AS SELECT id, at, v FROM events;
                CREATE VIEW plain AS SELECT id FROM events;""", "SELECT 1;");
        ws.migration("002_replace.sql", """
                CREATE OR REPLACE TABLE events (id UInt64, at DateTime, v String) ENGINE = MergeTree ORDER BY id;
                CREATE OR REPLACE TABLE fresh (id UInt64) ENGINE = MergeTree ORDER BY id;
                ALTER TABLE staging CLEAR COLUMN v;
                ALTER TABLE staging REPLACE PARTITION 202401 FROM events;
                EXCHANGE TABLES staging AND events;
                DROP VIEW inner_mv;
                DROP VIEW to_mv;
                DROP VIEW plain;""", "SELECT 1;");

        assertThat(Linter.lint(ws.matey().target(TestWorkspace.TARGET))).filteredOn(f -> f.code().equals("L401"))
                .extracting(Finding::path, Finding::line, Finding::message).containsExactly(
                        tuple("migrations/002_replace.sql", 2, "Replacing table 'events' (CREATE OR REPLACE) deletes its rows."),
                        tuple("migrations/002_replace.sql", 4, "Clearing column 'staging.v' resets its values to the default."),
                        tuple("migrations/002_replace.sql", 5,
                                "Replacing partition 202401 of table 'staging' deletes its rows."),
                        tuple("migrations/002_replace.sql", 6, "Exchanging tables 'staging' and 'events' swaps their "
                                + "rows: each name then holds the other's."),
                        tuple("migrations/002_replace.sql", 7,
                                "Dropping materialized view 'inner_mv' drops its inner table and the rows in it."));
    }

    /**
     * Matey runs a section's statements one by one, and lint reads each; dbmate sends the section as one request, which
     * ClickHouse refuses, so lint says so once per section, unless the target does not run its files with dbmate.
     */
    @Test
    void everyStatementOfASectionIsLintedAndSeveralAreWhatDbmateFailsOn() {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_events.sql", "CREATE TABLE events (id UInt64, kind String) ENGINE = MergeTree ORDER BY id;",
                "DROP TABLE events;");
        ws.migration("002_kinds.sql", """
                CREATE TABLE kinds (kind String, note String) ENGINE = MergeTree ORDER BY kind;
                INSERT INTO kinds VALUES ('a;b', 'it\\'s; DROP TABLE x');
                ALTER TABLE events DROP COLUMN kind;""", "DROP TABLE kinds;\nALTER TABLE events ADD COLUMN kind String;");

        List<Finding> findings = Linter.lint(ws.matey().target(TestWorkspace.TARGET));
        assertThat(findings).filteredOn(f -> f.code().equals("L401")).extracting(Finding::line, Finding::message)
                .as("the third statement, after a literal holding ';' and an escaped quote")
                .containsExactly(tuple(4, "Dropping column 'events.kind' deletes its data."));
        assertThat(findings).filteredOn(f -> f.code().equals("L015"))
                .extracting(Finding::path, Finding::line, Finding::level)
                .containsExactly(tuple("migrations/002_kinds.sql", 3, Finding.Level.WARNING),
                        tuple("migrations/002_kinds.sql", 8, Finding.Level.WARNING));
        assertThat(findings).filteredOn(f -> f.code().equals("L015")).first().extracting(Finding::message)
                .isEqualTo("The '-- migrate:up' section holds 3 statements: dbmate sends a section as one request, "
                        + "which ClickHouse refuses ('Multi-statements are not allowed'), so dbmate fails on this "
                        + "migration and records nothing; Matey runs the statements one by one.");

        String config = TestWorkspace.TARGET + "/config.toml";
        ws.write(config, ws.read(config) + "allow_non_dbmate_files = true\n");
        assertThat(Linter.lint(ws.matey().target(TestWorkspace.TARGET))).extracting(Finding::code)
                .as("a target dbmate does not run").doesNotContain("L015").contains("L401");
    }

    @Test
    void onClusterIsAnErrorInEitherSection() {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_events.sql", "CREATE TABLE events ON CLUSTER main (id UInt64) ENGINE = MergeTree ORDER BY id;",
                "DROP TABLE events ON CLUSTER main;");

        assertThat(Linter.lint(ws.matey().target(TestWorkspace.TARGET))).filteredOn(f -> f.code().equals("L409"))
                .extracting(Finding::level).containsExactly(Finding.Level.ERROR, Finding.Level.ERROR);
    }
}
