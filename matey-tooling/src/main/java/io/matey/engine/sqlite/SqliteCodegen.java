package io.matey.engine.sqlite;

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

/** SQLite's codegen dialect (docs/architecture.md §3): the sqlite_master reader and its halves of the type maps. */
final class SqliteCodegen implements CodegenDialect {

    /** The table options the reader keeps ({@link io.matey.codegen.model.Table#options()}). */
    static final String WITHOUT_ROWID = "WITHOUT ROWID";
    static final String STRICT = "STRICT";

    @Override
    public SchemaModel read(Connection connection) throws SQLException {
        return new SchemaModel(this, new SqliteModelReader().read(connection));
    }

    /**
     * By SQLite's type affinity, as the stored values are; a name of no other affinity has NUMERIC affinity, hence
     * {@code BigDecimal}. {@code ANY} and untyped columns (a view's {@code count()}) hold any value: {@code String},
     * which sqlite-jdbc reads from every storage class (a number as its digits), where it cannot read into
     * {@code Object} ({@code getObject(column, Object.class)} is unsupported).
     */
    @Override
    public JavaType javaType(ColumnType t) {
        String name = t.name();
        return switch (name) {
            case "boolean", "bool" -> JavaType.BOOLEAN;
            case "date" -> JavaType.DATE;
            case "datetime", "timestamp" -> JavaType.DATE_TIME;
            case "time" -> JavaType.TIME;
            case "any", "" -> JavaType.STRING;
            default -> {
                if (name.contains("int")) {
                    yield JavaType.LONG;
                } else if (name.contains("char") || name.contains("clob") || name.contains("text") || name.equals("json")) {
                    yield JavaType.STRING;
                } else if (name.contains("blob")) {
                    yield JavaType.BYTES;
                } else if (name.contains("real") || name.contains("floa") || name.contains("doub")) {
                    yield JavaType.DOUBLE;
                } else {
                    yield JavaType.DECIMAL;
                }
            }
        };
    }

    @Override
    public String sqlAlchemyDialect() {
        return "sqlite";
    }

    /** SQLite indexes have no method, so the reader never sets one and the generators never ask. */
    @Override
    public String sqlAlchemyIndexMethodKeyword() {
        throw new IllegalStateException("SQLite indexes have no method");
    }

    /** {@code sqlite_strict} needs SQLAlchemy 2.0.37 or later; {@code sqlite_with_rowid} is older. */
    @Override
    public Map<String, String> sqlAlchemyTableKeywords(Table table) {
        Map<String, String> keywords = new LinkedHashMap<>();
        if (table.options().contains(WITHOUT_ROWID)) {
            keywords.put("sqlite_with_rowid", "False");
        }
        if (table.options().contains(STRICT)) {
            keywords.put("sqlite_strict", "True");
        }
        return keywords;
    }

    @Override
    public SqlAlchemyTypes.PyType sqlAlchemyType(ColumnType type, SqlAlchemyTypes types) {
        return SqliteSqlAlchemyTypes.map(type, types);
    }
}
