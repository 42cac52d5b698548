package io.matey.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.Matey;
import io.matey.MateyTools;
import io.matey.SchemaStatus;
import io.matey.data.AppliedFile;
import io.matey.data.DataMode;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.lint.Finding;
import io.matey.lint.Linter;
import io.matey.live.LiveChange;
import io.matey.live.LiveDrift;
import io.matey.live.LivePlan;
import io.matey.live.LiveStatus;
import io.matey.live.MigrationTiming;
import io.matey.replay.ReplayOptions;
import io.matey.replay.SchemaApplyResult;
import io.matey.replay.SchemaPlanResult;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestEngines;
import io.matey.testing.TestWorkspace;
import io.matey.workspace.TargetConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenarios every engine must pass, driven through the {@link Matey} façade as the shell drives it
 * (docs/architecture.md §10). An engine's test extends this class and supplies fixtures in its dialect; what an
 * engine cannot do it declares by overriding a capability method, never by the base testing its id.
 *
 * <p>The fixtures build one small schema whose names the scenarios check:
 * <ul>
 *   <li>{@link #history()}: {@value #ITEMS_MIGRATION} creates table {@value #ITEMS} ({@code id} integer key,
 *       {@code name} text up to 40 characters, nullable); {@value #TAGS_MIGRATION} creates {@value #TAGS}
 *       ({@code id} integer key, {@code label} text); {@value #NOTE_MIGRATION} adds the nullable text column
 *       {@code note} to {@value #ITEMS}. Every down section undoes its up section exactly.</li>
 *   <li>{@link #nextMigration()}: {@value #EVENTS_MIGRATION} creates {@value #EVENTS} ({@code id} integer key,
 *       {@code item_id} integer), with an exact down.</li>
 * </ul>
 */
public abstract class EngineContract {

    protected static final String ITEMS = "contract_items";
    protected static final String TAGS = "contract_tags";
    protected static final String EVENTS = "contract_events";
    protected static final String ITEMS_MIGRATION = "001_create_items.sql";
    protected static final String TAGS_MIGRATION = "002_create_tags.sql";
    protected static final String NOTE_MIGRATION = "003_add_item_note.sql";
    protected static final String EVENTS_MIGRATION = "004_create_events.sql";

    /** A migration file's name with its up and down sections. */
    public record MigrationFixture(String file, String up, String down) {
    }

    /** A migration that lint must flag, with the rule it breaks. */
    public record LintViolation(MigrationFixture migration, String rule) {
    }

    @TempDir
    protected Path dir;

    private final List<TestDatabase> databases = new ArrayList<>();

    /** The {@link TestEngines} entry the scenarios run on. */
    protected abstract String engine();

    /** The three migrations described in the class comment, in order. */
    protected abstract List<MigrationFixture> history();

    /** The fourth migration described in the class comment. */
    protected abstract MigrationFixture nextMigration();

    /** SQL run directly on a live database (out of band) that creates a table {@code table} with one column. */
    protected abstract String createTableOutOfBand(String table);

    /**
     * A migration after {@link #history()} that replays on an empty {@value #ITEMS} but fails on a live database
     * holding {@link #duplicateNames()}: its first statement creates {@value #EVENTS} (and its down drops it), its
     * second fails on the live rows.
     */
    protected abstract MigrationFixture failsOnLiveRows();

    /** Rows of {@value #ITEMS}, as data-file lines, on which {@link #failsOnLiveRows()} fails. */
    protected List<String> duplicateNames() {
        return List.of("{\"id\": 1, \"name\": \"same\", \"note\": null}", "{\"id\": 2, \"name\": \"same\", \"note\": null}");
    }

    /** A migration after {@link #history()} that lint flags, and the rule. */
    protected abstract LintViolation lintViolation();

    /**
     * What a lock timeout says about the session holding the migration lock, so that the user can find it (empty
     * where the engine cannot tell).
     */
    protected abstract String lockHolder();

    /** Texts the generated Java record of {@value #ITEMS} contains: the engine's types of its columns. */
    protected abstract List<String> itemRecordTypes();

    /** Whether {@code data apply} upserts (mode {@code upsert}) on this engine. */
    protected boolean supportsUpsert() {
        return true;
    }

    @AfterEach
    void dropDatabases() throws Exception {
        for (TestDatabase db : databases) {
            db.close();
        }
    }

    // ---- schema plan / apply / status --------------------------------------------------------------------------

    @Test
    void replayChecksEveryDownAndWritesOneCheckpointPerMigration() {
        TestWorkspace ws = workspace();
        SchemaPlanResult plan = ws.plan();
        assertThat(plan.tailCount()).isEqualTo(3);
        assertThat(plan.match()).isFalse();
        assertThat(plan.downChecked()).containsExactly(migrationPath(ITEMS_MIGRATION), migrationPath(TAGS_MIGRATION),
                migrationPath(NOTE_MIGRATION));

        SchemaApplyResult applied = ws.apply();
        assertThat(applied.changedFiles()).containsExactlyInAnyOrder(checkpoint(ITEMS_MIGRATION),
                checkpoint(TAGS_MIGRATION), checkpoint(NOTE_MIGRATION), "schema.lock.toml", "schema.sql");
        assertThat(ws.read(TestWorkspace.TARGET + "/schema.sql")).contains(ITEMS, TAGS, "note");
        assertThat(ws.read(TestWorkspace.TARGET + "/" + checkpoint(ITEMS_MIGRATION))).contains(ITEMS).doesNotContain(TAGS);
        assertThat(ws.read(TestWorkspace.TARGET + "/" + checkpoint(TAGS_MIGRATION))).contains(ITEMS, TAGS)
                .doesNotContain("note");
        assertThat(ws.read(TestWorkspace.TARGET + "/schema.lock.toml"))
                .contains("engine = \"" + TestEngines.named(engine()).engineId() + "\"");
        assertThat(status(ws).clean()).isTrue();
    }

    @Test
    void aDownThatDoesNotUndoItsUpFailsTheReplayAndWritesNothing() {
        TestWorkspace ws = new TestWorkspace(dir, engine());
        List<MigrationFixture> history = history();
        write(ws, history.get(0));
        write(ws, history.get(1));
        MigrationFixture note = history.get(2);
        // the note column's down drops the tags table instead: replaying it cannot restore checkpoint 002
        write(ws, new MigrationFixture(note.file(), note.up(), history.get(1).down()));
        Map<String, String> before = ws.files();
        assertThatThrownBy(ws::plan).isInstanceOf(MateyException.class)
                .hasMessageContaining(migrationPath(NOTE_MIGRATION) + ": down roundtrip mismatch");
        assertThatThrownBy(ws::apply).hasMessageContaining(migrationPath(NOTE_MIGRATION));
        assertThat(ws.files()).isEqualTo(before);
    }

    @Test
    void incrementalReplayWritesWhatACleanReplayWrites() {
        TestWorkspace ws = workspace();
        ws.apply();
        write(ws, nextMigration());
        SchemaPlanResult plan = ws.plan();
        assertThat(plan.tailCount()).as("only the new migration replays").isEqualTo(1);
        assertThat(plan.anchorIndex()).isEqualTo(3);
        SchemaApplyResult incremental = ws.apply();
        assertThat(incremental.downChecked()).containsExactly(migrationPath(EVENTS_MIGRATION));
        assertThat(incremental.changedFiles()).containsExactlyInAnyOrder(checkpoint(EVENTS_MIGRATION),
                "schema.lock.toml", "schema.sql");
        assertThat(ws.read(TestWorkspace.TARGET + "/schema.sql")).contains(EVENTS, "item_id");
        Map<String, String> artifacts = ws.files();

        assertThat(ws.apply(new ReplayOptions(null, null, true, false)).changed()).as("--clean writes nothing new")
                .isFalse();
        TestWorkspace fresh = new TestWorkspace(dir.resolve("fresh"), engine());
        Stream.concat(history().stream(), Stream.of(nextMigration())).forEach(m -> write(fresh, m));
        fresh.apply();
        assertThat(fresh.files()).as("a replay from nothing").isEqualTo(artifacts);
    }

    @Test
    void aSecondPlanAndApplyAreNoOps() {
        TestWorkspace ws = workspace();
        ws.apply();
        Map<String, String> artifacts = ws.files();
        SchemaPlanResult plan = ws.plan();
        assertThat(plan.match()).isTrue();
        assertThat(plan.tailCount()).isZero();
        SchemaApplyResult again = ws.apply();
        assertThat(again.changed()).isFalse();
        assertThat(again.changedFiles()).isEmpty();
        assertThat(ws.files()).isEqualTo(artifacts);
    }

    @Test
    void schemaStatusTellsCleanFromStale() {
        TestWorkspace ws = workspace();
        assertThat(status(ws).clean()).as("no artifacts yet").isFalse();
        ws.apply();
        SchemaStatus clean = status(ws);
        assertThat(clean.clean()).isTrue();
        assertThat(clean.steps()).isEqualTo(3);

        MigrationFixture tags = history().get(1);
        write(ws, new MigrationFixture(tags.file(), tags.up() + "\n-- edited", tags.down()));
        assertThat(status(ws).diagnostics()).extracting(d -> d.code().id())
                .contains("coherence-migration-digest-mismatch");
        ws.apply();
        assertThat(status(ws).clean()).isTrue();
    }

    // ---- the live database ---------------------------------------------------------------------------------------

    @Test
    void upStatusPlanDownMigrateAndDrift() {
        TestWorkspace ws = appliedWorkspace();
        TestDatabase db = unborn();
        Matey matey = ws.matey();
        TargetConfig target = target(ws);

        LiveChange up = matey.dbUp(target, url(db), line -> { });
        assertThat(up.created()).isTrue();
        assertThat(up.before()).isZero();
        assertThat(up.after()).isEqualTo(3);
        assertThat(up.migrations()).extracting(MigrationTiming::file).containsExactly(migrationPath(ITEMS_MIGRATION),
                migrationPath(TAGS_MIGRATION), migrationPath(NOTE_MIGRATION));
        LiveStatus status = matey.dbStatus(target, url(db));
        assertThat(status.applied()).isEqualTo(3);
        assertThat(status.pending()).isZero();
        LivePlan plan = matey.dbPlan(target, url(db));
        assertThat(plan.match()).isTrue();
        assertThat(plan.sql()).isEqualTo(ws.read(TestWorkspace.TARGET + "/schema.sql"));
        assertDrift(matey.dbDrift(target, url(db)), 3, false);

        LiveChange down = matey.dbDown(target, url(db), 2, line -> { });
        assertThat(down.after()).isEqualTo(1);
        assertThat(down.migrations()).extracting(MigrationTiming::file).containsExactly(migrationPath(NOTE_MIGRATION),
                migrationPath(TAGS_MIGRATION));
        assertThat(matey.dbStatus(target, url(db)).pending()).isEqualTo(2);
        LivePlan behind = matey.dbPlan(target, url(db));
        assertThat(behind.applied()).isEqualTo(1);
        assertThat(behind.match()).isFalse();
        assertThat(behind.diff()).containsPattern("-.*" + TAGS);
        assertDrift(matey.dbDrift(target, url(db)), 1, false);

        LiveChange migrate = matey.dbMigrate(target, url(db), line -> { });
        assertThat(migrate.created()).isFalse();
        assertThat(migrate.before()).isEqualTo(1);
        assertThat(migrate.after()).isEqualTo(3);
        assertThat(matey.dbPlan(target, url(db)).match()).isTrue();
        assertThat(matey.dbUp(target, url(db), line -> { }).migrations()).as("up again runs nothing").isEmpty();
        assertDrift(matey.dbDrift(target, url(db)), 3, false);
    }

    @Test
    void bootstrapLoadsTheSchemaAndDriftCatchesAnOutOfBandChange() throws Exception {
        TestWorkspace ws = appliedWorkspace();
        TestDatabase db = unborn();
        Matey matey = ws.matey();
        TargetConfig target = target(ws);

        LiveChange bootstrap = matey.dbBootstrap(target, url(db), line -> { });
        assertThat(bootstrap.created()).isTrue();
        assertThat(bootstrap.after()).isEqualTo(3);
        assertThat(bootstrap.migrations()).as("bootstrap loads schema.sql, it runs no migration").isEmpty();
        assertThat(matey.dbStatus(target, url(db)).applied()).isEqualTo(3);
        assertDrift(matey.dbDrift(target, url(db)), 3, false);

        db.execute(createTableOutOfBand("contract_extra"));
        LiveDrift drift = matey.dbDrift(target, url(db));
        assertDrift(drift, 3, true);
        assertThat(drift.diff()).containsPattern("\\+.*contract_extra");
        assertThat(matey.dbPlan(target, url(db)).match()).isFalse();
        assertThatThrownBy(() -> matey.dbBootstrap(target, url(db), line -> { })).isInstanceOf(MateyException.class)
                .hasMessageContaining("db bootstrap requires an empty or unapplied database");
    }

    @Test
    void aMigrationLockHeldElsewhereStopsDbUpNamingTheHolderUntilItIsReleased() throws Exception {
        TestWorkspace ws = appliedWorkspace();
        TestDatabase db = created();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Connection session = db.connect()) {
            Engine.MigrationLock held = heldElsewhere(db, session, other);
            Matey bounded = ws.matey().withLockTimeout(Duration.ofSeconds(1));
            assertThatThrownBy(() -> bounded.dbUp(target(ws), url(db), line -> { })).isInstanceOf(MateyException.class)
                    .hasFieldOrPropertyWithValue("reason", Reason.LOCK_TIMEOUT)
                    .hasMessageContaining("the migration lock (")
                    .hasMessageContaining("was not released within 1s")
                    .hasMessageContaining(lockHolder())
                    .hasMessageContaining("raise the bound (--lock-timeout).");
            assertThat(ws.matey().dbStatus(target(ws), url(db)).applied()).as("nothing ran").isZero();

            release(held, other).get(60, TimeUnit.SECONDS);
            assertThat(bounded.dbUp(target(ws), url(db), line -> { }).after()).isEqualTo(3);
        } finally {
            other.shutdown();
        }
    }

    /**
     * A lock held elsewhere is told, once and before the wait, naming the lock as its timeout does and who holds it
     * (what {@code LockWait} says at once, from the lock's own first try); once released, it is taken.
     */
    @Test
    void aMigrationLockHeldElsewhereIsToldWithItsHolderBeforeTheWait() throws Exception {
        TestDatabase db = created();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Connection session = db.connect(); Connection c = db.connect()) {
            Engine.MigrationLock held = heldElsewhere(db, session, other);
            List<String> silent = new CopyOnWriteArrayList<>();
            assertThatThrownBy(() -> db.engine().lockMigrations(c, Duration.ZERO, (lock, holder) -> silent.add(lock)))
                    .isInstanceOf(MigrationLockTimeoutException.class)
                    .satisfies(e -> silent.add(((MigrationLockTimeoutException) e).lock()));
            assertThat(silent).as("a zero timeout tells nothing: there is no wait").hasSize(1);

            List<String> told = new CopyOnWriteArrayList<>();
            try (Engine.MigrationLock mine = db.engine().lockMigrations(c, Duration.ofSeconds(30), (lock, holder) -> {
                told.add(lock + " | " + holder);
                release(held, other);
            })) {
                assertThat(told).hasSize(1);
                assertThat(told.get(0)).startsWith(silent.get(0) + " | ").doesNotEndWith(" | ");
            }
        } finally {
            other.shutdown();
        }
    }

    /** The migration lock taken by {@code session} on {@code other}: on an embedded engine a thread stands for a process. */
    private static Engine.MigrationLock heldElsewhere(TestDatabase db, Connection session, ExecutorService other)
            throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return db.engine().lockMigrations(session, Duration.ofSeconds(10));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, other).get(60, TimeUnit.SECONDS);
    }

    /** Releases {@code held} on the thread that took it. */
    private static CompletableFuture<Void> release(Engine.MigrationLock held, ExecutorService other) {
        return CompletableFuture.runAsync(() -> {
            try {
                held.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, other);
    }

    /** The interrupted-section marker: none before, read while it exists with its progress, gone once finished. */
    @Test
    void theProgressMarkerIsReadFromBeginToFinish() throws Exception {
        TestDatabase db = created();
        ProgressTable progress = db.engine().progressTable();
        try (Connection c = db.connect()) {
            assertThat(progress.read(c)).as("no table yet").isEmpty();
            progress.begin(c, "001", "up", 0, 3);
            progress.advance(c, "001", 2);
            assertThat(progress.read(c)).hasValueSatisfying(marker -> {
                assertThat(marker.version()).isEqualTo("001");
                assertThat(marker.direction()).isEqualTo("up");
                assertThat(marker.done()).isEqualTo(2);
                assertThat(marker.total()).isEqualTo(3);
            });
            progress.finish(c, "001");
            assertThat(progress.read(c)).as("finished").isEmpty();
        }
    }

    /**
     * What a failed migration leaves depends on the engine's declared capability (its SPI's
     * {@code transactionalDdl()}): rolled back whole, or its statements that ran named.
     */
    @Test
    void aMigrationFailingOnLiveRowsLeavesWhatTheEngineDeclares() throws Exception {
        TestWorkspace ws = appliedWorkspace();
        TestDatabase db = unborn();
        Matey matey = ws.matey();
        matey.dbUp(target(ws), url(db), line -> { });
        dataManifest(ws, "insert");
        dataFile(ws, duplicateNames());
        new MateyTools(matey).dataApply(target(ws), url(db), null);
        write(ws, failsOnLiveRows());
        ws.apply();

        if (TestEngines.named(engine()).transactionalDdl()) {
            assertThatThrownBy(() -> matey.dbUp(target(ws), url(db), line -> { })).isInstanceOf(MateyException.class)
                    .hasMessageContaining(migrationPath(failsOnLiveRows().file()) + ":")
                    .hasMessageContaining("The section was rolled back");
            assertThat(matey.dbStatus(target(ws), url(db)).interrupted()).isNull();
            assertDrift(matey.dbDrift(target(ws), url(db)), 3, false);
        } else {
            assertThatThrownBy(() -> matey.dbUp(target(ws), url(db), line -> { })).isInstanceOf(MateyException.class)
                    .hasMessageContaining(migrationPath(failsOnLiveRows().file()) + ":")
                    .hasMessageContaining("took effect and stay applied");
            LiveStatus status = matey.dbStatus(target(ws), url(db));
            assertThat(status.interrupted()).isNotNull();
            assertThat(status.interrupted().describe()).contains(migrationPath(failsOnLiveRows().file()),
                    "after statement 1 of 2");
            assertThat(status.interrupted().diff()).contains(EVENTS);
        }
        assertThat(matey.dbStatus(target(ws), url(db)).applied()).isEqualTo(3);
    }

    // ---- data, codegen, lint -------------------------------------------------------------------------------------

    @Test
    void dataExportedFromOneDatabaseAppliesToAnother() {
        TestWorkspace ws = appliedWorkspace();
        TestDatabase source = unborn();
        TestDatabase copy = unborn();
        Matey matey = ws.matey();
        matey.dbUp(target(ws), url(source), line -> { });
        matey.dbUp(target(ws), url(copy), line -> { });
        List<String> rows = List.of("{\"id\": 1, \"name\": \"one\", \"note\": null}",
                "{\"id\": 2, \"name\": \"two\", \"note\": \"kept\"}");

        dataManifest(ws, "replace");
        dataFile(ws, rows);
        assertThat(new MateyTools(matey).dataApply(target(ws), url(source), null).files())
                .containsExactly(new AppliedFile("items", ITEMS, DataMode.REPLACE, 2, 2, 0, 0));
        dataFile(ws, List.of());
        new MateyTools(matey).dataExport(target(ws), url(source), null);
        String exported = dataFile(ws);
        assertThat(exported.lines()).containsExactlyElementsOf(rows);

        assertThat(new MateyTools(matey).dataApply(target(ws), url(copy), null).files())
                .containsExactly(new AppliedFile("items", ITEMS, DataMode.REPLACE, 2, 2, 0, 0));
        dataFile(ws, List.of());
        new MateyTools(matey).dataExport(target(ws), url(copy), null);
        assertThat(dataFile(ws)).as("the copy holds the same rows").isEqualTo(exported);

        if (supportsUpsert()) {
            ws.write(TestWorkspace.TARGET + "/data/data.toml", "[core]\nfiles = [{ name = \"items\", table = \""
                    + ITEMS + "\", mode = \"upsert\", on = [\"id\"] }]\n");
            dataFile(ws, List.of("{\"id\": 2, \"name\": \"two\", \"note\": \"changed\"}",
                    "{\"id\": 3, \"name\": \"three\", \"note\": null}"));
            assertThat(new MateyTools(matey).dataApply(target(ws), url(copy), null).files())
                    .containsExactly(new AppliedFile("items", ITEMS, DataMode.UPSERT, 2, 1, 1, 0));
            dataManifest(ws, "replace");
            new MateyTools(matey).dataExport(target(ws), url(copy), null);
            assertThat(dataFile(ws).lines()).containsExactly(rows.get(0),
                    "{\"id\": 2, \"name\": \"two\", \"note\": \"changed\"}", "{\"id\": 3, \"name\": \"three\", \"note\": null}");
        }
    }

    @Test
    void codegenNamesEveryTableAndColumn() {
        TestWorkspace ws = workspace();
        ws.write(TestWorkspace.TARGET + "/config.toml", ws.read(TestWorkspace.TARGET + "/config.toml")
                + "\n[codegen]\nenabled = true\ngenerator = \"java-records\"\npackage = \"com.example.db\"\n"
                + "output = \"generated\"\n");
        SchemaApplyResult applied = ws.apply();
        String generated = "generated/com/example/db/";
        assertThat(applied.changedFiles()).contains(generated + "Tables.java", generated + "ContractItems.java",
                generated + "ContractTags.java");
        String tables = ws.read(TestWorkspace.TARGET + "/" + generated + "Tables.java");
        assertThat(tables).contains("TABLE = \"" + ITEMS + "\"", "TABLE = \"" + TAGS + "\"", "\"name\"", "\"note\"",
                "\"label\"").doesNotContain("schema_migrations");
        assertThat(ws.read(TestWorkspace.TARGET + "/" + generated + "ContractItems.java"))
                .contains("public record ContractItems(").contains(itemRecordTypes());
        assertThat(ws.apply().changed()).as("codegen is deterministic").isFalse();
    }

    @Test
    void aCleanHistoryLintsCleanAndAViolationIsFlagged() {
        TestWorkspace ws = appliedWorkspace();
        assertThat(Linter.lint(target(ws))).isEmpty();

        LintViolation violation = lintViolation();
        write(ws, violation.migration());
        assertThat(Linter.lint(target(ws))).extracting(Finding::code, Finding::path)
                .contains(org.assertj.core.groups.Tuple.tuple(violation.rule(), migrationPath(violation.migration().file())));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** A workspace holding {@link #history()}, artifacts not yet written. */
    private TestWorkspace workspace() {
        TestWorkspace ws = new TestWorkspace(dir, engine());
        history().forEach(m -> write(ws, m));
        return ws;
    }

    private TestWorkspace appliedWorkspace() {
        TestWorkspace ws = workspace();
        ws.apply();
        return ws;
    }

    private TestDatabase unborn() {
        TestDatabase db = TestDatabase.unborn(engine());
        databases.add(db);
        return db;
    }

    private TestDatabase created() throws Exception {
        TestDatabase db = TestDatabase.create(engine());
        databases.add(db);
        return db;
    }

    private static void write(TestWorkspace ws, MigrationFixture migration) {
        ws.migration(migration.file(), migration.up(), migration.down());
    }

    private static TargetConfig target(TestWorkspace ws) {
        return ws.matey().target(TestWorkspace.TARGET);
    }

    private static String url(TestDatabase db) {
        return db.url().raw();
    }

    private static SchemaStatus status(TestWorkspace ws) {
        return new MateyTools(ws.matey()).schemaStatus(TestWorkspace.TARGET, false).get(0);
    }

    private static String migrationPath(String file) {
        return "migrations/" + file;
    }

    private static String checkpoint(String file) {
        return "checkpoints/" + file;
    }

    private static void dataManifest(TestWorkspace ws, String mode) {
        ws.write(TestWorkspace.TARGET + "/data/data.toml", "[core]\nfiles = [{ name = \"items\", table = \"" + ITEMS
                + "\", mode = \"" + mode + "\", order_by = [\"id\"] }]\n");
    }

    private static void dataFile(TestWorkspace ws, List<String> lines) {
        ws.write(TestWorkspace.TARGET + "/data/items.jsonl", lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
    }

    private static String dataFile(TestWorkspace ws) {
        return ws.read(TestWorkspace.TARGET + "/data/items.jsonl");
    }

    private static void assertDrift(LiveDrift drift, int index, boolean drifted) {
        assertThat(drift.appliedIndex()).isEqualTo(index);
        assertThat(drift.drifted()).as("drifted at %d: %s", index, drift.diff()).isEqualTo(drifted);
    }
}
