package io.matey.engine.bigquery;

import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A batch of one-row DELETEs or UPDATEs by key, as data sets write them, as few statements (docs/architecture.md §3):
 * each statement is a BigQuery job. The rows travel as one {@code ARRAY<STRUCT<f0, f1, ...>>} parameter, at most
 * {@value #MAX_ROWS} a statement: {@code DELETE FROM t WHERE STRUCT(k, ...) IN UNNEST(?)} (structs compare field by
 * field) and {@code MERGE t USING UNNEST(?) ... WHEN MATCHED THEN UPDATE SET ...}. Only the second needs MERGE, which
 * the emulator is not known to run, so there updates stay one job per row.
 */
final class KeyedBatch {

    static final int MAX_ROWS = 1_000;
    private static final String NAME = "`(?:[^`\\\\]|\\\\.)+`";
    private static final String EQUALS = NAME + "\\s*=\\s*\\?";
    private static final Pattern UPDATE = Pattern.compile("(?is)\\s*UPDATE\\s+(" + NAME + ")\\s+SET\\s+(" + EQUALS
            + "(?:\\s*,\\s*" + EQUALS + ")*)\\s+WHERE\\s+(" + EQUALS + "(?:\\s+AND\\s+" + EQUALS + ")*)\\s*");
    private static final Pattern DELETE = Pattern.compile("(?is)\\s*DELETE\\s+FROM\\s+(" + NAME + ")\\s+WHERE\\s+("
            + EQUALS + "(?:\\s+AND\\s+" + EQUALS + ")*)\\s*");
    private static final Pattern QUOTED = Pattern.compile(NAME);

    private final String sql;
    private final int fields;

    private KeyedBatch(String sql, int fields) {
        this.sql = sql;
        this.fields = fields;
    }

    /** The batching of {@code sql}, when it is a one-row DELETE by key or, with {@code merge}, such an UPDATE. */
    static Optional<KeyedBatch> of(String sql, boolean merge) {
        Matcher delete = DELETE.matcher(sql);
        if (delete.matches()) {
            List<String> key = names(delete.group(2));
            return Optional.of(new KeyedBatch("DELETE FROM " + delete.group(1) + " WHERE STRUCT(" + String.join(", ", key)
                    + ") IN UNNEST(?)", key.size()));
        }
        Matcher update = UPDATE.matcher(sql);
        if (!merge || !update.matches()) {
            return Optional.empty();
        }
        List<String> set = names(update.group(2));
        List<String> key = names(update.group(3));
        StringBuilder on = new StringBuilder();
        for (int i = 0; i < key.size(); i++) {
            on.append(i == 0 ? "" : " AND ").append("T.").append(key.get(i)).append(" = S.f").append(set.size() + i);
        }
        String assignments = IntStream.range(0, set.size()).mapToObj(i -> set.get(i) + " = S.f" + i)
                .collect(Collectors.joining(", "));
        return Optional.of(new KeyedBatch("MERGE " + update.group(1) + " AS T USING UNNEST(?) AS S ON " + on
                + " WHEN MATCHED THEN UPDATE SET " + assignments, set.size() + key.size()));
    }

    private static List<String> names(String equalities) {
        List<String> names = new ArrayList<>();
        Matcher name = QUOTED.matcher(equalities);
        while (name.find()) {
            names.add(name.group());
        }
        return names;
    }

    /** The statements for these rows' parameters (in the one-row statement's order), each with its one parameter. */
    List<MultiRowInsert.Statement> statements(List<List<QueryParameterValue>> rows) {
        List<MultiRowInsert.Statement> statements = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += MAX_ROWS) {
            List<QueryParameterValue> structs = new ArrayList<>();
            for (List<QueryParameterValue> row : rows.subList(from, Math.min(rows.size(), from + MAX_ROWS))) {
                Map<String, QueryParameterValue> values = new LinkedHashMap<>();
                for (int i = 0; i < fields; i++) {
                    values.put("f" + i, row.get(i));
                }
                structs.add(QueryParameterValue.struct(values));
            }
            statements.add(new MultiRowInsert.Statement(sql, List.of(QueryParameterValue.newBuilder()
                    .setType(StandardSQLTypeName.ARRAY).setArrayType(StandardSQLTypeName.STRUCT).setArrayValues(structs)
                    .build())));
        }
        return statements;
    }
}
