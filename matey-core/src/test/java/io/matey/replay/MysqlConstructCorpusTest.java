package io.matey.replay;

import io.matey.engine.mysql.MysqlConstructs;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 10's MySQL/MariaDB construct corpus ({@link ConstructCorpus}) on both servers of the matrix. */
class MysqlConstructCorpusTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void everyConstructKeepsTheArtifactsTrue(String server) throws Exception {
        ConstructCorpus.keepsTheArtifactsTrue(new TestWorkspace(dir, server), MysqlConstructs.ALL);
    }
}
