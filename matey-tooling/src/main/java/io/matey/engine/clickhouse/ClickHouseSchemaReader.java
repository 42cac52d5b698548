package io.matey.engine.clickhouse;

import io.matey.codegen.model.Column;
import io.matey.codegen.model.ColumnType;
import io.matey.codegen.model.Table;
import io.matey.engine.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ClickHouse tables and views of the connected database for codegen ({@link ClickHouseCodegen}), from
 * {@code system.tables} and {@code system.columns}. Materialized views (their rows live in their {@code TO} or inner
 * table) and dictionaries are not models; nor are inner tables and bookkeeping tables ({@link ClickHouseSchemaObjects}),
 * as the dump leaves them out. ClickHouse has no constraints a model could carry: the primary key is the table's
 * {@code PRIMARY KEY} (else {@code ORDER BY}) where it names plain columns, which is how rows are found, not a
 * uniqueness guarantee. Defaults and MATERIALIZED/ALIAS expressions lose the database's own qualifier as in the dump. Type names are the lower-cased value type ({@code Nullable} and {@code LowCardinality}
 * unwrapped; nullability goes to the column), with the full type as declared.
 */
final class ClickHouseSchemaReader {

    private record Parts(boolean view, String comment, List<String> primaryKey, List<Column> columns) {
    }

    /** The tables and views of the connected database. */
    List<Table> read(Connection connection) throws SQLException {
        Map<String, Parts> tables = new LinkedHashMap<>();
        String database = ClickHouseSchemaDumper.currentDatabase(connection);
        Rows.forEach(connection, "SELECT name, engine, comment, primary_key FROM system.tables WHERE "
                + ClickHouseSchemaObjects.CONDITION + " AND engine NOT IN ('MaterializedView', 'Dictionary') ORDER BY name",
                rs -> {
                    if (!ClickHouseSchemaObjects.bookkeeping(rs.getString(1))) {
                        boolean view = rs.getString(2).equals("View");
                        String comment = rs.getString(3);
                        tables.put(rs.getString(1), new Parts(view, comment == null || comment.isEmpty() ? null : comment,
                                view ? List.of() : ClickHouseKeyList.columns(rs.getString(4)), new ArrayList<>()));
                    }
                });
        Rows.forEach(connection, "SELECT table, name, type, default_kind, default_expression, comment "
                + "FROM system.columns WHERE database = currentDatabase() ORDER BY table, position", rs -> {
                    Parts table = tables.get(rs.getString(1));
                    if (table != null) {
                        table.columns().add(column(rs.getString(2), rs.getString(3), rs.getString(4),
                                ownless(rs.getString(5), database), rs.getString(6)));
                    }
                });
        List<Table> models = new ArrayList<>();
        tables.forEach((name, parts) -> {
            List<String> names = parts.columns().stream().map(Column::name).toList();
            List<String> key = names.containsAll(parts.primaryKey()) ? parts.primaryKey() : List.of();
            models.add(new Table(null, name, parts.view(), parts.comment(), parts.columns(), key, List.of(), List.of(),
                    List.of(), List.of()));
        });
        return models;
    }

    /**
     * A column expression without the scratch database's qualifier, which ClickHouse adds to the dictionaries and
     * tables it names ({@code dictGet('d', ...)} is stored as {@code dictGet('db.d', ...)}): stripped as the dump
     * strips it, or every model would name the replay's scratch database and differ from the last one.
     */
    private static String ownless(String expression, String database) {
        return expression == null ? null : CreateQuery.withoutOwnDatabase(expression, database);
    }

    private static Column column(String name, String type, String defaultKind, String expression, String comment) {
        ClickHouseDataType parsed = ClickHouseDataType.lenient(type);
        String serverDefault = null;
        Column.Generated generated = null;
        switch (defaultKind == null ? "" : defaultKind) {
            case "DEFAULT" -> serverDefault = expression;
            case "MATERIALIZED" -> generated = new Column.Generated(expression, true);
            case "ALIAS" -> generated = new Column.Generated(expression, false);
            default -> {
                // EPHEMERAL columns and plain ones: nothing the database computes for a model
            }
        }
        return new Column(name, columnType(parsed), parsed.holdsNull(), serverDefault, null, false, null, generated,
                comment == null || comment.isEmpty() ? null : comment);
    }

    /** The model type of a ClickHouse type: the value type's name and parameters, the declared text kept whole. */
    static ColumnType columnType(ClickHouseDataType declared) {
        ClickHouseDataType value = declared.value();
        String name = value.lowerName();
        Integer length = null;
        Integer precision = null;
        Integer scale = null;
        List<String> labels = List.of();
        ColumnType element = null;
        if (value.isDecimal()) {
            precision = value.decimalPrecision();
            scale = value.decimalScale();
        } else if (name.equals("datetime64")) {
            precision = value.number(0);
        } else if (name.equals("fixedstring")) {
            length = value.number(0);
        } else if (name.startsWith("enum")) {
            labels = value.labels();
        } else if (name.equals("array")) {
            element = columnType(value.type(0));
        }
        return new ColumnType(name, declared.text(), length, precision, scale, value.isUnsigned(), labels, null, null,
                element);
    }
}
