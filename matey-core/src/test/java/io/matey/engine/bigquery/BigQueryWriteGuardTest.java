package io.matey.engine.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.migration.ParsedSql;
import io.matey.migration.StatementSplitter;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BigQueryWriteGuardTest {

    private final BigQueryWriteGuard guard = new BigQueryWriteGuard();

    private Optional<String> check(String sql) {
        return guard.foreignWrite(ParsedSql.of(new StatementSplitter(new BigQueryEngine(false, BigQueryClients.DEFAULT).dialect()).split(sql).get(0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE other.events (id INT64)",
            "CREATE TABLE `proj.other.events` (id INT64)",
            "CREATE TABLE `proj:other.events` (id INT64)",
            "CREATE TABLE `proj`.`other`.events (id INT64)",
            "CREATE OR REPLACE VIEW other.v AS SELECT 1 AS x",
            "DROP TABLE other.events",
            "ALTER TABLE `proj.other.events` ADD COLUMN x STRING",
            "INSERT INTO other.events (id) VALUES (1)",
            "DELETE FROM other.events WHERE TRUE",
            "UPDATE other.events SET id = 2 WHERE TRUE",
            "TRUNCATE TABLE other.events",
            "MERGE other.events t USING src s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id)",
            "CREATE SCHEMA other",
            "DROP SCHEMA IF EXISTS other CASCADE",
            "LOAD DATA INTO other.events FROM FILES (format = 'CSV', uris = ['gs://b/f.csv'])",
            "CREATE FUNCTION other.f(x INT64) AS (x + 1)",
    })
    void refusesWritesQualifiedWithADataset(String sql) {
        assertThat(check(sql)).as(sql).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE events (id INT64)",
            "CREATE TABLE `events` (id INT64, payload STRUCT<a INT64, b STRING>)",
            "CREATE VIEW recent AS SELECT * FROM other.events WHERE TRUE",
            "INSERT INTO events (id) SELECT id FROM `proj.other.events`",
            "CREATE TABLE copy AS SELECT * FROM other.events",
            "ALTER TABLE events ADD COLUMN x STRING",
            "SELECT * FROM other.events",
    })
    void allowsUnqualifiedWritesAndForeignReads(String sql) {
        assertThat(check(sql)).as(sql).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void namesTheDatasetOfTheWrite() {
        assertThat(check("INSERT INTO `p.analytics.events` (id) VALUES (1)")).hasValueSatisfying(
                reason -> assertThat(reason).contains("p.analytics.events").contains("names dataset analytics"));
    }
}
