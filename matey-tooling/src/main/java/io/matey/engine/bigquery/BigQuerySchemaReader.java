package io.matey.engine.bigquery;

import com.google.cloud.bigquery.FieldValueList;
import io.matey.codegen.model.Column;
import io.matey.codegen.model.ColumnType;
import io.matey.codegen.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BigQuery tables and views of a dataset for codegen ({@link BigQueryCodegen}), from {@code INFORMATION_SCHEMA.TABLES}
 * and {@code COLUMNS}, without Matey's and dbmate's own tables; tables carry their declared (unenforced) primary key
 * ({@link BigQueryKeys}).
 * Type names are the lower-cased GoogleSQL base name ({@code int64}, {@code string}, {@code array}), with the full
 * type as declared ({@code STRING(40)}, {@code ARRAY<INT64>}).
 */
final class BigQuerySchemaReader {

    private static final Pattern PARAMETERS = Pattern.compile("([A-Z0-9]+)\\((\\d+)(?:,\\s*(\\d+))?\\)");

    List<Table> read(BigQueryDataset dataset) {
        String schema = "`" + dataset.url().project() + "`.`" + dataset.url().dataset() + "`.INFORMATION_SCHEMA.";
        Map<String, Boolean> views = new LinkedHashMap<>();
        for (FieldValueList row : dataset.execute("SELECT table_name, table_type FROM " + schema + "TABLES "
                + "ORDER BY table_name").iterateAll()) {
            if (!InternalTables.contains(row.get(0).getStringValue())) {
                views.put(row.get(0).getStringValue(), row.get(1).getStringValue().contains("VIEW"));
            }
        }
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        for (FieldValueList row : dataset.execute("SELECT table_name, column_name, is_nullable, data_type FROM " + schema
                + "COLUMNS ORDER BY table_name, ordinal_position").iterateAll()) {
            columns.computeIfAbsent(row.get(0).getStringValue(), t -> new ArrayList<>()).add(new Column(
                    row.get(1).getStringValue(), columnType(row.get(3).getStringValue()),
                    row.get(2).getStringValue().equals("YES"), null, null, false, null, null, null));
        }
        Map<String, List<String>> keys = BigQueryKeys.of(dataset, List.copyOf(views.keySet()));
        List<Table> tables = new ArrayList<>();
        views.forEach((name, view) -> tables.add(new Table(null, name, view, null, columns.getOrDefault(name, List.of()),
                view ? List.of() : keys.getOrDefault(name, List.of()), List.of(), List.of(), List.of(), List.of())));
        return tables;
    }

    /** The model type of a GoogleSQL type: {@code NUMERIC(12, 2)}, {@code STRING(40)}, {@code ARRAY<STRING>}. */
    static ColumnType columnType(String declared) {
        String upper = declared.strip().toUpperCase(Locale.ROOT);
        if (upper.startsWith("ARRAY<") && upper.endsWith(">")) {
            ColumnType element = columnType(declared.strip().substring(6, declared.strip().length() - 1));
            return new ColumnType("array", declared, null, null, null, false, List.of(), null, null, element);
        }
        int angle = upper.indexOf('<');
        if (angle > 0) {
            return ColumnType.of(upper.substring(0, angle).toLowerCase(Locale.ROOT), declared); // STRUCT<...>, RANGE<...>
        }
        Matcher parameters = PARAMETERS.matcher(upper);
        if (!parameters.matches()) {
            return ColumnType.of(upper.toLowerCase(Locale.ROOT), declared);
        }
        String name = parameters.group(1).toLowerCase(Locale.ROOT);
        Integer first = Integer.valueOf(parameters.group(2));
        Integer second = parameters.group(3) == null ? null : Integer.valueOf(parameters.group(3));
        boolean text = name.equals("string") || name.equals("bytes");
        return new ColumnType(name, declared, text ? first : null, text ? null : first, second, false, List.of(), null,
                null, null);
    }
}
