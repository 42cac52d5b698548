package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.mysql.MysqlConstructs;
import io.matey.error.MateyException;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.Map;
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
        TestWorkspace ws = new TestWorkspace(dir, "mysql");
        ws.migration("001_base.sql", ws.createTable("base"), "DROP TABLE base;");
        // under the dump's sql_mode the same text would be a logical OR
        ws.migration("002_glue.sql", """
                SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',PIPES_AS_CONCAT');
                CREATE FUNCTION glue(a varchar(10), b varchar(10)) RETURNS varchar(20) DETERMINISTIC RETURN a || b;
                """, "DROP FUNCTION glue;");
        Map<String, String> before = ws.files();

        assertThatThrownBy(ws::apply)
                .isInstanceOf(MateyException.class)
                .hasMessageContaining("after migrations/002_glue.sql")
                .hasMessageContaining("function `glue` was created under sql_mode PIPES_AS_CONCAT");
        assertThat(ws.files()).isEqualTo(before);
    }
}
