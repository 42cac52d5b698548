package io.matey.engine.postgres;

import io.matey.codegen.model.ColumnType;
import io.matey.engine.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL types by oid, with domains resolved to their base types (a domain's NOT NULL and default apply to
 * its columns) and type modifiers decoded into lengths and precisions.
 */
final class PgTypes {

    private record PgType(String name, String schema, char kind, char category, long element, long base, int baseMod,
            boolean notNull, String defaultSql, String baseFormat, long collation) {
    }

    /**
     * A column's collation ({@code attcollation}, 0 for a type without one) and its name.
     *
     * @param schema its schema where that is neither {@code pg_catalog} nor the default one, else null
     */
    record Collation(long oid, String schema, String name) {

        /** As a {@code COLLATE} names it, each part quoted ({@link ColumnType#collation()}). */
        String sql() {
            return (schema == null ? "" : Identifiers.quoted('"', schema) + ".") + Identifiers.quoted('"', name);
        }
    }

    /** A column's type with what its domains add. */
    record Resolved(ColumnType type, boolean domainNotNull, String domainDefault) {
    }

    private final Map<Long, PgType> types = new HashMap<>();
    private final Map<Long, List<String>> labels = new HashMap<>();
    private final String defaultSchema;

    private PgTypes(String defaultSchema) {
        this.defaultSchema = defaultSchema;
    }

    static PgTypes load(Connection connection, String defaultSchema) throws SQLException {
        PgTypes catalog = new PgTypes(defaultSchema);
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT t.oid, t.typname, n.nspname, t.typtype, t.typcategory, t.typelem, "
                        + "t.typbasetype, t.typtypmod, t.typnotnull, t.typdefault, "
                        + "CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END, t.typcollation "
                        + "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace")) {
            while (rs.next()) {
                catalog.types.put(rs.getLong(1), new PgType(rs.getString(2), rs.getString(3), rs.getString(4).charAt(0),
                        rs.getString(5).charAt(0), rs.getLong(6), rs.getLong(7), rs.getInt(8), rs.getBoolean(9),
                        rs.getString(10), rs.getString(11), rs.getLong(12)));
            }
        }
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT enumtypid, enumlabel FROM pg_enum ORDER BY enumtypid, enumsortorder")) {
            while (rs.next()) {
                catalog.labels.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return catalog;
    }

    /**
     * @param declared  the column's {@code format_type}, used as the type's text unless a domain hides it
     * @param collation the column's, kept where it is not its base type's (a {@code COLLATE} of the column or its
     *                  domain), so that the models, which type the column by its base type, create it too
     */
    Resolved resolve(long oid, int typmod, String declared, Collation collation) {
        boolean notNull = false;
        String defaultSql = null;
        PgType type = types.get(oid);
        while (type != null && type.kind() == 'd') {
            notNull |= type.notNull();
            defaultSql = defaultSql != null ? defaultSql : type.defaultSql();
            if (typmod < 0) {
                typmod = type.baseMod();
            }
            declared = type.baseFormat();
            oid = type.base();
            type = types.get(oid);
        }
        ColumnType resolved = type(oid, typmod, declared);
        boolean own = type != null && collation.oid() != type.collation();
        return new Resolved(own ? resolved.withCollation(collation.sql()) : resolved, notNull, defaultSql);
    }

    private ColumnType type(long oid, int typmod, String declared) {
        PgType type = types.get(oid);
        if (type == null) {
            return ColumnType.of("unknown", declared);
        }
        if (type.category() == 'A' && type.element() != 0) {
            ColumnType element = type(type.element(), typmod, declared.replaceAll("\\[]$", ""));
            return new ColumnType("array", declared, null, null, null, false, List.of(), null, null, element);
        }
        if (type.kind() == 'e') {
            return new ColumnType("enum", declared, null, null, null, false, labels.getOrDefault(oid, List.of()),
                    type.name(), type.schema().equals(defaultSchema) ? null : type.schema(), null);
        }
        Integer length = null;
        Integer precision = null;
        Integer scale = null;
        switch (type.name()) {
            case "varchar", "bpchar" -> length = typmod >= 4 ? typmod - 4 : null;
            case "bit", "varbit" -> length = typmod > 0 ? typmod : null;
            case "numeric" -> {
                if (typmod >= 4) {
                    precision = ((typmod - 4) >> 16) & 0xffff;
                    scale = (typmod - 4) & 0xffff;
                }
            }
            case "timestamp", "timestamptz", "time", "timetz" -> precision = typmod >= 0 ? typmod : null;
            case "interval" -> precision = typmod >= 0 && (typmod & 0xffff) != 0xffff ? typmod & 0xffff : null;
            default -> {
                // no modifier the generators use
            }
        }
        String name = type.schema().equals("pg_catalog") ? type.name() : "user:" + type.name();
        return new ColumnType(name, declared, length, precision, scale, false, List.of(), null, null, null);
    }
}
