package io.matey.engine.postgres;

import io.matey.data.ColumnType;
import io.matey.data.DataDialect;
import io.matey.data.ValueBinder;
import io.matey.data.ValueKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** PostgreSQL's data export and apply (docs/architecture.md §3). */
final class PostgresDataDialect implements DataDialect {

    @Override
    public String quote(String identifier) {
        return TemplateCache.quote(identifier);
    }

    @Override
    public ColumnType columnType(String declared, String typeName, int precision, int scale) {
        return PostgresColumnTypes.of(typeName, precision, scale);
    }

    /** An untyped string is cast by the server to the column's type (jsonb, uuid, an enum, ...). */
    @Override
    public void bind(PreparedStatement ps, int index, ColumnType type, Object value) throws SQLException {
        if (value != null && (type.kind() == ValueKind.JSON || type.kind() == ValueKind.OTHER)) {
            ps.setObject(index, ValueBinder.text(value), Types.OTHER);
        } else {
            ValueBinder.bind(ps, index, type, value);
        }
    }

    /** Explicit values win over identity columns declared {@code GENERATED ALWAYS}, as reference data needs. */
    @Override
    public String insert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") OVERRIDING SYSTEM VALUE VALUES ("
                + "?, ".repeat(columns.size() - 1) + "?)";
    }

    @Override
    public void afterInsert(Connection connection, String table) throws SQLException {
        SequenceCatchUp.afterInsert(connection, table);
    }
}
