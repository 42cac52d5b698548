package io.matey.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file's value as data apply compares it with the table's: its JSON text, or, for a type whose values the
 * database rewrites ({@link DataDialect#rewritesValues}: {@code 10.0.0.1/32} in an {@code inet} column is
 * {@code 10.0.0.1}), the JSON text of the value the database makes of it, read back as the table's values are, so
 * that an unchanged file changes nothing (docs/architecture.md §3). Each distinct value is asked once, a file's
 * values {@link #ask}ed together in batches of {@link Batches#SIZE}, one query each.
 */
final class DatabaseForms {

    private final Connection connection;
    private final DataDialect dialect;
    private final Map<ColumnType, Map<String, String>> forms = new HashMap<>();

    DatabaseForms(Connection connection, DataDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * Asks the database for the forms of the distinct values of {@code rows} in columns of rewritten types, a batch
     * at a time. The values of a batch the database refuses, and one it makes nothing of, are left to {@link #value},
     * which asks each alone, so that the refused one is named as it is without batches.
     */
    void ask(List<Row> rows) throws SQLException {
        Map<ColumnType, Map<String, Object>> asked = new LinkedHashMap<>();
        for (Row row : rows) {
            for (int i = 0; i < row.values().length; i++) {
                ColumnType type = row.columns().get(i).type();
                Object value = row.values()[i];
                if (value != null && dialect.rewritesValues(type)) {
                    asked.computeIfAbsent(type, t -> new LinkedHashMap<>()).putIfAbsent(PythonJson.value(value), value);
                }
            }
        }
        for (Map.Entry<ColumnType, Map<String, Object>> values : asked.entrySet()) {
            List<Map.Entry<String, Object>> batch = new ArrayList<>(Batches.SIZE);
            for (Map.Entry<String, Object> value : values.getValue().entrySet()) {
                batch.add(value);
                if (batch.size() == Batches.SIZE) {
                    ask(values.getKey(), batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                ask(values.getKey(), batch);
            }
        }
    }

    /**
     * One query for a batch of distinct values of {@code type} (JSON text to value), each bound once through
     * {@link DataDialect#heldValue} beside its place in the batch ({@link DataDialect#numberedValues}), which maps its
     * form back to it. Inside a transaction it runs under a savepoint, so that a refused batch leaves the transaction
     * usable (PostgreSQL aborts it otherwise) for its values to be asked alone.
     */
    private void ask(ColumnType type, List<Map.Entry<String, Object>> batch) throws SQLException {
        Map<String, String> known = forms.computeIfAbsent(type, t -> new HashMap<>());
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        try (PreparedStatement ps = connection.prepareStatement("SELECT n, " + dialect.selected("v", type) + " FROM ("
                + dialect.numberedValues(dialect.heldValue(type), batch.size()) + ") AS file_values")) {
            for (int i = 0; i < batch.size(); i++) {
                dialect.bind(ps, i + 1, type, batch.get(i).getValue());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object form = dialect.read(rs, 2, type);
                    if (form != null) {
                        known.put(batch.get(rs.getInt(1)).getKey(), PythonJson.value(form));
                    }
                }
            }
        } catch (SQLException | ValueException e) {
            if (savepoint != null) {
                connection.rollback(savepoint);
                savepoint = null;
            }
        } finally {
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
        }
    }

    /**
     * The JSON text of {@code value}, a file's value of {@code column}, as the database holds it; refused, with the
     * database's reason, when the database cannot make the column's type of it.
     */
    String value(Column column, Object value) throws ValueException {
        String text = PythonJson.value(value);
        ColumnType type = column.type();
        if (value == null || !dialect.rewritesValues(type)) {
            return text;
        }
        Map<String, String> known = forms.computeIfAbsent(type, t -> new HashMap<>());
        String form = known.get(text);
        if (form == null) {
            form = held(column, value);
            known.put(text, form);
        }
        if (dialect.refusesRewrites(type) && !form.equals(text)) {
            throw new ValueException("the database would store " + text + " as " + form + " in " + type.label()
                    + ", another value, so the table would differ from the file at every apply; write a value "
                    + type.label() + " keeps as it is");
        }
        return form;
    }

    /** The value through {@link DataDialect#heldValue}, named once: {@code selected} may name it several times. */
    private String held(Column column, Object value) throws ValueException {
        ColumnType type = column.type();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + dialect.selected("v", type) + " FROM (SELECT "
                + dialect.heldValue(type) + " AS v) AS file_value")) {
            dialect.bind(ps, 1, type, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Object held = dialect.read(rs, 1, type);
                if (held == null) {
                    // MariaDB's ST_GeomFromText makes NULL of text that is no WKT, which a NULL column would store
                    throw new ValueException(PythonJson.value(value) + " is no " + type.label() + " value the database reads");
                }
                return PythonJson.value(held);
            }
        } catch (SQLException e) {
            throw new ValueException("the database refuses " + PythonJson.value(value) + " as " + type.label() + ": "
                    + e.getMessage());
        }
    }
}
