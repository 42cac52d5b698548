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

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aViewLeftReadingARenamedTableFailsTheReplayAtTheMigrationThatRenamedIt(String server) {
        TestWorkspace ws = new TestWorkspace(dir, server);
        ws.migration("001_view.sql", "CREATE TABLE t (id int PRIMARY KEY, n int);\nCREATE VIEW v AS SELECT id, n FROM t;",
                "DROP VIEW v;\nDROP TABLE t;");
        ws.migration("002_rename.sql", "RENAME TABLE t TO t2;", "RENAME TABLE t2 TO t;");
        Map<String, String> before = ws.files();

        // the server keeps v reading t, so the schema would not load
        assertThatThrownBy(ws::apply)
                .isInstanceOf(MateyException.class)
                .hasMessageContaining("after migrations/002_rename.sql")
                .hasMessageContaining("MySQL view `v` reads what does not exist: Table 't' doesn't exist");
        assertThat(ws.files()).isEqualTo(before);
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
