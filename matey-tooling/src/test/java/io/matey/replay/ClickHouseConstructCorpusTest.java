package io.matey.replay;

import io.matey.engine.clickhouse.ClickHouseConstructs;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10's ClickHouse construct corpus ({@link ConstructCorpus}). */
class ClickHouseConstructCorpusTest {

    @TempDir
    Path dir;

    @Test
    void everyConstructKeepsTheArtifactsTrue() throws Exception {
        ConstructCorpus.keepsTheArtifactsTrue(new TestWorkspace(dir, "clickhouse"), ClickHouseConstructs.ALL);
    }
}
