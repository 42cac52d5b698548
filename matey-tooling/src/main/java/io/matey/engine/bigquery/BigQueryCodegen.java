package io.matey.engine.bigquery;

import io.matey.codegen.CodegenDialect;
import io.matey.codegen.java.JavaType;
import io.matey.codegen.model.ColumnType;
import io.matey.codegen.model.SchemaModel;
import io.matey.codegen.sqlalchemy.SqlAlchemyTypes;
import io.matey.codegen.sqlalchemy.SqlAlchemyTypes.PyType;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * BigQuery's codegen dialect (docs/architecture.md §3): the {@code INFORMATION_SCHEMA} reader and BigQuery's halves of
 * the type maps. Java types are those data sets read ({@link BigQueryDataDialect}): {@code TIMESTAMP} an instant as
 * an {@code OffsetDateTime} in UTC, {@code DATETIME} a {@code LocalDateTime}, JSON and GEOGRAPHY their text. The
 * SQLAlchemy dialect is {@code bigquery} (the {@code sqlalchemy-bigquery} package); generic types where one holds the
 * values, {@code NativeType} for STRUCT, GEOGRAPHY, INTERVAL and RANGE. Models carry no indexes, so the index keyword
 * is never written.
 */
final class BigQueryCodegen implements CodegenDialect {

    @Override
    public SchemaModel read(Connection connection) throws SQLException {
        BigQueryDataset dataset = BigQueryConnection.dataset(connection);
        return new SchemaModel(this, ClientCalls.call(() -> new BigQuerySchemaReader().read(dataset)));
    }

    @Override
    public JavaType javaType(ColumnType t) {
        if (t.isArray()) {
            return JavaType.of("java.util.List<" + javaType(t.element()).boxed() + ">");
        }
        return switch (t.name()) {
            case "int64" -> JavaType.LONG;
            case "float64" -> JavaType.DOUBLE;
            case "bool" -> JavaType.BOOLEAN;
            case "numeric", "bignumeric" -> JavaType.DECIMAL;
            case "string", "json", "geography" -> JavaType.STRING;
            case "bytes" -> JavaType.BYTES;
            case "date" -> JavaType.DATE;
            case "time" -> JavaType.TIME;
            case "datetime" -> JavaType.DATE_TIME;
            case "timestamp" -> JavaType.OFFSET_DATE_TIME;
            default -> JavaType.OBJECT; // STRUCT, INTERVAL, RANGE: no value type data sets read
        };
    }

    @Override
    public String sqlAlchemyDialect() {
        return "bigquery";
    }

    @Override
    public String sqlAlchemyIndexMethodKeyword() {
        return "type";
    }

    @Override
    public PyType sqlAlchemyType(ColumnType t, SqlAlchemyTypes types) {
        return switch (t.name()) {
            case "int64" -> types.sa("BigInteger", "int");
            case "float64" -> SqlAlchemyTypes.call(types.sa("Float", "float"), "53");
            case "bool" -> types.sa("Boolean", "bool");
            case "numeric", "bignumeric" -> types.numeric(t);
            case "string" -> SqlAlchemyTypes.sized(types.sa("String", "str"), t.length());
            case "bytes" -> SqlAlchemyTypes.sized(types.sa("LargeBinary", "bytes"), t.length());
            case "date" -> types.sa("Date", "datetime.date");
            case "time" -> types.sa("Time", "datetime.time");
            case "datetime" -> types.sa("DateTime", "datetime.datetime");
            case "timestamp" -> SqlAlchemyTypes.call(types.sa("DateTime", "datetime.datetime"), "timezone=True");
            case "json" -> types.sa("JSON", "Any");
            case "array" -> new PyType(types.sa("ARRAY", "list").expression() + "(" + sqlAlchemyType(t.element(), types)
                    .expression() + ")", "list");
            case "geography" -> new PyType(types.nativeType(t.declared()).expression(), "str");
            default -> new PyType(types.nativeType(t.declared()).expression(), "Any");
        };
    }
}
