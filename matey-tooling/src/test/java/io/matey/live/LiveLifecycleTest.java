package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.artifact.Digests;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.testing.EngineMatrix;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/** Up, status, plan, drift, down, migrate and bootstrap on every engine that runs here. */
class LiveLifecycleTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix
    void upDownMigrateCycleIsVerifiedAtEveryIndex(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine).twoMigrations()) {
            LiveChange up = h.up();
            assertThat(up.command()).isEqualTo("up");
            assertThat(up.created()).isTrue();
            assertThat(up.before()).isZero();
            assertThat(up.after()).isEqualTo(2);
            assertThat(up.migrations()).extracting(MigrationTiming::file)
                    .containsExactly("migrations/001_one.sql", "migrations/002_two.sql");
            assertThat(up.migrations()).allSatisfy(t -> assertThat(t.duration()).isPositive());

            LiveStatus status = h.status();
            assertThat(status.migrations()).containsExactly(
                    new LiveStatus.Entry("migrations/001_one.sql", "001", true),
                    new LiveStatus.Entry("migrations/002_two.sql", "002", true));
            assertThat(status.applied()).isEqualTo(2);
            assertThat(status.pending()).isZero();

            LivePlan plan = h.plan();
            assertThat(plan.applied()).isEqualTo(2);
            assertThat(plan.targetIndex()).isEqualTo(2);
            assertThat(plan.match()).isTrue();
            assertThat(plan.diff()).isEmpty();
            assertThat(plan.sql()).isEqualTo(h.ws.read("db/core/schema.sql"));
            assertDrift(h.drift(), 2, false);

            LiveChange down = h.down(1);
            assertThat(down.before()).isEqualTo(2);
            assertThat(down.after()).isEqualTo(1);
            assertThat(down.migrations()).extracting(MigrationTiming::file).containsExactly("migrations/002_two.sql");

            LivePlan behind = h.plan();
            assertThat(behind.applied()).isEqualTo(1);
            assertThat(behind.targetIndex()).isEqualTo(2);
            assertThat(behind.match()).isFalse();
            assertThat(behind.diff()).contains("--- schema.sql\n+++ live/schema.sql")
                    .containsPattern("-.*it_two");
            assertDrift(h.drift(), 1, false);
            assertThat(h.status().pending()).isEqualTo(1);

            LiveChange migrate = h.migrate();
            assertThat(migrate.created()).isFalse();
            assertThat(migrate.before()).isEqualTo(1);
            assertThat(migrate.after()).isEqualTo(2);
            assertThat(h.plan().match()).isTrue();

            LiveChange noop = h.up();
            assertThat(noop.before()).isEqualTo(2);
            assertThat(noop.migrations()).isEmpty();
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void bootstrapLoadsSchemaSqlIntoAnEmptyDatabaseOnly(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine).twoMigrations()) {
            LiveChange bootstrap = h.bootstrap();
            assertThat(bootstrap.command()).isEqualTo("bootstrap");
            assertThat(bootstrap.created()).isTrue();
            assertThat(bootstrap.before()).isZero();
            assertThat(bootstrap.after()).isEqualTo(2);
            assertThat(bootstrap.migrations()).isEmpty();
            LiveStatus status = h.status();
            assertThat(status.applied()).isEqualTo(2);
            assertThat(status.pending()).isZero();
            assertThat(h.plan().match()).isTrue();
            assertThat(h.recordedVersions()).isEqualTo(2);

            assertThatThrownBy(h::bootstrap).isInstanceOf(MateyException.class)
                    .hasMessageContaining("db bootstrap requires an empty or unapplied database")
                    .hasMessageContaining("has 2 applied migration(s)");
        }
        try (LiveHarness h = LiveHarness.created(dir.resolve("other"), engine).twoMigrations()) {
            h.db.execute("CREATE TABLE unrelated (id INT);");
            assertThatThrownBy(h::bootstrap).isInstanceOf(MateyException.class)
                    .hasMessageContaining("db bootstrap requires an empty database")
                    .hasMessageContaining("already has schema objects");
            assertThat(h.status().applied()).isZero();
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void aBootstrapWhoseLoadFailsDropsTheDatabaseItCreatedAndLeavesOneItFound(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine).twoMigrations()) {
            repeatTheFirstStatementOfTheHeadSchema(h);

            assertThatThrownBy(h::bootstrap).isInstanceOf(MateyException.class)
                    .hasMessageContaining("db bootstrap load of schema.sql failed: line ")
                    .hasMessageContaining("already exists").hasMessageNotContaining("(conn=")
                    .hasMessageEndingWith("The database " + h.db.url() + " that it created was dropped.");
            assertThat(h.db.engine().databaseExists(h.db.url())).isFalse();
        }
        try (LiveHarness h = LiveHarness.created(dir.resolve("other"), engine).twoMigrations()) {
            repeatTheFirstStatementOfTheHeadSchema(h);

            assertThatThrownBy(h::bootstrap).isInstanceOf(MateyException.class)
                    .hasMessageContaining("db bootstrap load of schema.sql failed")
                    .hasMessageEndingWith(h.db.engine().transactionalDdl() ? "Nothing was loaded."
                            : "Statements before it stay applied; empty the database before trying again.");
            assertThat(h.db.engine().databaseExists(h.db.url())).isTrue();
        }
    }

    /**
     * Makes the committed head schema fail to load after its first statement ran, as a schema a server would not
     * take back does: that statement twice, the lock's digests following.
     */
    private static void repeatTheFirstStatementOfTheHeadSchema(LiveHarness h) {
        String schema = h.ws.read("db/core/schema.sql");
        String first = schema.substring(0, schema.indexOf(";\n") + 2);
        String broken = first + "\n" + schema;
        h.ws.write("db/core/schema.sql", broken);
        h.ws.write("db/core/checkpoints/002_two.sql", broken);
        h.ws.write("db/core/schema.lock.toml", h.ws.read("db/core/schema.lock.toml")
                .replace(Digests.sqlDigest(schema), Digests.sqlDigest(broken)));
    }

    @ParameterizedTest
    @EngineMatrix
    void downToZeroIsVerifiedAgainstTheZeroBaseline(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine).twoMigrations()) {
            h.up();
            LiveChange down = h.down(2);
            assertThat(down.after()).isZero();
            assertThat(down.migrations()).extracting(MigrationTiming::file)
                    .containsExactly("migrations/002_two.sql", "migrations/001_one.sql");
            assertThat(h.status().applied()).isZero();
            assertThat(h.status().pending()).isEqualTo(2);
            assertDrift(h.drift(), 0, false);
            LivePlan plan = h.plan();
            assertThat(plan.applied()).isZero();
            assertThat(plan.match()).isFalse();

            assertThatThrownBy(() -> h.down(1)).isInstanceOf(MateyException.class)
                    .hasMessage("db down refused: it would roll back the latest migration, but only 0 migration(s) are "
                            + "applied; nothing was rolled back.");
            assertThatThrownBy(() -> h.down(0)).hasMessage("down steps must be greater than zero.");
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void migrateNeverCreatesTheDatabaseButUpDoes(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine).twoMigrations()) {
            assertThatThrownBy(h::migrate).isInstanceOf(MateyException.class)
                    .hasFieldOrPropertyWithValue("reason", Reason.DATABASE_UNAVAILABLE)
                    .hasMessageStartingWith("db migrate failed: live database " + h.db.url() + " does not exist.")
                    .hasMessageContaining("`matey db up --path db/core --url '" + h.db.url() + "'` (or `db bootstrap`) creates it");
            LiveStatus missing = h.status();
            assertThat(missing.databaseMissing()).isTrue();
            assertThat(missing.applied()).isZero();
            assertThat(missing.pending()).isEqualTo(2);
            assertThat(h.db.engine().databaseExists(h.db.url())).as("status creates nothing").isFalse();
            assertThat(h.up().created()).isTrue();
            assertThat(h.plan().match()).isTrue();
            assertThat(h.status().databaseMissing()).isFalse();
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void statusReadsADatabaseWithoutMigrationsTable(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine).twoMigrations()) {
            LiveStatus status = h.status();
            assertThat(status.applied()).isZero();
            assertThat(status.pending()).isEqualTo(2);
            assertThat(status.prefix().relation()).isEqualTo(LivePrefix.Relation.BEHIND);
            assertDrift(h.drift(), 0, false);
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void outOfBandTableIsDriftAndShowsInThePlanDiff(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine).twoMigrations()) {
            h.up();
            h.db.execute("CREATE TABLE it_db_extra (id INT);");
            LiveDrift drift = h.drift();
            assertDrift(drift, 2, true);
            assertThat(drift.diff()).contains("--- schema.sql\n+++ live/schema.sql")
                    .containsPattern("\\+.*it_db_extra");
            LivePlan plan = h.plan();
            assertThat(plan.match()).isFalse();
            assertThat(plan.targetIndex()).isEqualTo(2);
            assertThat(plan.diff()).contains("--- schema.sql\n+++ live/schema.sql")
                    .containsPattern("\\+.*it_db_extra");
            assertThatThrownBy(h::up).isInstanceOf(MateyException.class)
                    .hasFieldOrPropertyWithValue("reason", Reason.DATABASE_DRIFTED)
                    .hasMessageStartingWith("db up applied nothing; the live schema differs from expected schema at index 2 "
                            + "(schema.sql)")
                    .hasMessageContaining("it_db_extra");

            // A rollback would lose the out-of-band change without trace: refused before anything runs.
            assertThatThrownBy(() -> h.down(1)).isInstanceOf(MateyException.class)
                    .hasFieldOrPropertyWithValue("reason", Reason.DATABASE_DRIFTED)
                    .hasMessageStartingWith("db down refused: the live schema differs from the committed state at "
                            + "index 2 (schema.sql)")
                    .hasMessageContaining("nothing was rolled back")
                    .hasMessageContaining("it_db_extra");
            assertThat(h.status().applied()).isEqualTo(2);
            assertDrift(h.drift(), 2, true);
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void pendingMigrationsDoNotRunOverDrift(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine).twoMigrations()) {
            h.up();
            h.down(1);
            h.db.execute("CREATE TABLE it_db_extra (id INT);");
            for (ThrowingCallable command : new ThrowingCallable[] {h::up, h::migrate}) {
                assertThatThrownBy(command).isInstanceOf(MateyException.class)
                        .hasFieldOrPropertyWithValue("reason", Reason.DATABASE_DRIFTED)
                        .hasMessageContaining(" refused: the live schema differs from the committed state at index 1 "
                                + "(checkpoints/001_one.sql), and 1 pending migration would run over changes made "
                                + "outside migrations; nothing was applied. Undo them and run again; or, when they "
                                + "are what a pending migration does, record that migration without running it "
                                + "(`matey db adopt")
                        .hasMessageContaining("`matey db drift --path db/core --url '" + h.db.url() + "'` shows the changes:\n"
                                + "--- checkpoints/001_one.sql\n+++ live/schema.sql")
                        .hasMessageContaining("it_db_extra")
                        .hasMessageNotContaining("it_two");
            }
            assertThat(h.status().applied()).isEqualTo(1);
            assertDrift(h.drift(), 1, true);

            h.db.execute("DROP TABLE it_db_extra;");
            assertThat(h.up().after()).isEqualTo(2);
        }
    }

    /** The walkthrough's case: a column added by hand, then a migration adding it, failed as a duplicate column. */
    @ParameterizedTest
    @EngineMatrix
    void aHandChangeThatIsThePendingMigrationPointsAtAdopt(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine).twoMigrations()) {
            h.up();
            h.db.execute("ALTER TABLE it_two ADD COLUMN note VARCHAR(20)");
            h.ws.migration("003_note.sql", "ALTER TABLE it_two ADD COLUMN note VARCHAR(20);",
                    "ALTER TABLE it_two DROP COLUMN note;");
            h.ws.apply();
            assertThatThrownBy(h::up).isInstanceOf(MateyException.class)
                    .hasFieldOrPropertyWithValue("reason", Reason.DATABASE_DRIFTED)
                    .hasMessageStartingWith("db up refused: the live schema differs from the committed state at index 2 "
                            + "(checkpoints/002_two.sql)")
                    .hasMessageContaining("nothing was applied. They are what migrations/003_note.sql does: the live "
                            + "schema equals the committed state at index 3 (schema.sql). Record it without running "
                            + "it (`matey db adopt")
                    .hasMessageContaining(" --apply`), or undo the changes and run again. `matey db drift --path db/core --url '"
                            + h.db.url() + "'` shows them:\n")
                    .hasMessageContaining("note");
            assertThat(h.status().applied()).isEqualTo(2);

            h.live.adopt(h.target(), h.url(), true);
            LiveChange up = h.up();
            assertThat(up.after()).isEqualTo(3);
            assertThat(up.migrations()).isEmpty();
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void databaseAheadOrDivergedIsRefusedAndReportedAsDrift(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine).twoMigrations()) {
            h.up();
            h.db.execute("INSERT INTO schema_migrations (version) VALUES ('003');");
            assertThat(h.status().unknownVersions()).containsExactly("003");
            assertThat(h.status().prefix().relation()).isEqualTo(LivePrefix.Relation.AHEAD);
            assertThatThrownBy(h::up).isInstanceOf(MateyException.class)
                    .hasFieldOrPropertyWithValue("reason", Reason.DATABASE_AHEAD)
                    .hasMessageContaining("db up refused: live database is ahead of the worktree")
                    .hasMessageContaining("version 003");
            assertThatThrownBy(() -> h.down(1)).hasMessageContaining("db down refused: live database is ahead");
            assertDrift(h.drift(), 2, true);
            assertThat(h.plan().match()).isFalse();

            h.db.execute("DELETE FROM schema_migrations WHERE version = '001';");
            assertThatThrownBy(h::migrate).hasFieldOrPropertyWithValue("reason", Reason.DATABASE_DIVERGED)
                    .hasMessageContaining("db migrate refused: live database has diverged from "
                    + "the worktree at migration 1 (migrations/001_one.sql, version 001)");
            assertThat(h.drift().drifted()).isTrue();

            h.db.execute("DELETE FROM schema_migrations WHERE version = '003';");
            assertThatThrownBy(h::migrate).hasFieldOrPropertyWithValue("reason", Reason.DATABASE_DIVERGED)
                    .hasMessageContaining("db migrate refused: migration migrations/001_one.sql is older than the "
                    + "last applied one (version 002)");
            assertThat(h.drift().status()).isEqualTo("diverged");
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void downWithoutAnExecutableDownSectionIsRefusedBeforeAnythingRuns(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine)) {
            h.ws.migration("001_one.sql", h.ws.createTable("it_one"), "DROP TABLE it_one;");
            h.ws.migration("002_two.sql", h.ws.createTable("it_two"), "-- irreversible");
            h.ws.apply();
            h.up();
            assertThatThrownBy(() -> h.down(2)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith("db down refused: migrations/002_two.sql has no executable down section, "
                            + "but its up section changed the schema (schema.sql differs from checkpoints/001_one.sql), "
                            + "which nothing would undo; nothing was rolled back. Write a down section that undoes it, "
                            + "run `matey schema apply --path db/core` and `matey db down --path db/core --url ")
                    .hasMessageContaining("or remove only its record with `matey dbmate --url ");
            assertThat(h.status().applied()).isEqualTo(2);
            assertThat(h.plan().match()).isTrue();
        }
    }

    /**
     * An empty down section of a migration that changed no schema (a backfill) is an exact rollback, as dbmate runs
     * it: only its version is removed, and the command says so.
     */
    @ParameterizedTest
    @EngineMatrix
    void downPastAnEmptyDownSectionOfADataMigrationRemovesOnlyItsRecord(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine)) {
            h.ws.migration("001_one.sql", h.ws.createTable("it_one"), "DROP TABLE it_one;");
            h.ws.migration("002_fill.sql", "INSERT INTO it_one (id) VALUES (1);", "");
            h.ws.migration("003_three.sql", h.ws.createTable("it_three"), "DROP TABLE it_three;");
            h.ws.apply();
            h.up();
            LiveChange down = h.down(2);
            assertThat(down.after()).isEqualTo(1);
            assertThat(down.notices()).containsExactly("migrations/002_fill.sql: empty down: only the record removed "
                    + "(its up section changed no schema)");
            assertThat(h.status().applied()).isEqualTo(1);
            assertThat(h.drift().drifted()).isFalse();
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void upNeedsAWorktreeMigration(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine)) {
            h.ws.apply();
            assertThatThrownBy(h::up).isInstanceOf(MateyException.class)
                    .hasFieldOrPropertyWithValue("reason", Reason.INVALID)
                    .hasMessage("db up needs a migration, and target 'db/core' has none yet: create one with "
                            + "`matey db new NAME --path db/core`, write its SQL, then run "
                            + "`matey schema apply --path db/core`.");
            assertThatThrownBy(h::bootstrap).hasMessageStartingWith("db bootstrap needs a migration, and target "
                    + "'db/core' has none yet: create one with `matey db new NAME --path db/core`");
            assertThat(h.db.engine().databaseExists(h.db.url())).isFalse();
        }
    }

    private static void assertDrift(LiveDrift drift, int index, boolean drifted) {
        assertThat(drift.appliedIndex()).isEqualTo(index);
        assertThat(drift.drifted()).as("drifted at %d: %s", index, drift.diff()).isEqualTo(drifted);
    }
}
