package io.matey.testing.bigquery;

import io.matey.testing.bigquery.DoubleCatalog.Column;
import io.matey.testing.bigquery.DoubleCatalog.Dataset;
import io.matey.testing.bigquery.DoubleCatalog.Routine;
import io.matey.testing.bigquery.DoubleCatalog.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The double's {@code INFORMATION_SCHEMA} views of one dataset: TABLES and ROUTINES (with their {@code ddl}),
 * COLUMNS, TABLE_CONSTRAINTS and KEY_COLUMN_USAGE (primary keys, named {@code table.pk$}), and SEARCH_INDEXES (always empty: the double refuses CREATE SEARCH INDEX).
 */
final class DoubleInformationSchema {

    private final DoubleCatalog catalog;
    private final String project;

    DoubleInformationSchema(DoubleCatalog catalog, String project) {
        this.catalog = catalog;
        this.project = project;
    }

    DoubleSql.Rows rows(List<String> name) {
        if (name.size() < 3) {
            throw DoubleError.invalidQuery("Table \"INFORMATION_SCHEMA." + name.get(name.size() - 1)
                    + "\" must be qualified with a dataset (e.g. dataset.table).");
        }
        Dataset dataset = catalog.get(name.size() == 4 ? name.get(0) : project, name.get(name.size() - 3));
        String view = name.get(name.size() - 1).toUpperCase(Locale.ROOT);
        List<Map<String, Object>> rows = new ArrayList<>();
        switch (view) {
            case "TABLES" -> {
                for (Table table : dataset.tables.values()) {
                    rows.add(Map.of("table_name", table.name, "table_type", table.view ? "VIEW" : "BASE TABLE",
                            "ddl", dataset.ddl(table)));
                }
                return new DoubleSql.Rows(strings("table_name", "table_type", "ddl"), rows);
            }
            case "ROUTINES" -> {
                for (Routine routine : dataset.routines.values()) {
                    rows.add(Map.of("routine_name", routine.name(), "routine_type",
                            routine.type().equals("TABLE_FUNCTION") ? "TABLE FUNCTION" : "FUNCTION", "ddl", dataset.ddl(routine)));
                }
                return new DoubleSql.Rows(strings("routine_name", "routine_type", "ddl"), rows);
            }
            case "COLUMNS" -> {
                for (Table table : dataset.tables.values()) {
                    for (int i = 0; i < table.columns.size(); i++) {
                        Column c = table.columns.get(i);
                        rows.add(Map.of("table_name", table.name, "column_name", c.name(), "ordinal_position",
                                String.valueOf(i + 1), "is_nullable", c.notNull() ? "NO" : "YES", "data_type", c.type()));
                    }
                }
                List<DoubleSql.Field> schema = new ArrayList<>(strings("table_name", "column_name"));
                schema.add(new DoubleSql.Field("ordinal_position", "INT64"));
                schema.addAll(strings("is_nullable", "data_type"));
                return new DoubleSql.Rows(schema, rows);
            }
            case "TABLE_CONSTRAINTS" -> {
                for (Table table : dataset.tables.values()) {
                    if (!table.primaryKey.isEmpty()) {
                        rows.add(Map.of("constraint_catalog", dataset.project, "constraint_schema", dataset.name,
                                "constraint_name", table.name + ".pk$", "table_catalog", dataset.project, "table_schema",
                                dataset.name, "table_name", table.name, "constraint_type", "PRIMARY KEY", "is_deferrable",
                                "NO", "initially_deferred", "NO", "enforced", "NO"));
                    }
                }
                return new DoubleSql.Rows(strings("constraint_catalog", "constraint_schema", "constraint_name",
                        "table_catalog", "table_schema", "table_name", "constraint_type", "is_deferrable",
                        "initially_deferred", "enforced"), rows);
            }
            case "KEY_COLUMN_USAGE" -> {
                // a primary key's columns; position_in_unique_constraint is set only for foreign keys' columns
                for (Table table : dataset.tables.values()) {
                    for (int i = 0; i < table.primaryKey.size(); i++) {
                        Map<String, Object> row = new HashMap<>(Map.of("constraint_catalog", dataset.project,
                                "constraint_schema", dataset.name, "constraint_name", table.name + ".pk$", "table_catalog",
                                dataset.project, "table_schema", dataset.name, "table_name", table.name, "column_name",
                                table.primaryKey.get(i), "ordinal_position", String.valueOf(i + 1)));
                        row.put("position_in_unique_constraint", null);
                        rows.add(row);
                    }
                }
                List<DoubleSql.Field> schema = new ArrayList<>(strings("constraint_catalog", "constraint_schema",
                        "constraint_name", "table_catalog", "table_schema", "table_name", "column_name"));
                schema.add(new DoubleSql.Field("ordinal_position", "INT64"));
                schema.add(new DoubleSql.Field("position_in_unique_constraint", "INT64"));
                return new DoubleSql.Rows(schema, rows);
            }
            case "SEARCH_INDEXES" -> {
                // the double refuses CREATE SEARCH INDEX, so its datasets truly hold none
                return new DoubleSql.Rows(strings("index_name", "table_name", "ddl"), rows);
            }
            default -> throw DoubleError.notImplemented("INFORMATION_SCHEMA." + view);
        }
    }

    private static List<DoubleSql.Field> strings(String... names) {
        return java.util.Arrays.stream(names).map(n -> new DoubleSql.Field(n, "STRING")).toList();
    }
}
