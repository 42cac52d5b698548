package io.matey.engine.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelfQualifiersTest {

    private final SelfQualifiers qualifiers = new SelfQualifiers("my-project", "core");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CREATE TABLE `my-project.core.events` (id INT64)|CREATE TABLE `events` (id INT64)",
            "CREATE VIEW `my-project`.`core`.v AS SELECT * FROM core.events|CREATE VIEW v AS SELECT * FROM events",
            "SELECT * FROM `my-project.other.events`|SELECT * FROM `my-project.other.events`",
            "SELECT * FROM other.core.events|SELECT * FROM other.core.events",
            "SELECT 'core.events' AS s -- core.events|SELECT 'core.events' AS s -- core.events",
            "SELECT core FROM t|SELECT core FROM t",
            "SELECT \"\"\"core.x\"\"\", core.x FROM t|SELECT \"\"\"core.x\"\"\", x FROM t",
    })
    void stripsOnlyTheDatasetsOwnQualifiersOutsideLiteralsAndComments(String ddl, String stripped) {
        assertThat(qualifiers.strip(ddl)).isEqualTo(stripped);
    }
}
