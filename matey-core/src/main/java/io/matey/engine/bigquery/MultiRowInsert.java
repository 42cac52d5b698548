package io.matey.engine.bigquery;

import com.google.cloud.bigquery.QueryParameterValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A batch of a one-row {@code INSERT ... VALUES (?, ...)} as few multi-row INSERTs (docs/architecture.md §3): each
 * statement is a BigQuery job, which takes seconds and counts against DML quotas, so a data set of a thousand rows
 * must not be a thousand jobs. A statement carries at most {@value #MAX_PARAMETERS} parameters, BigQuery's limit.
 */
final class MultiRowInsert {

    static final int MAX_PARAMETERS = 10_000;
    private static final Pattern ONE_ROW = Pattern.compile("(?is)(\\s*INSERT\\s+(?:INTO\\s+)?.+?\\s+VALUES\\s*)"
            + "(\\((?:\\s*\\?\\s*,)*\\s*\\?\\s*\\))\\s*");

    private final String head;
    private final String row;

    private MultiRowInsert(String head, String row) {
        this.head = head;
        this.row = row;
    }

    /** The batching of {@code sql}, when it is a one-row INSERT of placeholders only. */
    static Optional<MultiRowInsert> of(String sql) {
        Matcher matcher = ONE_ROW.matcher(sql);
        return matcher.matches() ? Optional.of(new MultiRowInsert(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** The statements for these rows' parameters, each with its parameters in order. */
    List<Statement> statements(List<List<QueryParameterValue>> rows) {
        int perRow = Math.max(1, rows.isEmpty() ? 1 : rows.get(0).size());
        int rowsPerStatement = Math.max(1, MAX_PARAMETERS / perRow);
        List<Statement> statements = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += rowsPerStatement) {
            List<List<QueryParameterValue>> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
            List<QueryParameterValue> parameters = new ArrayList<>();
            chunk.forEach(parameters::addAll);
            statements.add(new Statement(head + String.join(", ", Collections.nCopies(chunk.size(), row)), parameters));
        }
        return statements;
    }

    record Statement(String sql, List<QueryParameterValue> parameters) {
    }
}
