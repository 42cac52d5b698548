package io.matey.engine.clickhouse;

import io.matey.codegen.CodegenDialect;
import io.matey.codegen.java.JavaType;
import io.matey.codegen.model.ColumnType;
import io.matey.codegen.model.SchemaModel;
import io.matey.codegen.sqlalchemy.SqlAlchemyTypes;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * ClickHouse's codegen dialect (docs/architecture.md §3): the {@code system.columns} reader and ClickHouse's halves
 * of the type maps. Java types are what {@code clickhouse-jdbc} returns (unsigned integers widen: {@code UInt64} is a
 * {@code BigInteger}); {@code DateTime} values are local date-times in the column's zone, as data sets have them.
 * SQLAlchemy's dialect name is {@code clickhouse}, as ClickHouse's SQLAlchemy packages register it; models carry no
 * indexes (ClickHouse's skipping indexes are no SQLAlchemy indexes), so the index keyword is never written.
 */
final class ClickHouseCodegen implements CodegenDialect {

    @Override
    public SchemaModel read(Connection connection) throws SQLException {
        return new SchemaModel(this, new ClickHouseSchemaReader().read(connection));
    }

    @Override
    public JavaType javaType(ColumnType t) {
        if (t.isArray()) {
            return JavaType.of("java.util.List<" + javaType(t.element()).boxed() + ">");
        }
        return switch (t.name()) {
            case "int8" -> JavaType.BYTE;
            case "int16", "uint8" -> JavaType.SHORT;
            case "int32", "uint16" -> JavaType.INT;
            case "int64", "uint32" -> JavaType.LONG;
            case "int128", "int256", "uint64", "uint128", "uint256" -> JavaType.BIG_INTEGER;
            case "float32", "bfloat16" -> JavaType.FLOAT;
            case "float64" -> JavaType.DOUBLE;
            case "bool" -> JavaType.BOOLEAN;
            case "decimal", "decimal32", "decimal64", "decimal128", "decimal256" -> JavaType.DECIMAL;
            case "string", "fixedstring", "enum8", "enum16" -> JavaType.STRING;
            case "date", "date32" -> JavaType.DATE;
            case "datetime", "datetime64" -> JavaType.DATE_TIME;
            case "uuid" -> JavaType.UUID;
            case "ipv4", "ipv6" -> JavaType.of("java.net.InetAddress");
            case "map" -> JavaType.of("java.util.Map<?, ?>");
            case "tuple" -> JavaType.of("Object[]");
            default -> JavaType.OBJECT;
        };
    }

    @Override
    public String sqlAlchemyDialect() {
        return "clickhouse";
    }

    @Override
    public String sqlAlchemyIndexMethodKeyword() {
        return "type";
    }

    @Override
    public SqlAlchemyTypes.PyType sqlAlchemyType(ColumnType type, SqlAlchemyTypes types) {
        return ClickHouseCodegenSqlAlchemy.map(type, types);
    }
}
