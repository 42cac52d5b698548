package io.matey.engine.postgres;

import io.matey.codegen.CodegenDialect;
import io.matey.codegen.java.JavaType;
import io.matey.codegen.model.ColumnType;
import io.matey.codegen.model.SchemaModel;
import io.matey.codegen.model.Table;
import io.matey.codegen.sqlalchemy.SqlAlchemyTypes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** PostgreSQL's codegen dialect (docs/architecture.md §3): the catalog reader and its halves of the type maps. */
final class PostgresCodegen implements CodegenDialect {

    @Override
    public SchemaModel read(Connection connection) throws SQLException {
        return new SchemaModel(this, new PostgresModelReader().read(connection));
    }

    /**
     * The catalog's deparsed texts (CHECK, defaults, index expressions) depend on how a tree was created ({@code IN} on
     * a varchar prints otherwise once its own text is loaded), which the dump settles by echoing them
     * ({@code DeparseEcho}), and an inheriting table's columns are in the order of their additions, where a load puts
     * the parents' first: read from a load of schema.sql, both are what every replay and bootstrap give.
     */
    @Override
    public boolean readsLoadedSchema() {
        return true;
    }

    /** As pgJDBC returns values; a type without a fitting class (an extension's, a range) stays {@code Object}. */
    @Override
    public JavaType javaType(ColumnType t) {
        if (t.isArray()) {
            return JavaType.of("java.util.List<" + javaType(t.element()).boxed() + ">");
        }
        return switch (t.name()) {
            case "int2" -> JavaType.SHORT;
            case "int4" -> JavaType.INT;
            case "int8", "oid" -> JavaType.LONG;
            case "numeric" -> JavaType.DECIMAL;
            case "float4" -> JavaType.FLOAT;
            case "float8" -> JavaType.DOUBLE;
            case "bool" -> JavaType.BOOLEAN;
            // Text-like types the driver hands over as strings; citext is the one common extension type.
            case "varchar", "bpchar", "text", "enum", "json", "jsonb", "xml", "inet", "cidr", "macaddr", "macaddr8",
                    "tsvector", "money", "bit", "varbit", "interval", "user:citext" -> JavaType.STRING;
            case "bytea" -> JavaType.BYTES;
            case "date" -> JavaType.DATE;
            case "time" -> JavaType.TIME;
            case "timetz" -> JavaType.OFFSET_TIME;
            case "timestamp" -> JavaType.DATE_TIME;
            case "timestamptz" -> JavaType.OFFSET_DATE_TIME;
            case "uuid" -> JavaType.UUID;
            default -> JavaType.OBJECT;
        };
    }

    @Override
    public String sqlAlchemyDialect() {
        return "postgresql";
    }

    @Override
    public String sqlAlchemyIndexMethodKeyword() {
        return "using";
    }

    @Override
    public boolean sqlAlchemyIndexOps() {
        return true;
    }

    @Override
    public SqlAlchemyTypes.PyType sqlAlchemyType(ColumnType type, SqlAlchemyTypes types) {
        return PostgresSqlAlchemyTypes.map(type, types);
    }

    /** SQLAlchemy's PostgreSQL dialect writes {@code PARTITION BY ...} from {@code postgresql_partition_by}. */
    @Override
    public Map<String, String> sqlAlchemyTableKeywords(Table table) {
        for (String option : table.options()) {
            if (option.startsWith(PostgresModelReader.PARTITION_BY)) {
                return Map.of("postgresql_partition_by",
                        SqlAlchemyTypes.str(option.substring(PostgresModelReader.PARTITION_BY.length())));
            }
        }
        return Map.of();
    }

    @Override
    public boolean sqlAlchemyAutoincrementsIntegerKeys() {
        return true;
    }
}
