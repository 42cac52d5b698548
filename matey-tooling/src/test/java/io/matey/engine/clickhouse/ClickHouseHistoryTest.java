package io.matey.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.Matey;
import io.matey.replay.ReplayOptions;
import io.matey.replay.SchemaApplyResult;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's long ClickHouse history: {@code src/test/resources/clickhouse/analytics-history}, a product-analytics
 * schema written as dbmate migrations over seven years (MergeTree family, materialized views with {@code TO}
 * tables, views, dictionaries, projections, TTL, codecs, skipping indexes, one statement per section), replayed
 * through the façade as a user runs it: {@code schema apply} (every down round trip checked), a second apply that
 * changes nothing, then {@code db bootstrap} and {@code db up / down 3 / up} on new databases with drift clean.
 * The whole history takes minutes on the chdb test server, so it runs on demand ({@code MATEY_LONG_TESTS=1}, see the
 * README's Performance section); every suite run replays a prefix, incrementally.
 */
class ClickHouseHistoryTest {

    /** The prefix every suite run replays: events, sessions, rollups with their views, a dictionary, API logs. */
    private static final int PREFIX = 30;
    /** Of the prefix, the migrations an incremental apply adds after a clean one. */
    private static final int INCREMENT = 5;

    @TempDir
    Path dir;

    @Test
    void aPrefixReplaysCleanThenIncrementallyAndHoldsOnNewDatabases() throws Exception {
        List<Path> history = history();
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        copy(ws, history.subList(0, PREFIX - INCREMENT));
        SchemaApplyResult clean = ws.apply(new ReplayOptions(null, null, true, false));
        assertThat(clean.downChecked()).hasSize(PREFIX - INCREMENT);
        assertThat(checkpoints(ws)).isEqualTo(names(history.subList(0, PREFIX - INCREMENT)));

        List<Path> added = history.subList(PREFIX - INCREMENT, PREFIX);
        copy(ws, added);
        SchemaApplyResult incremental = ws.apply();
        List<String> expected = new ArrayList<>(names(added).stream().map(name -> "checkpoints/" + name).toList());
        expected.add("schema.lock.toml");
        expected.add("schema.sql");
        assertThat(incremental.changedFiles()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(incremental.downChecked()).containsExactlyElementsOf(names(added).stream().map(name -> "migrations/" + name).toList());

        artifactsHold(ws, history.subList(0, PREFIX));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "MATEY_LONG_TESTS", matches = "1")
    void theWholeHistoryReplaysEndToEnd() throws Exception {
        List<Path> history = history();
        assertThat(history).hasSizeGreaterThanOrEqualTo(150);
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        copy(ws, history);
        SchemaApplyResult clean = ws.apply(new ReplayOptions(null, null, true, false));
        assertThat(clean.downChecked()).hasSize(history.size());
        artifactsHold(ws, history);
    }

    /**
     * One checkpoint per migration, a second apply writes nothing, and the artifacts describe what live databases
     * become: bootstrap then drift is clean; up, down 3 (leaving {@code n - 3} applied), up, then drift is clean.
     */
    private static void artifactsHold(TestWorkspace ws, List<Path> migrations) throws Exception {
        int n = migrations.size();
        assertThat(checkpoints(ws)).isEqualTo(names(migrations));
        assertThat(ws.apply().changed()).isFalse();
        assertThat(ws.plan().match()).isTrue();
        assertThat(ws.read(TestWorkspace.TARGET + "/schema.sql")).contains("CREATE TABLE events");

        Matey matey = ws.matey();
        var target = matey.target(TestWorkspace.TARGET);
        try (TestDatabase bootstrapped = TestDatabase.unborn("clickhouse")) {
            String url = bootstrapped.url().raw();
            assertThat(matey.dbBootstrap(target, url, line -> { }).after()).isEqualTo(n);
            assertThat(matey.dbDrift(target, url).drifted()).isFalse();
        }
        try (TestDatabase migrated = TestDatabase.unborn("clickhouse")) {
            String url = migrated.url().raw();
            assertThat(matey.dbUp(target, url, line -> { }).after()).isEqualTo(n);
            assertThat(matey.dbDown(target, url, 3, line -> { }).after()).isEqualTo(n - 3);
            assertThat(matey.dbUp(target, url, line -> { }).after()).isEqualTo(n);
            assertThat(matey.dbDrift(target, url).drifted()).isFalse();
        }
    }

    /** The history's migration files, in version order. */
    private static List<Path> history() throws URISyntaxException, IOException {
        Path folder = Path.of(ClickHouseHistoryTest.class.getResource("/clickhouse/analytics-history/migrations").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
    }

    private static void copy(TestWorkspace ws, List<Path> migrations) {
        for (Path migration : migrations) {
            try {
                ws.write(TestWorkspace.TARGET + "/migrations/" + migration.getFileName(), Files.readString(migration));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<String> checkpoints(TestWorkspace ws) throws IOException {
        try (Stream<Path> files = Files.list(ws.target().resolve("checkpoints"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> names(List<Path> migrations) {
        return migrations.stream().map(m -> m.getFileName().toString()).toList();
    }
}
