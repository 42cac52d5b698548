package io.matey.replay;

import io.matey.engine.mysql.MysqlConstructs;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 10's MySQL/MariaDB construct corpus ({@link ConstructCorpus}) on both servers of the matrix, and what the dump refuses. */
class MysqlConstructCorpusTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void everyConstructKeepsTheArtifactsTrue(String server) throws Exception {
        ConstructCorpus.keepsTheArtifactsTrue(new TestWorkspace(dir, server), MysqlConstructs.ALL);
    }

    @Test
    void aRoutineWhoseBodyMeansSomethingElseUnderTheDumpsSqlModeFailsTheReplayNamingItsMigration() {
        // under the dump's sql_mode the same text would be a logical OR
        ConstructCorpus.refusesAfterTheMigration(new TestWorkspace(dir, "mysql"), "glue", """
                SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',PIPES_AS_CONCAT');
                CREATE FUNCTION glue(a varchar(10), b varchar(10)) RETURNS varchar(20) DETERMINISTIC RETURN a || b;
                """, "DROP FUNCTION glue;", "function `glue` was created under sql_mode PIPES_AS_CONCAT");
    }
}
