package io.matey.engine.sqlite;

import io.matey.engine.Identifiers;
import io.matey.data.ColumnType;
import io.matey.data.DataDialect;
import io.matey.data.ValueBinder;
import io.matey.data.ValueException;
import io.matey.data.ValueKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.Temporal;
import java.util.Optional;

/**
 * SQLite's data export and apply (docs/architecture.md §3): types come from the declared type, values are
 * checked as they are read (any column stores any value), and dates and times are stored as the text SQLite's
 * own functions write ({@link SqliteTimes}); files hold them in ISO form.
 */
final class SqliteDataDialect implements DataDialect {

    @Override
    public String quote(String identifier) {
        return Identifiers.quoted('"', identifier);
    }

    @Override
    public Optional<String> qualifierOutsideTarget() {
        return Optional.of("SQLite schema (main, temp or an attached database)");
    }

    @Override
    public ColumnType columnType(String declared, String typeName, int precision, int scale) {
        return SqliteColumnTypes.of(declared, precision, scale);
    }

    @Override
    public Object read(ResultSet rs, int index, ColumnType type) throws SQLException, ValueException {
        return SqliteValues.read(rs.getObject(index), type);
    }

    /** SQLite has no date types: values are stored as the text SQLite's own date and time functions write. */
    @Override
    public void bind(PreparedStatement ps, int index, ColumnType type, Object value) throws SQLException {
        if (value instanceof Temporal temporal) {
            ps.setString(index, SqliteTimes.text(temporal));
        } else {
            ValueBinder.bind(ps, index, type, value);
        }
    }

    /**
     * A time or timestamp key is found however the row spells its instant ({@link SqliteTimeKeys}): in this engine's
     * form, in the ISO form an older Matey wrote, or by hand with other fraction digits, which SQLite compares as
     * different text.
     */
    @Override
    public String keyEquals(String column, String value, ColumnType type) {
        return spelledVariously(type) ? SqliteTimeKeys.equal(column, value, type.kind())
                : DataDialect.super.keyEquals(column, value, type);
    }

    @Override
    public int bindKey(PreparedStatement ps, int index, ColumnType type, Object value) throws SQLException {
        if (!spelledVariously(type)) {
            return DataDialect.super.bindKey(ps, index, type, value);
        }
        int uses = SqliteTimeKeys.uses(type.kind());
        for (int i = 0; i < uses; i++) {
            bind(ps, index + i, type, value);
        }
        return index + uses;
    }

    /** Whether values of {@code type} may be spelled in several ways (a date has one). */
    private static boolean spelledVariously(ColumnType type) {
        return type.kind() == ValueKind.TIME || type.kind() == ValueKind.TIMESTAMP;
    }

    /** A timestamp is stored as text with its offset as given, which SQLite's date functions read. */
    @Override
    public boolean timestampsKeepOffsets() {
        return true;
    }

    /**
     * Foreign key enforcement is per connection and off by default; it cannot change inside a transaction.
     */
    @Override
    public boolean enforceForeignKeys(Connection connection, boolean on) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            boolean before;
            try (ResultSet rs = statement.executeQuery("PRAGMA foreign_keys")) {
                before = rs.next() && rs.getInt(1) == 1;
            }
            statement.execute("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"));
            return before;
        }
    }
}
