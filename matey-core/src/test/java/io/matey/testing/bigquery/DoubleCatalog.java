package io.matey.testing.bigquery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The double's catalog: datasets holding tables (schema and rows), views and routines (stored DDL). */
final class DoubleCatalog {

    /**
     * A column; {@code defaultValue} (its {@code DEFAULT} expression as written) and {@code description} are null when
     * not given.
     */
    record Column(String name, String type, boolean notNull, String defaultValue, String description) {

        Column(String name, String type, boolean notNull) {
            this(name, type, notNull, null, null);
        }

        boolean hasOptions() {
            return defaultValue != null || description != null;
        }
    }

    static final class Table {
        final String name;
        final boolean view;
        final List<Column> columns = new ArrayList<>();
        final List<Map<String, Object>> rows = new ArrayList<>();
        /** The {@code PRIMARY KEY ... NOT ENFORCED} columns in key order; empty when none is declared. */
        final List<String> primaryKey = new ArrayList<>();
        String viewQuery;
        /** {@code PARTITION BY [DATE(]column[)]}: the column of its daily time partitioning; null when not partitioned. */
        String partitionColumn;
        /** {@code CLUSTER BY} columns in order; empty when not clustered. */
        final List<String> clustering = new ArrayList<>();
        /** {@code OPTIONS(description = ...)}; null when not given. */
        String description;

        Table(String name, boolean view) {
            this.name = name;
            this.view = view;
        }

        Column column(String name) {
            return columns.stream().filter(c -> c.name.equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> DoubleError.invalidQuery("Unrecognized name: " + name + " in table " + this.name));
        }
    }

    /** A routine as written: its kind and the DDL text after its name. */
    record Routine(String name, String type, String afterName) {
    }

    static final class Dataset {
        final String project;
        final String name;
        final String location;
        final Map<String, Table> tables = new TreeMap<>();
        final Map<String, Routine> routines = new TreeMap<>();

        Dataset(String project, String name, String location) {
            this.project = project;
            this.name = name;
            this.location = location;
        }

        String qualified(String object) {
            return "`" + project + "." + name + "." + object + "`";
        }

        Table table(String table) {
            Table found = tables.get(table);
            if (found == null) {
                throw DoubleError.notFound("Table " + project + ":" + name + "." + table);
            }
            return found;
        }

        /** INFORMATION_SCHEMA.TABLES.ddl, in BigQuery's layout. */
        String ddl(Table table) {
            if (table.view) {
                return "CREATE VIEW " + qualified(table.name) + "\nAS " + table.viewQuery + ";";
            }
            if (table.partitionColumn != null || !table.clustering.isEmpty() || table.description != null
                    || table.columns.stream().anyMatch(Column::hasOptions)) {
                // BigQuery's layout of these clauses in INFORMATION_SCHEMA.TABLES.ddl is not documented
                throw DoubleError.notImplemented("the ddl of table " + table.name + " with partitioning, clustering, "
                        + "defaults or descriptions");
            }
            StringBuilder sb = new StringBuilder("CREATE TABLE ").append(qualified(table.name)).append("\n(\n");
            for (int i = 0; i < table.columns.size(); i++) {
                Column c = table.columns.get(i);
                sb.append("  ").append(c.name).append(' ').append(c.type).append(c.notNull ? " NOT NULL" : "")
                        .append(i + 1 < table.columns.size() || !table.primaryKey.isEmpty() ? ",\n" : "\n");
            }
            if (!table.primaryKey.isEmpty()) {
                sb.append("  PRIMARY KEY (").append(String.join(", ", table.primaryKey)).append(") NOT ENFORCED\n");
            }
            return sb.append(");").toString();
        }

        String ddl(Routine routine) {
            String kind = routine.type.equals("TABLE_FUNCTION") ? "TABLE FUNCTION" : "FUNCTION";
            return "CREATE " + kind + " " + qualified(routine.name) + routine.afterName + ";";
        }
    }

    private final Map<String, Dataset> datasets = new LinkedHashMap<>();

    synchronized Dataset create(String project, String name, String location) {
        if (datasets.containsKey(project + ":" + name)) {
            throw DoubleError.duplicate("Dataset " + project + ":" + name);
        }
        Dataset dataset = new Dataset(project, name, location == null ? "US" : location);
        datasets.put(project + ":" + name, dataset);
        return dataset;
    }

    synchronized Dataset find(String project, String name) {
        return datasets.get(project + ":" + name);
    }

    Dataset get(String project, String name) {
        Dataset dataset = find(project, name);
        if (dataset == null) {
            throw DoubleError.notFound("Dataset " + project + ":" + name);
        }
        return dataset;
    }

    synchronized void delete(String project, String name, boolean contents) {
        Dataset dataset = get(project, name);
        if (!contents && !(dataset.tables.isEmpty() && dataset.routines.isEmpty())) {
            throw new DoubleError(400, "resourceInUse", "Dataset " + project + ":" + name + " is still in use");
        }
        datasets.remove(project + ":" + name);
    }

    synchronized List<Dataset> list(String project) {
        return datasets.values().stream().filter(d -> d.project.equals(project)).sorted(
                java.util.Comparator.comparing(d -> d.name)).toList();
    }
}
