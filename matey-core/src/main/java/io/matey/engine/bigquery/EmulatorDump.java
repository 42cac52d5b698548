package io.matey.engine.bigquery;

import com.google.api.gax.paging.Page;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.Routine;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableConstraints;
import com.google.cloud.bigquery.TableDefinition;
import io.matey.error.MateyException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The dump of a dataset on the BigQuery emulator (docs/architecture.md §5). The emulator keeps no DDL in
 * {@code INFORMATION_SCHEMA}, so the dump is rendered from the tables API: one {@code CREATE TABLE} per table,
 * sorted by name, with its {@code PRIMARY KEY (...) NOT ENFORCED} where the API's {@code tableConstraints} show one. What that API cannot show faithfully — views, materialized views, routines, partitioning,
 * clustering, column defaults, descriptions, foreign keys — fails the dump, naming the object, instead of being left out.
 */
final class EmulatorDump {

    private final BigQueryDataset dataset;

    EmulatorDump(BigQueryDataset dataset) {
        this.dataset = dataset;
    }

    String dump() {
        refuseRoutines();
        List<Table> tables = new ArrayList<>();
        for (Table listed : dataset.client().listTables(dataset.id()).iterateAll()) {
            if (!InternalTables.contains(listed.getTableId().getTable())) {
                tables.add(listed);
            }
        }
        tables.sort(Comparator.comparing(t -> t.getTableId().getTable()));
        StringBuilder out = new StringBuilder();
        for (Table listed : tables) {
            out.append(out.isEmpty() ? "" : "\n").append(createTable(dataset.client().getTable(listed.getTableId())));
        }
        return out.toString();
    }

    private void refuseRoutines() {
        Page<Routine> routines = dataset.client().listRoutines(dataset.id());
        for (Routine routine : routines.iterateAll()) {
            throw unsupported("routine '" + routine.getRoutineId().getRoutine() + "'", "routines");
        }
    }

    private String createTable(Table table) {
        String name = table.getTableId().getTable();
        TableDefinition definition = table.getDefinition();
        if (!(definition instanceof StandardTableDefinition standard)) {
            throw unsupported(definition.getType().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " '"
                    + name + "'", "views, materialized views and other non-table objects");
        }
        if (standard.getTimePartitioning() != null || standard.getRangePartitioning() != null
                || standard.getClustering() != null) {
            throw unsupported("table '" + name + "'", "partitioning and clustering");
        }
        if (table.getDescription() != null) {
            throw unsupported("table '" + name + "'", "table descriptions");
        }
        TableConstraints constraints = table.getTableConstraints();
        if (constraints != null && constraints.getForeignKeys() != null && !constraints.getForeignKeys().isEmpty()) {
            throw unsupported("table '" + name + "'", "foreign keys");
        }
        List<String> key = constraints == null || constraints.getPrimaryKey() == null ? List.of()
                : constraints.getPrimaryKey().getColumns();
        StringBuilder sb = new StringBuilder("CREATE TABLE `").append(name).append("`\n(\n");
        FieldList fields = standard.getSchema() == null ? FieldList.of() : standard.getSchema().getFields();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            sb.append("  ").append(identifier(field.getName())).append(' ').append(column(name, field))
                    .append(i + 1 < fields.size() || !key.isEmpty() ? ",\n" : "\n");
        }
        if (!key.isEmpty()) {
            sb.append("  PRIMARY KEY (").append(String.join(", ", key.stream().map(EmulatorDump::identifier).toList()))
                    .append(") NOT ENFORCED\n");
        }
        return sb.append(");\n").toString();
    }

    private String column(String table, Field field) {
        if (field.getDefaultValueExpression() != null || field.getDescription() != null) {
            throw unsupported("column '" + table + "." + field.getName() + "'", "column defaults and descriptions");
        }
        String type = type(table, field);
        if (field.getMode() == Field.Mode.REPEATED) {
            return "ARRAY<" + type + ">";
        }
        return field.getMode() == Field.Mode.REQUIRED ? type + " NOT NULL" : type;
    }

    private String type(String table, Field field) {
        LegacySQLTypeName legacy = field.getType();
        if (legacy.equals(LegacySQLTypeName.RECORD)) {
            List<String> members = new ArrayList<>();
            for (Field member : field.getSubFields()) {
                members.add(identifier(member.getName()) + " " + column(table, member));
            }
            return "STRUCT<" + String.join(", ", members) + ">";
        }
        return BigQueryTypes.scalar(field);
    }

    private static String identifier(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "`" + name + "`";
    }

    private MateyException unsupported(String object, String kinds) {
        return new MateyException("bigquery-emulator cannot dump " + object + " of " + dataset.url() + " safely: the "
                + "emulator's API does not show " + kinds + " faithfully. Keep them out of emulator targets, or use a "
                + "bigquery:// target.");
    }
}
