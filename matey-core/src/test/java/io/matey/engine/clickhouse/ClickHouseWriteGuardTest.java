package io.matey.engine.clickhouse;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.matey.migration.ParsedSql;
import io.matey.migration.SqlStatement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the ClickHouse write guard refuses and what it lets through; statements as ClickHouse migrations write them. */
class ClickHouseWriteGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE other_db.events (id UInt64) ENGINE = MergeTree ORDER BY id",
            "CREATE TABLE IF NOT EXISTS `other_db`.`events` (id UInt64) ENGINE = Memory",
            "ALTER TABLE other_db.events ADD COLUMN note String",
            "ALTER TABLE other_db.events DELETE WHERE id = 1",
            "ALTER TABLE events MOVE PARTITION 202401 TO TABLE other_db.archive",
            "DROP TABLE IF EXISTS other_db.events",
            "DROP DICTIONARY other_db.kinds",
            "CREATE DICTIONARY other_db.kinds (k String) PRIMARY KEY k SOURCE(CLICKHOUSE(TABLE 'k')) LIFETIME(0) LAYOUT(FLAT())",
            "CREATE MATERIALIZED VIEW counts_mv TO other_db.counts AS SELECT kind, count() AS n FROM events GROUP BY kind",
            "CREATE VIEW other_db.v AS SELECT 1",
            "INSERT INTO other_db.audit (note) VALUES ('x')",
            "INSERT INTO FUNCTION remote('other-host', 'db', 'audit') SELECT * FROM audit",
            "INSERT INTO TABLE FUNCTION file('/tmp/out.tsv') SELECT 1",
            "TRUNCATE TABLE other_db.audit",
            "RENAME TABLE audit TO other_db.audit",
            "EXCHANGE TABLES audit AND other_db.audit",
            "OPTIMIZE TABLE other_db.events FINAL",
            "DETACH TABLE other_db.events",
            "ATTACH TABLE other_db.events",
            "USE other_db",
            "CREATE DATABASE other_db",
            "CREATE DATABASE IF NOT EXISTS other_db ENGINE = Atomic",
            "DROP DATABASE other_db",
            "CREATE FUNCTION plus_one AS (x) -> x + 1",
            "DROP FUNCTION plus_one",
            "CREATE USER reader IDENTIFIED WITH no_password",
            "CREATE ROLE IF NOT EXISTS reader",
            "ALTER USER reader DEFAULT ROLE analyst",
            "DROP ROLE reader",
            "GRANT SELECT ON events TO reader",
            "REVOKE SELECT ON events FROM reader",
            "CREATE ROW POLICY p ON events USING id > 0 TO reader",
            "CREATE QUOTA q FOR INTERVAL 1 hour MAX queries = 10 TO reader",
            "CREATE SETTINGS PROFILE p SETTINGS max_threads = 1 TO reader",
            "SET DEFAULT ROLE analyst TO reader",
    })
    void refusesWritesOutsideTheDatabase(String sql) {
        assertThat(guard(sql)).as(sql).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE events (id UInt64) ENGINE = MergeTree ORDER BY id",
            "CREATE TABLE copy AS other_db.events",
            "CREATE TABLE copy ENGINE = MergeTree ORDER BY id AS SELECT * FROM other_db.events",
            "CREATE MATERIALIZED VIEW counts_mv TO counts AS SELECT kind, count() AS n FROM other_db.events GROUP BY kind",
            "CREATE VIEW v AS SELECT e.id FROM other_db.events AS e JOIN local AS l ON l.id = e.id",
            "CREATE DICTIONARY kinds (k String) PRIMARY KEY k SOURCE(CLICKHOUSE(DB 'other_db' TABLE 'k')) LIFETIME(0) LAYOUT(FLAT())",
            "INSERT INTO local SELECT * FROM other_db.events",
            "ALTER TABLE local ATTACH PARTITION 202401 FROM other_db.events",
            "ALTER TABLE local UPDATE note = 'x' WHERE local.id = 1 AND local.kind = 'a'",
            "ALTER TABLE local RENAME COLUMN a TO b",
            "ALTER TABLE local MODIFY TTL day + INTERVAL 1 MONTH TO VOLUME 'cold'",
            "SELECT * FROM other_db.events",
            "INSERT INTO local (note) VALUES ('INSERT INTO other_db.x')",
            "SET ROLE analyst",
            "ALTER TABLE local DROP COLUMN user",
    })
    void allowsReadsFromOtherDatabases(String sql) {
        assertThat(guard(sql)).as(sql).isEmpty();
    }

    @Test
    void reasonNamesTheTargetAndItsDatabase() {
        assertThat(guard("CREATE MATERIALIZED VIEW m TO `other_db`.`counts` AS SELECT 1 AS n"))
                .hasValue("write target other_db.counts names database other_db");
        assertThat(guard("CREATE ROW POLICY p ON events USING 1 TO reader")).get(as(STRING))
                .startsWith("CREATE ROW POLICY changes the server's access control");
        assertThat(guard("CREATE DATABASE other_db")).hasValue("CREATE DATABASE other_db acts on a database of its own");
    }

    private static Optional<String> guard(String sql) {
        return new ClickHouseWriteGuard().foreignWrite(ParsedSql.of(new SqlStatement(sql, 1)));
    }
}
