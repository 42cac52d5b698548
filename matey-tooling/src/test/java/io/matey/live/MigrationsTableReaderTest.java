package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.EngineMatrix;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import io.matey.workspace.TargetConfig;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * A view that reads schema_migrations: the dump's migrations block, which creates the table, comes after it, so each
 * load creates the table first (docs/architecture.md §3) — {@code db bootstrap} into a new database, and a replay's
 * anchor loaded into an empty scratch database.
 */
class MigrationsTableReaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix
    void aViewOnTheMigrationsTableBootstrapsAndAnchorsAReplay(String engine) throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, engine);
        ws.migration("001_t.sql", ws.createTable("t") + "\nCREATE VIEW applied AS SELECT COUNT(*) AS n FROM schema_migrations;",
                "DROP VIEW applied;\nDROP TABLE t;");
        ws.apply();
        ws.migration("002_u.sql", ws.createTable("u"), "DROP TABLE u;");
        assertThat(ws.apply().changed()).as("the replay loads 001's checkpoint as its anchor").isTrue();

        LiveDatabase live = new LiveDatabase(ws.env(), line -> { });
        TargetConfig target = ws.matey().target(TestWorkspace.TARGET);
        try (TestDatabase db = TestDatabase.unborn(engine)) {
            assertThat(live.bootstrap(target, db.url().raw()).after()).isEqualTo(2);
            assertThat(live.drift(target, db.url().raw()).drifted()).isFalse();
            try (Connection connection = db.connect()) {
                assertThat(TestDatabase.firstValue(connection, "SELECT n FROM applied")).isEqualTo("2");
            }
        }
    }
}
