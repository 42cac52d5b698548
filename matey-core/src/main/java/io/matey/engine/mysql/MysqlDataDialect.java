package io.matey.engine.mysql;

import io.matey.data.ColumnType;
import io.matey.data.DataDialect;

/** MySQL's and MariaDB's data export and apply: standard JDBC values and statements (docs/architecture.md §3). */
final class MysqlDataDialect implements DataDialect {

    @Override
    public String quote(String identifier) {
        return Backticks.quote(identifier);
    }

    @Override
    public ColumnType columnType(String declared, String typeName, int precision, int scale) {
        return MysqlColumnTypes.of(typeName, precision, scale);
    }
}
