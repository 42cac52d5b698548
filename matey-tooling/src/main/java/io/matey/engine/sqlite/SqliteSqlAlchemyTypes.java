package io.matey.engine.sqlite;

import static io.matey.codegen.sqlalchemy.SqlAlchemyTypes.call;
import static io.matey.codegen.sqlalchemy.SqlAlchemyTypes.sized;

import io.matey.codegen.model.ColumnType;
import io.matey.codegen.sqlalchemy.SqlAlchemyTypes;
import io.matey.codegen.sqlalchemy.SqlAlchemyTypes.PyType;

/**
 * SQLite's half of the SQLAlchemy type map (docs/architecture.md §3). SQLite keeps declared types verbatim;
 * unknown names follow its type-affinity rules, as SQLAlchemy does.
 */
final class SqliteSqlAlchemyTypes {

    private SqliteSqlAlchemyTypes() {
    }

    static PyType map(ColumnType t, SqlAlchemyTypes types) {
        String name = t.name();
        return switch (name) {
            case "bigint" -> types.sa("BigInteger", "int");
            case "smallint" -> types.sa("SmallInteger", "int");
            case "boolean", "bool" -> types.sa("Boolean", "bool");
            case "date" -> types.sa("Date", "datetime.date");
            case "datetime", "timestamp" -> types.sa("DateTime", "datetime.datetime");
            case "time" -> types.sa("Time", "datetime.time");
            case "json" -> types.sa("JSON", "dict");
            case "decimal", "numeric" -> types.numeric(t);
            case "float" -> types.sa("Float", "float");
            case "real" -> types.sa("REAL", "float");
            case "double", "double precision" -> call(types.sa("Float", "float"), "53");
            case "varchar", "nvarchar", "character varying", "varying character", "nchar varying" -> sized(types.sa("String", "str"), t.length());
            case "char", "nchar", "character", "native character" -> sized(types.sa("CHAR", "str"), t.length());
            case "text", "clob" -> types.sa("Text", "str");
            case "blob" -> types.sa("LargeBinary", "bytes");
            // a STRICT table's column of any value, which no other declared type may stand for there
            case "any" -> types.nativeType("ANY");
            default -> {
                if (name.isEmpty()) {
                    // No declared type: values are stored as given, so nothing may convert them; an untyped
                    // column is also what the metadata then creates.
                    yield types.nativeType("");
                } else if (name.contains("int")) {
                    yield types.sa("Integer", "int");
                } else if (name.contains("char") || name.contains("clob") || name.contains("text")) {
                    yield sized(types.sa("String", "str"), t.length());
                } else if (name.contains("blob")) {
                    yield types.sa("LargeBinary", "bytes");
                } else if (name.contains("real") || name.contains("floa") || name.contains("doub")) {
                    yield types.sa("REAL", "float");
                } else {
                    yield types.numeric(t);
                }
            }
        };
    }
}
