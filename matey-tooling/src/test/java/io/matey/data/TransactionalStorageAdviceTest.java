package io.matey.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.EngineToolings;
import io.matey.engine.Engines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The advice that ends data apply's refusal of a table without transactions is its engine's: MySQL's names its
 * storage engine (DataSafetyTest refuses a MariaDB MyISAM table with it), no other engine's does.
 */
class TransactionalStorageAdviceTest {

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres", "clickhouse", "bigquery"})
    void anotherEnginesAdviceNamesNoMysqlStorageEngine(String engine) {
        String advice = EngineToolings.of(Engines.byId(engine)).data().transactionalStorageAdvice("\"t\"");

        assertThat(advice).isNotBlank().doesNotContainIgnoringCase("InnoDB").doesNotContain("ENGINE=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql"})
    void mysqlNamesTheStatementThatConvertsTheTable(String engine) {
        assertThat(EngineToolings.of(Engines.byId(engine)).data().transactionalStorageAdvice("`t`"))
                .contains("ALTER TABLE `t` ENGINE=InnoDB");
    }
}
