package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engine;
import io.matey.engine.MateyUrl;
import io.matey.engine.UrlOption;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestEngines;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Leftover scratch databases: only those whose name records an owner process on this host that has ended are
 * dropped; a running owner's, another host's, a kept one's ({@code --keep-scratch}) and names of other shapes
 * (templates, older scratch names) stay.
 */
class ScratchCollectorTest {

    @ParameterizedTest
    @EngineMatrix
    void dropsOnlyDatabasesWhoseOwnerProcessIsGone(String engineId) throws Exception {
        MateyUrl base = TestDatabase.serverBase(engineId);
        Engine engine = io.matey.engine.Engines.byId(engineId);
        Process alive = new ProcessBuilder("sleep", "60").start();
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor(10, TimeUnit.SECONDS);
        String host = ScratchOwner.current().host();
        String suffix = Long.toHexString(System.nanoTime() & 0xffff | 0x10000).substring(1);
        String dead = "matey_collect_replay_" + host + "_" + Long.toString(ended.pid(), 36) + "_" + suffix;
        String running = "matey_collect_replay_" + host + "_" + Long.toString(alive.pid(), 36) + "_" + suffix;
        String otherHost = "matey_collect_replay_" + (host.equals("000000") ? "000001" : "000000") + "_"
                + Long.toString(ended.pid(), 36) + "_" + suffix;
        String olderName = "matey_collect_replay_" + suffix + suffix;
        String kept = "matey_collect_" + ScratchDatabase.KEPT + "_" + host + "_" + Long.toString(ended.pid(), 36) + "_"
                + suffix;
        List<String> names = List.of(dead, running, otherHost, olderName, kept);
        try {
            for (String name : names) {
                engine.createDatabase(engine.siblingUrl(base, name));
            }

            List<String> dropped = ScratchCollector.collectNow(engine, base);

            assertThat(dropped).contains(dead).doesNotContain(running, otherHost, olderName, kept);
            assertThat(engine.databasesNamed(base, "matey_collect_")).doesNotContain(dead)
                    .contains(running, otherHost, olderName, kept);
        } finally {
            alive.destroyForcibly();
            for (String name : names) {
                engine.dropDatabase(engine.siblingUrl(base, name));
            }
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void keptScratchIsNamedAndNoCollectorDropsIt(String engineId, @TempDir Path dir) throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        ScratchDatabase.reportLeftoversTo(notices::add);
        TestWorkspace ws = new TestWorkspace(dir, engineId);
        ws.migration("001_t.sql", ws.createTable("t"), "DROP TABLE t;");
        Engine engine = io.matey.engine.Engines.byId(TestEngines.named(engineId).engineId());
        MateyUrl kept = ws.plan(new ReplayOptions(null, null, true, true)).scratchUrl();
        try {
            assertThat(notices).contains("kept scratch database " + kept + " (--keep-scratch); no replay drops it: "
                    + "drop it with `matey dbmate" + UrlOption.of(kept) + " drop`");
            String name = kept.raw().replaceAll("^.*/|\\?.*$", "");
            assertThat(ScratchOwner.of(name)).as("no owner for a collector to outlive").isEmpty();
            ScratchCollector.collectNow(engine, TestDatabase.serverBase(engineId));
            assertThat(engine.databaseExists(kept)).isTrue();
        } finally {
            ScratchDatabase.reportLeftoversTo(line -> { });
            engine.dropDatabase(kept);
        }
    }

    @org.junit.jupiter.api.Test
    void scratchNamesRecordThisProcessAndFitEveryEngine() {
        String name = ScratchDatabase.name("db/a-very-long-target-name-that-goes-on-and-on", "replay");
        assertThat(name).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9_]+");
        assertThat(ScratchOwner.of(name)).hasValue(ScratchOwner.current());
        assertThat(ScratchOwner.current().isGone()).isFalse();
    }
}
