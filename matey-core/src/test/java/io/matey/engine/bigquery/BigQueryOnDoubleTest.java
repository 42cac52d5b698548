package io.matey.engine.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.MateyUrl;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** The {@code bigquery} engine through the official client against {@code BigQueryRestDouble}, not BigQuery. */
class BigQueryOnDoubleTest extends OnDoubleScenarios {

    BigQueryOnDoubleTest() {
        super(false);
    }

    @Test
    void viewsAndRoutinesAreDumpedUnqualifiedAfterWhatTheyRead() throws Exception {
        Connection dataset = engine().connect(scratch("views"));
        engine().load(dataset, TABLES + """
                CREATE VIEW z_base AS SELECT id, kind FROM `matey-test.%s.events`;
                CREATE VIEW a_recent AS SELECT id, kind FROM z_base;
                CREATE FUNCTION plus_one(x INT64) RETURNS INT64 AS (x + 1);
                """.formatted(BigQueryConnection.dataset(dataset).url().dataset()));
        String dump = engine().dumpSchema(dataset);
        assertThat(dump).doesNotContain(BigQueryConnection.dataset(dataset).url().dataset())
                .contains("CREATE VIEW `z_base`\nAS SELECT id, kind FROM `events`;")
                .contains("CREATE FUNCTION `plus_one`(x INT64) RETURNS INT64 AS (x + 1);");
        assertThat(dump.indexOf("`events`\n(")).isLessThan(dump.indexOf("CREATE VIEW `z_base`"));
        assertThat(dump.indexOf("CREATE VIEW `z_base`")).isLessThan(dump.indexOf("CREATE VIEW `a_recent`"));

        Connection loaded = engine().connect(scratch("views_loaded"));
        engine().load(loaded, dump);
        assertThat(engine().dumpSchema(loaded)).isEqualTo(dump);
    }

    @Test
    void aFailingStatementNamesTheDatasetAndStatementAndEarlierStatementsStay() throws Exception {
        Connection dataset = engine().connect(scratch("fail"));
        assertThatThrownBy(() -> engine().load(dataset, "CREATE TABLE kept (id INT64);\nCREATE TABLE kept (id INT64);"))
                .hasMessageContaining("line 2").hasMessageContaining(BigQueryConnection.dataset(dataset).url().dataset())
                .hasMessageContaining("Already Exists");
        assertThat(engine().dumpSchema(dataset)).contains("CREATE TABLE `kept`");
    }

    @Test
    void connectingToAMissingDatasetSaysSo() throws Exception {
        assertThatThrownBy(() -> engine().connect(MateyUrl.parse("bigquery://matey-test/us/no_such_dataset")))
                .hasMessageContaining("bigquery://matey-test/us/no_such_dataset does not exist");
    }
}
