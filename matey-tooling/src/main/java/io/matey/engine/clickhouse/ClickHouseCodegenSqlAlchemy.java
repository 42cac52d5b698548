package io.matey.engine.clickhouse;

import static io.matey.codegen.sqlalchemy.SqlAlchemyTypes.call;
import static io.matey.codegen.sqlalchemy.SqlAlchemyTypes.sized;

import io.matey.codegen.model.ColumnType;
import io.matey.codegen.sqlalchemy.SqlAlchemyTypes;
import io.matey.codegen.sqlalchemy.SqlAlchemyTypes.PyType;
import java.util.List;

/**
 * ClickHouse's half of the SQLAlchemy type map (docs/architecture.md §3). SQLAlchemy has no ClickHouse dialect of
 * its own, so only generic types are used where one holds the values (signed integers up to 64 bits and unsigned
 * ones up to 32, floats, decimals, strings, dates, timestamps, enums, arrays); every other type (UInt64 and wider,
 * UUID, IP addresses, maps, tuples, aggregate states) is {@code NativeType} under its ClickHouse name, with the
 * Python type its values have.
 */
final class ClickHouseCodegenSqlAlchemy {

    private ClickHouseCodegenSqlAlchemy() {
    }

    static PyType map(ColumnType t, SqlAlchemyTypes types) {
        return switch (t.name()) {
            case "int8", "int16", "uint8" -> types.sa("SmallInteger", "int");
            case "int32", "uint16" -> types.sa("Integer", "int");
            case "int64", "uint32" -> types.sa("BigInteger", "int");
            case "int128", "int256", "uint64", "uint128", "uint256" -> opaque(t, types, "int");
            case "float32", "bfloat16" -> types.sa("REAL", "float");
            case "float64" -> call(types.sa("Float", "float"), "53");
            case "bool" -> types.sa("Boolean", "bool");
            case "decimal", "decimal32", "decimal64", "decimal128", "decimal256" -> types.numeric(t);
            case "string" -> types.sa("String", "str");
            case "fixedstring" -> sized(types.sa("String", "str"), t.length());
            case "enum8", "enum16" -> types.enumType(t, List.of());
            case "date", "date32" -> types.sa("Date", "datetime.date");
            case "datetime", "datetime64" -> ClickHouseDataType.lenient(t.declared()).value().arguments().stream()
                    .anyMatch(a -> a.literal() != null && a.literal().startsWith("'"))
                    ? call(types.sa("DateTime", "datetime.datetime"), "timezone=True") : types.sa("DateTime", "datetime.datetime");
            case "array" -> {
                PyType element = map(t.element(), types);
                yield new PyType(types.sa("ARRAY", "list").expression() + "(" + element.expression() + ")",
                        "list[" + element.annotation() + "]");
            }
            case "uuid" -> opaque(t, types, "uuid.UUID");
            case "ipv4", "ipv6" -> opaque(t, types, "str");
            case "map" -> opaque(t, types, "dict");
            case "tuple" -> opaque(t, types, "tuple");
            default -> opaque(t, types, "Any");
        };
    }

    /** {@code NativeType} under the value type's ClickHouse name; nullability is the column's. */
    private static PyType opaque(ColumnType t, SqlAlchemyTypes types, String annotation) {
        return new PyType(types.nativeType(ClickHouseDataType.lenient(t.declared()).value().text()).expression(), annotation);
    }
}
