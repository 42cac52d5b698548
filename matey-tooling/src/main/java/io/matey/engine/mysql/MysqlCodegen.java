package io.matey.engine.mysql;

import io.matey.codegen.CodegenDialect;
import io.matey.codegen.java.JavaType;
import io.matey.codegen.model.ColumnType;
import io.matey.codegen.model.SchemaModel;
import io.matey.codegen.model.Table;
import io.matey.codegen.sqlalchemy.SqlAlchemyTypes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MySQL's and MariaDB's codegen dialect (docs/architecture.md §3): the information_schema reader and its halves
 * of the type maps. Index kinds ({@code FULLTEXT}, {@code SPATIAL}) are SQLAlchemy's {@code mysql_prefix}.
 */
final class MysqlCodegen implements CodegenDialect {

    @Override
    public SchemaModel read(Connection connection) throws SQLException {
        return new SchemaModel(this, new MysqlModelReader().read(connection));
    }

    /**
     * As Connector/J returns values. Spatial types are {@code byte[]}, the driver's value for them: the server's
     * internal form, a 4-byte SRID then the WKB ({@code ST_AsText} in a query gives WKT instead).
     */
    @Override
    public JavaType javaType(ColumnType t) {
        boolean unsigned = t.unsigned();
        if (MysqlColumnTypes.GEOMETRIES.contains(t.name())) {
            return JavaType.BYTES;
        }
        return switch (t.name()) {
            // tinyint(1) is MySQL's boolean, and Connector/J reads it as one.
            case "tinyint" -> Integer.valueOf(1).equals(t.length()) ? JavaType.BOOLEAN : unsigned ? JavaType.SHORT : JavaType.BYTE;
            case "smallint" -> unsigned ? JavaType.INT : JavaType.SHORT;
            case "mediumint" -> JavaType.INT;
            case "int" -> unsigned ? JavaType.LONG : JavaType.INT;
            case "bigint" -> unsigned ? JavaType.BIG_INTEGER : JavaType.LONG;
            case "decimal" -> JavaType.DECIMAL;
            case "float" -> JavaType.FLOAT;
            case "double" -> JavaType.DOUBLE;
            case "bit" -> Integer.valueOf(1).equals(t.length()) ? JavaType.BOOLEAN : JavaType.BYTES;
            case "year" -> JavaType.SHORT;
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set", "json" -> JavaType.STRING;
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> JavaType.BYTES;
            case "date" -> JavaType.DATE;
            case "datetime", "timestamp" -> JavaType.DATE_TIME;
            case "time" -> JavaType.TIME;
            case "uuid" -> JavaType.UUID; // MariaDB 10.7+
            default -> JavaType.OBJECT;
        };
    }

    @Override
    public String sqlAlchemyDialect() {
        return "mysql";
    }

    @Override
    public String sqlAlchemyIndexMethodKeyword() {
        return "prefix";
    }

    @Override
    public SqlAlchemyTypes.PyType sqlAlchemyType(ColumnType type, SqlAlchemyTypes types) {
        return MysqlSqlAlchemyTypes.map(type, types);
    }

    @Override
    public String quoteIdentifier(String name) {
        return Backticks.quote(name);
    }

    /**
     * A table's character set and collation where they are not the database's, and its partitioning with its
     * partitions: SQLAlchemy writes {@code PARTITION BY} and the text after it, which may hold the partition list.
     */
    @Override
    public Map<String, String> sqlAlchemyTableKeywords(Table table) {
        Map<String, String> keywords = new LinkedHashMap<>();
        for (String[] keyword : new String[][] {{MysqlModelReader.CHARSET, "mysql_charset"},
                {MysqlModelReader.COLLATE, "mysql_collate"}, {MysqlModelReader.PARTITION_BY, "mysql_partition_by"}}) {
            table.options().stream().filter(o -> o.startsWith(keyword[0])).findFirst()
                    .ifPresent(o -> keywords.put(keyword[1], SqlAlchemyTypes.str(o.substring(keyword[0].length()))));
        }
        return keywords;
    }

    @Override
    public boolean sqlAlchemyAutoincrementsIntegerKeys() {
        return true;
    }
}
