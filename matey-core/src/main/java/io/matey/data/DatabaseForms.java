package io.matey.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A file's value as data apply compares it with the table's: its JSON text, or, for a type whose values the
 * database rewrites ({@link DataDialect#rewritesValues}: {@code 10.0.0.1/32} in an {@code inet} column is
 * {@code 10.0.0.1}), the JSON text of the value the database makes of it, read back as the table's values are, so
 * that an unchanged file changes nothing (docs/architecture.md §3). Each distinct value is asked once.
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
        return form;
    }

    /** The value through {@link DataDialect#parameter}, named once: {@code selected} may name it several times. */
    private String held(Column column, Object value) throws ValueException {
        ColumnType type = column.type();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + dialect.selected("v", type) + " FROM (SELECT "
                + dialect.parameter(type) + " AS v) AS file_value")) {
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
