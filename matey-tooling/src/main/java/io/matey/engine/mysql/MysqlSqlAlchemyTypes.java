package io.matey.engine.mysql;

import static io.matey.codegen.sqlalchemy.SqlAlchemyTypes.call;
import static io.matey.codegen.sqlalchemy.SqlAlchemyTypes.join;
import static io.matey.codegen.sqlalchemy.SqlAlchemyTypes.length;
import static io.matey.codegen.sqlalchemy.SqlAlchemyTypes.sized;

import io.matey.codegen.model.ColumnType;
import io.matey.codegen.sqlalchemy.SqlAlchemyTypes;
import io.matey.codegen.sqlalchemy.SqlAlchemyTypes.PyType;
import java.util.List;

/**
 * MySQL's and MariaDB's half of the SQLAlchemy type map (docs/architecture.md §3), by {@code DATA_TYPE}; the
 * dialect's types carry {@code UNSIGNED}, and a type without a SQLAlchemy class becomes {@code NativeType}.
 */
final class MysqlSqlAlchemyTypes {

    private MysqlSqlAlchemyTypes() {
    }

    static PyType map(ColumnType t, SqlAlchemyTypes types) {
        String unsigned = t.unsigned() ? "unsigned=True" : null;
        String collation = t.collation() == null ? null : "collation=" + SqlAlchemyTypes.str(t.collation());
        return switch (t.name()) {
            case "tinyint" -> call(types.dialect("TINYINT", "int"), join(length(t), unsigned));
            case "smallint" -> unsigned == null ? types.sa("SmallInteger", "int") : call(types.dialect("SMALLINT", "int"), unsigned);
            case "mediumint" -> call(types.dialect("MEDIUMINT", "int"), unsigned);
            case "int" -> unsigned == null ? types.sa("Integer", "int") : call(types.dialect("INTEGER", "int"), unsigned);
            case "bigint" -> unsigned == null ? types.sa("BigInteger", "int") : call(types.dialect("BIGINT", "int"), unsigned);
            case "decimal" -> unsigned == null ? types.numeric(t) : call(types.dialect("DECIMAL", "decimal.Decimal"),
                    join(t.precision() == null ? null : t.precision() + ", " + t.scale(), unsigned));
            case "float" -> unsigned == null ? types.sa("Float", "float") : call(types.dialect("FLOAT", "float"), unsigned);
            case "double" -> call(types.dialect("DOUBLE", "float"), join("asdecimal=False", unsigned));
            case "bit" -> sized(types.dialect("BIT", "int"), t.length());
            case "char" -> call(types.sa("CHAR", "str"), join(length(t), collation));
            case "varchar" -> call(types.sa("String", "str"), join(length(t), collation));
            case "tinytext" -> call(types.dialect("TINYTEXT", "str"), collation);
            case "text" -> call(types.sa("Text", "str"), collation);
            case "mediumtext" -> call(types.dialect("MEDIUMTEXT", "str"), collation);
            case "longtext" -> call(types.dialect("LONGTEXT", "str"), collation);
            case "binary" -> sized(types.sa("BINARY", "bytes"), t.length());
            case "varbinary" -> sized(types.sa("VARBINARY", "bytes"), t.length());
            case "tinyblob" -> types.dialect("TINYBLOB", "bytes");
            case "blob" -> types.sa("LargeBinary", "bytes");
            case "mediumblob" -> types.dialect("MEDIUMBLOB", "bytes");
            case "longblob" -> types.dialect("LONGBLOB", "bytes");
            // SQLAlchemy's generic Enum drops a collation; the dialect's ENUM renders it.
            case "enum" -> collation == null ? types.enumType(t, List.of())
                    : call(types.dialect("ENUM", "str"), join(SqlAlchemyTypes.labels(t), collation));
            case "set" -> call(types.dialect("SET", "str"), join(SqlAlchemyTypes.labels(t), collation));
            case "date" -> types.sa("Date", "datetime.date");
            case "datetime" -> t.precision() == null ? types.sa("DateTime", "datetime.datetime")
                    : call(types.dialect("DATETIME", "datetime.datetime"), "fsp=" + t.precision());
            // The dialect's TIMESTAMP always: SQLAlchemy's generic one would clash with it by name.
            case "timestamp" -> t.precision() == null ? types.dialect("TIMESTAMP", "datetime.datetime")
                    : call(types.dialect("TIMESTAMP", "datetime.datetime"), "fsp=" + t.precision());
            case "time" -> t.precision() == null ? types.sa("Time", "datetime.time")
                    : call(types.dialect("TIME", "datetime.time"), "fsp=" + t.precision());
            case "year" -> types.dialect("YEAR", "int");
            case "json" -> types.sa("JSON", "dict");
            default -> types.nativeType(t.declared());
        };
    }
}
