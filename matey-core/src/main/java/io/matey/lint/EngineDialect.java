package io.matey.lint;

import io.matey.engine.Engines;
import io.matey.migration.SqlDialect;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL dialect of each engine a lock may name. Lint reads migrations of engines whose runtime support is not
 * in this build yet (PostgreSQL, ClickHouse, BigQuery), so it cannot ask {@code Engines} for them.
 */
final class EngineDialect {

    private static final Map<String, SqlDialect> KNOWN = Map.of(
            "sqlite", SqlDialect.SQLITE,
            "postgres", SqlDialect.POSTGRES,
            "mysql", SqlDialect.MYSQL,
            "clickhouse", SqlDialect.CLICKHOUSE,
            "bigquery", SqlDialect.BIGQUERY,
            "bigquery-emulator", SqlDialect.BIGQUERY);

    /** Known engine names for messages, in a stable order. */
    static final String NAMES = String.join(", ", Engines.KNOWN_IDS);

    private EngineDialect() {
    }

    /** The dialect of a normalised engine id; empty when the engine is unknown. */
    static Optional<SqlDialect> of(String engine) {
        return Optional.ofNullable(KNOWN.get(engine));
    }
}
