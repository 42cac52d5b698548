package io.matey.replay;

import io.matey.engine.sqlite.SqliteConstructs;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10's SQLite construct corpus ({@link ConstructCorpus}). */
class SqliteConstructCorpusTest {

    @TempDir
    Path dir;

    @Test
    void everyConstructKeepsTheArtifactsTrue() throws Exception {
        ConstructCorpus.keepsTheArtifactsTrue(new TestWorkspace(dir, "sqlite"), SqliteConstructs.ALL);
    }
}
