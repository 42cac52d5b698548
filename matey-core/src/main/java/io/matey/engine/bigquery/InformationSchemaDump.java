package io.matey.engine.bigquery;

import com.google.cloud.bigquery.FieldValueList;
import io.matey.error.MateyException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The canonical dump of a BigQuery dataset from the DDL that {@code INFORMATION_SCHEMA} keeps for each object
 * (docs/architecture.md §5): tables, then views, materialized views, routines and search indexes, each kind sorted by
 * name and views and routines after what they read; the dataset's own qualifiers stripped, so the text does not
 * depend on the dataset's name. A kind this dumper does not know fails the dump, naming the object.
 */
final class InformationSchemaDump {

    /** Dump order of INFORMATION_SCHEMA's table_type and routine_type values. */
    private static final Map<String, Integer> KIND_ORDER = Map.of("BASE TABLE", 0, "VIEW", 1, "MATERIALIZED VIEW", 1,
            "SCALAR FUNCTION", 2, "FUNCTION", 2, "TABLE FUNCTION", 2, "AGGREGATE FUNCTION", 2, "PROCEDURE", 3,
            "SEARCH INDEX", 4);

    private record DumpObject(String name, String kind, String ddl) {
    }

    private final BigQueryDataset dataset;
    private final SelfQualifiers qualifiers;

    InformationSchemaDump(BigQueryDataset dataset) {
        this.dataset = dataset;
        this.qualifiers = new SelfQualifiers(dataset.url().project(), dataset.url().dataset());
    }

    String dump() {
        String schema = "`" + dataset.url().project() + "`.`" + dataset.url().dataset() + "`.INFORMATION_SCHEMA.";
        List<DumpObject> objects = new ArrayList<>();
        read(objects, "SELECT table_name, table_type, ddl FROM " + schema + "TABLES");
        read(objects, "SELECT routine_name, routine_type, ddl FROM " + schema + "ROUTINES");
        read(objects, "SELECT index_name, 'SEARCH INDEX', ddl FROM " + schema + "SEARCH_INDEXES");
        objects.removeIf(o -> o.kind.equals("BASE TABLE") && InternalTables.contains(o.name));
        objects.sort(Comparator.comparing((DumpObject o) -> KIND_ORDER.get(o.kind)).thenComparing(DumpObject::name));
        StringBuilder out = new StringBuilder();
        for (DumpObject object : readersAfterTheirSources(objects)) {
            out.append(out.isEmpty() ? "" : "\n").append(object.ddl).append('\n');
        }
        return out.toString();
    }

    private void read(List<DumpObject> objects, String query) {
        for (FieldValueList row : dataset.execute(query).iterateAll()) {
            String name = row.get(0).getStringValue();
            String kind = row.get(1).getStringValue();
            if (!KIND_ORDER.containsKey(kind)) {
                throw new MateyException("Cannot dump " + kind.toLowerCase(java.util.Locale.ROOT) + " '" + name + "' of "
                        + dataset.url() + ": Matey's BigQuery dump does not render this kind of object yet.");
            }
            String ddl = qualifiers.strip(row.get(2).getStringValue()).strip();
            objects.add(new DumpObject(name, kind, ddl.endsWith(";") ? ddl : ddl + ";"));
        }
    }

    /**
     * Moves each view and routine after the views and routines of this dump whose names it mentions, keeping the
     * sorted order otherwise, so that the dump loads statement by statement.
     */
    private static List<DumpObject> readersAfterTheirSources(List<DumpObject> sorted) {
        List<DumpObject> pending = new ArrayList<>(sorted);
        List<DumpObject> placed = new ArrayList<>();
        while (!pending.isEmpty()) {
            DumpObject next = pending.stream().filter(o -> pending.stream().noneMatch(other -> other != o
                    && KIND_ORDER.get(other.kind) > 0 && mentions(o, other))).findFirst().orElse(pending.get(0));
            pending.remove(next);
            placed.add(next);
        }
        return placed;
    }

    private static boolean mentions(DumpObject reader, DumpObject source) {
        return KIND_ORDER.get(reader.kind) > 0 && Pattern.compile("(?<![\\w.])`?" + Pattern.quote(source.name) + "`?(?![\\w`])")
                .matcher(reader.ddl).find();
    }
}
