package io.matey.engine.clickhouse;

import io.matey.engine.FailureCommands;
import io.matey.engine.MateyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.matey.engine.MigrationFailedException;
import io.matey.engine.MigrationProgress;
import io.matey.engine.MigrationRunner;
import io.matey.error.MateyException;
import io.matey.live.LiveChange;
import io.matey.log.DebugLines;
import io.matey.live.LiveDatabase;
import io.matey.live.LiveDrift;
import io.matey.migration.Migration;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import io.matey.workspace.TargetConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay and the live commands on ClickHouse, end to end through the façade and {@link LiveDatabase}. */
class ClickHouseLiveTest {

    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();

    private TestWorkspace workspace() {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_events.sql", """
                CREATE TABLE events (id UInt64, kind LowCardinality(String), at DateTime64(3, 'UTC'))
                ENGINE = MergeTree PARTITION BY toYYYYMM(at) ORDER BY (kind, id);""", "DROP TABLE events;");
        ws.migration("002_daily.sql", """
                CREATE TABLE daily (day Date, kind String, n UInt64) ENGINE = SummingMergeTree ORDER BY (day, kind);
                CREATE MATERIALIZED VIEW daily_mv TO daily AS
                SELECT toDate(at) AS day, kind, count() AS n FROM events GROUP BY day, kind;""",
                "DROP VIEW daily_mv;\nDROP TABLE daily;");
        ws.apply();
        return ws;
    }

    private TargetConfig target(TestWorkspace ws) {
        return ws.matey().target(TestWorkspace.TARGET);
    }

    @Test
    void upDownAndDriftOnALiveDatabase() throws Exception {
        TestWorkspace ws = workspace();
        assertThat(ws.read("db/core/schema.sql")).contains("CREATE MATERIALIZED VIEW daily_mv TO daily")
                .contains("INSERT INTO schema_migrations (version) VALUES\n  ('001'),\n  ('002');");
        LiveDatabase live = new LiveDatabase(ws.env(), progress::add);
        try (TestDatabase db = TestDatabase.unborn("clickhouse")) {
            String url = db.url().raw();
            LiveChange up = live.up(target(ws), url);
            assertThat(up.created()).isTrue();
            assertThat(up.after()).isEqualTo(2);
            assertThat(live.plan(target(ws), url).match()).isTrue();
            assertThat(live.drift(target(ws), url).drifted()).isFalse();

            LiveChange down = live.down(target(ws), url, 1);
            assertThat(down.after()).isEqualTo(1);
            assertThat(live.status(target(ws), url).pending()).isEqualTo(1);
            try (Connection c = db.connect()) {
                assertThat(ClickHouseEngineTest.strings(c, "SELECT applied FROM schema_migrations FINAL ORDER BY version"))
                        .as("dbmate's rollback row").containsExactly("1", "0");
            }

            db.execute("CREATE TABLE out_of_band (id UInt8) ENGINE = Memory");
            LiveDrift drift = live.drift(target(ws), url);
            assertThat(drift.drifted()).isTrue();
            assertThat(drift.diff()).contains("+CREATE TABLE out_of_band");
        }
    }

    @Test
    void bootstrapLoadsSchemaSqlAndDriftAgrees() throws Exception {
        TestWorkspace ws = workspace();
        LiveDatabase live = new LiveDatabase(ws.env(), progress::add);
        try (TestDatabase db = TestDatabase.unborn("clickhouse")) {
            String url = db.url().raw();
            LiveChange bootstrap = live.bootstrap(target(ws), url);
            assertThat(bootstrap.after()).isEqualTo(2);
            assertThat(live.status(target(ws), url).applied()).isEqualTo(2);
            assertThat(live.drift(target(ws), url).drifted()).isFalse();
            assertThat(live.plan(target(ws), url).match()).isTrue();
        }
    }

    /**
     * A materialized view reading schema_migrations, which the server checks exists: the dump's migrations block comes
     * after it, so each load creates the table first (docs/architecture.md §3).
     */
    @Test
    void aMaterializedViewOnTheMigrationsTableBootstrapsAndAnchorsAReplay() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_applied.sql", "CREATE MATERIALIZED VIEW applied ENGINE = MergeTree ORDER BY version "
                + "AS SELECT version FROM schema_migrations;", "DROP VIEW applied;");
        ws.apply();
        ws.migration("002_more.sql", "CREATE TABLE more (id UInt64) ENGINE = MergeTree ORDER BY id;", "DROP TABLE more;");
        assertThat(ws.apply().changed()).as("the replay loads 001's checkpoint as its anchor").isTrue();
        LiveDatabase live = new LiveDatabase(ws.env(), progress::add);
        try (TestDatabase db = TestDatabase.unborn("clickhouse")) {
            String url = db.url().raw();
            assertThat(live.bootstrap(target(ws), url).after()).isEqualTo(2);
            assertThat(live.drift(target(ws), url).drifted()).isFalse();
        }
    }

    @Test
    void theRichSchemaFixtureReplaysBootstrapsWithoutDriftAndIsAFixedPoint() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        try (var files = java.nio.file.Files.list(ClickHouseCodegenReaderTest.fixture("rich-schema"))) {
            for (Path file : files.sorted().toList()) {
                ws.write(TestWorkspace.TARGET + "/migrations/" + file.getFileName(), java.nio.file.Files.readString(file));
            }
        }
        ws.apply();
        String schema = ws.read("db/core/schema.sql");
        assertThat(schema).contains("CREATE MATERIALIZED VIEW", "CREATE DICTIONARY", "PROJECTION", "TTL", "CODEC(");
        LiveDatabase live = new LiveDatabase(ws.env(), progress::add);
        try (TestDatabase db = TestDatabase.unborn("clickhouse"); TestDatabase copy = TestDatabase.create("clickhouse")) {
            assertThat(live.bootstrap(target(ws), db.url().raw()).after()).isEqualTo(5);
            assertThat(live.drift(target(ws), db.url().raw()).drifted()).isFalse();
            assertThat(live.plan(target(ws), db.url().raw()).match()).isTrue();

            copy.execute(schema);
            assertThat(ClickHouseSchemaDumpTest.dump(copy)).isEqualTo(io.matey.schema.SchemaDump.withoutMigrations(schema));
        }
    }

    @Test
    void aFailingSectionNamesTheStatementsThatTookEffectAndLeavesAMarker() throws Exception {
        String text = """
                -- migrate:up
                CREATE TABLE first_one (id UInt8) ENGINE = MergeTree ORDER BY id;
                CREATE TABLE second_one (id UInt8) ENGINE = MergeTree ORDER BY id;
                CREATE TABLE broken (id UInt8) ENGINE = NoSuchEngine;
                -- migrate:down
                DROP TABLE second_one;
                DROP TABLE first_one;
                """;
        Migration migration = migration(text);
        try (TestDatabase db = TestDatabase.create("clickhouse"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);
            MigrationRunner runner = new MigrationRunner(db.engine(), c, FailureCommands.ROOT);

            assertThatThrownBy(() -> runner.up(migration)).isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("migrations/003_broken.sql:4: up section failed")
                    .hasMessageContaining("Statements at line(s) 2, 3 took effect")
                    .hasMessageContaining("its version is not recorded");
            assertThat(db.engine().migrationTable().appliedVersions(c)).isEmpty();
            assertThat(db.engine().progressTable().read(c)).contains(new MigrationProgress.Marker("003", "up", 2, 3));

            runner.resume(migration(text.replace("NoSuchEngine", "Memory")), MigrationRunner.UP, 2);
            assertThat(db.engine().progressTable().read(c)).isEmpty();
            assertThat(db.engine().migrationTable().appliedVersions(c)).containsExactly("003");
        }
    }

    /**
     * A MODIFY COLUMN whose rows do not convert changes the table's metadata, then its mutation fails and stays
     * queued, holding back every later mutation of the table: the failure names the mutation and how to kill it, and
     * says that the statement took effect in part (the column's type changed), not that nothing ran.
     */
    @Test
    void aFailedMutationIsNamedWithTheKillThatCancelsIt() throws Exception {
        try (TestDatabase db = TestDatabase.create("clickhouse"); Connection c = db.connect()) {
            MigrationRunner runner = planWithAFreeRow(db, c);

            Throwable failure = catchThrowable(() -> runner.up(migration(
                    "-- migrate:up\nALTER TABLE plans MODIFY COLUMN name UInt64;\n-- migrate:down\n")));
            assertThat(failure).isInstanceOf(MigrationFailedException.class).hasMessageContaining(
                    "The failed mutation stays queued on the server, which retries it, and holds back every later "
                            + "mutation of the table: cancel it with `KILL MUTATION WHERE database = currentDatabase() AND "
                            + "mutation_id = 'mutation_").hasMessageContaining("No statement before it had run; its "
                    + "version is not recorded. The failed statement (line 2) took effect in part: ClickHouse applied its "
                    + "change of the table's definition").hasMessageContaining("system.mutations")
                    .hasMessageContaining("do not record the version with `db adopt`")
                    .hasMessageNotContaining("No statement of this section had run");
            assertThat(db.engine().failingMutations(c)).singleElement().asString()
                    .contains("of table plans, (MODIFY COLUMN `name` UInt64), fails: Code: 6.", "KILL MUTATION");
            String kill = failure.getMessage().replaceFirst("(?s).*`(KILL MUTATION [^`]*)`.*", "$1");
            db.execute(kill);
            db.execute("ALTER TABLE plans MODIFY COLUMN name String SETTINGS mutations_sync = 2");
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name FROM plans")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("killed, the table is repaired").isEqualTo("free");
            }
        }
    }

    /**
     * In a section of two statements (a target that allows such files), the first took effect and the failed mutation's
     * statement in part: both lines are named, and the marker counts the first, so a resume runs the failed one again.
     */
    @Test
    void aFailedMutationAfterAnotherStatementNamesBothLines() throws Exception {
        try (TestDatabase db = TestDatabase.create("clickhouse"); Connection c = db.connect()) {
            MigrationRunner runner = planWithAFreeRow(db, c);

            assertThatThrownBy(() -> runner.up(migration("-- migrate:up\nCREATE TABLE notes (id UInt8) ENGINE = Memory;\n"
                    + "ALTER TABLE plans MODIFY COLUMN name UInt64;\n-- migrate:down\n")))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("Statements at line(s) 2 took effect and stay applied")
                    .hasMessageContaining("The failed statement (line 3) took effect in part")
                    .hasMessageContaining("runs the section again from the failed statement");
            assertThat(db.engine().progressTable().read(c)).contains(new MigrationProgress.Marker("003", "up", 1, 2));
            db.execute(db.engine().failingMutations(c).get(0).replaceFirst(".*`(KILL MUTATION [^`]*)`.*", "$1"));
        }
    }

    /** A table {@code plans} holding the row (1, 'free'), whose name no number parses, and a runner on it. */
    private static MigrationRunner planWithAFreeRow(TestDatabase db, Connection c) throws Exception {
        db.execute("CREATE TABLE plans (id UInt32, name String) ENGINE = MergeTree ORDER BY id");
        db.execute("INSERT INTO plans VALUES (1, 'free')");
        db.engine().migrationTable().ensure(c);
        return new MigrationRunner(db.engine(), c, FailureCommands.ROOT);
    }

    /** A statement sending HTTP headers fails on the real server: neither its failure nor its debug line shows a value. */
    @Test
    void aFailingStatementsHeaderValuesAreMaskedInItsFailureAndDebugLine() throws Exception {
        try (DebugLines debug = new DebugLines(); TestDatabase db = TestDatabase.create("clickhouse");
                Connection c = db.connect()) {
            db.execute("CREATE TABLE calls (id UInt64) ENGINE = MergeTree ORDER BY id");
            db.engine().migrationTable().ensure(c);
            MigrationRunner runner = new MigrationRunner(db.engine(), c, FailureCommands.ROOT);

            Throwable failure = catchThrowable(() -> runner.up(migration("-- migrate:up\nINSERT INTO calls SELECT * FROM "
                    + "url('http://127.0.0.1:1/c', 'CSV', 'id UInt64', headers('Authorization'='Bearer T0k3n'));\n")));

            String masked = "headers('Authorization'='****')";
            assertThat(failure).isInstanceOf(MigrationFailedException.class).hasMessageContaining(masked)
                    .hasMessageNotContaining("T0k3n");
            assertThat(debug.lines()).anyMatch(line -> line.contains(masked)).noneMatch(line -> line.contains("T0k3n"));
        }
    }

    /**
     * A syntax error makes the server quote the statement in its own words: the secrets of a call in that quote are
     * masked as in the statement Matey shows.
     */
    @Test
    void theServersQuoteOfAFailingStatementHasItsSecretsMasked() throws Exception {
        try (TestDatabase db = TestDatabase.create("clickhouse"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);
            MigrationRunner runner = new MigrationRunner(db.engine(), c, FailureCommands.ROOT);

            Throwable failure = catchThrowable(() -> runner.up(migration("-- migrate:up\nINSERT INTO calls SELEC * "
                    + "FROM s3('http://127.0.0.1:1/b/c.csv', 'AKIAKEY', 'S3cr3tKey', 'CSV');\n")));

            assertThat(failure).isInstanceOf(MigrationFailedException.class).hasMessageContaining("Syntax error")
                    .hasMessageNotContaining("S3cr3tKey");
        }
    }

    /**
     * A statement that outlasts the URL's socket_timeout fails naming the masked URL, the timeout in effect, its
     * file and line and how to raise the timeout; it is cancelled on the server rather than left to run on, and the
     * advice is an interruption's, since it may have taken effect.
     */
    @Test
    void aStatementThatOutlastsTheReadTimeoutNamesTheDatabaseTheMigrationAndTheCure() throws Exception {
        try (TestDatabase db = TestDatabase.create("clickhouse")) {
            MateyUrl url = MateyUrl.parse(db.url().raw() + (db.url().raw().contains("?") ? "&" : "?") + "socket_timeout=1000");
            try (Connection c = db.engine().connect(url)) {
                db.engine().migrationTable().ensure(c);
                MigrationRunner runner = new MigrationRunner(db.engine(), c, FailureCommands.ROOT);

                Throwable failure = catchThrowable(() -> runner.up(migration(
                        "-- migrate:up\nCREATE TABLE slow (id UInt64) ENGINE = MergeTree ORDER BY id;\n"
                                + "INSERT INTO slow SELECT sleepEachRow(1) FROM numbers(3);\n-- migrate:down\n")));

                assertThat(failure).isInstanceOf(MigrationFailedException.class).hasMessageContaining(
                        "migrations/003_broken.sql:3: up section failed: no answer came from the database while statement "
                                + "2 of 2 ran: ClickHouse at " + url + " sent no answer within socket_timeout (1000 ms, as "
                                + "the URL sets it). If the statement needs longer, raise it on the URL (`socket_timeout="
                                + "<milliseconds>`, e.g. socket_timeout=7200000 for two hours). Matey cancelled the "
                                + "statement on the server, where it would have run on. Statement: 'INSERT INTO slow")
                        .hasMessageContaining("this one may have taken effect too")
                        .hasMessageNotContaining(TestDatabase.serverBase("clickhouse").password());
                Thread.sleep(3000);
                assertThat(TestDatabase.firstValue(c, "SELECT count() FROM slow")).as("cancelled, not run on").isEqualTo("0");
            }
        }
    }

    private static Migration migration(String text) {
        return new Migration("migrations/003_broken.sql", "003", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void writesToAnotherDatabaseAreRefusedBeforeAnythingRuns() throws Exception {
        TestWorkspace ws = workspace();
        ws.migration("003_elsewhere.sql", "CREATE TABLE local_one (id UInt8) ENGINE = Memory;\n"
                + "CREATE MATERIALIZED VIEW copy_mv TO other_db.copy AS SELECT id FROM local_one;", "DROP VIEW copy_mv;");
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                .hasMessageContaining("migrations/003_elsewhere.sql:3 (up)")
                .hasMessageContaining("write target other_db.copy names database other_db");
    }

}
