package io.matey.engine.postgres;

import io.matey.engine.postgres.ConstraintReader.Constraints;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Enum, composite and domain types, with their array types (which come with them) and constraints. */
final class TypeReader {

    private static final String SQL = """
            SELECT t.oid, t.typtype, t.typarray, t.typrelid, quote_ident(n.nspname) || '.' || quote_ident(t.typname) AS name,
                   ARRAY(SELECT quote_literal(e.enumlabel) FROM pg_enum e WHERE e.enumtypid = t.oid
                         ORDER BY e.enumsortorder) AS labels,
                   format_type(t.typbasetype, t.typtypmod) AS base_type,
                   CASE WHEN t.typcollation <> b.typcollation THEN %s END AS collation,
                   pg_get_expr(t.typdefaultbin, 0) AS default_expression, t.typnotnull
            FROM pg_type t
            JOIN pg_namespace n ON n.oid = t.typnamespace
            LEFT JOIN pg_type b ON b.oid = t.typbasetype
            WHERE t.oid >= %d AND %s AND %s
              AND (t.typtype IN ('e', 'd')
                   OR t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c'))
            """.formatted(Catalog.collationName("t.typcollation"), Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA,
            Catalog.notInExtension("pg_type", "t.oid"));

    private final Map<Long, List<Column>> columns;
    private final Constraints constraints;

    TypeReader(Map<Long, List<Column>> columns, Constraints constraints) {
        this.columns = columns;
        this.constraints = constraints;
    }

    void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SQL, row -> {
            String name = row.getString("name");
            DumpObject type = graph.create(Kind.TYPE, name);
            long oid = row.getLong("oid");
            graph.own("pg_type", row.getLong("typarray"), type);
            switch (row.getString("typtype")) {
                case "e" -> {
                    type.add("CREATE TYPE " + name + " AS ENUM " + list(Catalog.strings(row, "labels")));
                    graph.register("pg_type", oid, type, "TYPE " + name);
                }
                case "c" -> {
                    long relid = row.getLong("typrelid");
                    List<String> attributes = new ArrayList<>();
                    for (Column column : columns.getOrDefault(relid, List.of())) {
                        attributes.add(column.definition());
                        graph.commentable("pg_class", relid, column.number(), type,
                                column.commentOrder(), "COLUMN " + name + "." + column.name());
                    }
                    type.add("CREATE TYPE " + name + " AS " + list(attributes));
                    graph.register("pg_type", oid, type, "TYPE " + name);
                    graph.own("pg_class", relid, type);
                }
                default -> domain(row, graph, type, name, oid);
            }
        });
    }

    private void domain(ResultSet row, DumpGraph graph, DumpObject type, String name, long oid) throws SQLException {
        StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(name).append(" AS ").append(row.getString("base_type"));
        if (row.getString("collation") != null) {
            sql.append(" COLLATE ").append(row.getString("collation"));
        }
        if (row.getString("default_expression") != null) {
            sql.append(" DEFAULT ").append(row.getString("default_expression"));
        }
        if (row.getBoolean("typnotnull")) {
            sql.append(" NOT NULL");
        }
        List<Constraint> domainConstraints = constraints.ofDomain(oid);
        for (Constraint constraint : domainConstraints) {
            graph.detachable("pg_constraint", constraint.oid(), type, "CONSTRAINT " + constraint.name(),
                    "ALTER DOMAIN " + name + " ADD " + constraint.element());
            graph.commentable("pg_constraint", constraint.oid(), 0, type, "2 " + constraint.name(),
                    "CONSTRAINT " + constraint.name() + " ON DOMAIN " + name);
        }
        type.addRendered(() -> {
            List<String> notValid = new ArrayList<>();
            StringBuilder create = new StringBuilder(sql);
            for (Constraint constraint : domainConstraints) {
                // CREATE DOMAIN cannot mark a constraint NOT VALID; those are added afterwards, as they were
                if (graph.detached("pg_constraint", constraint.oid())) {
                    continue;
                }
                if (constraint.validated()) {
                    create.append("\n    ").append(constraint.element());
                } else {
                    notValid.add("ALTER DOMAIN " + name + " ADD " + constraint.element());
                }
            }
            notValid.add(0, create.toString());
            return notValid;
        });
        graph.register("pg_type", oid, type, "DOMAIN " + name);
    }

    /** A parenthesised list, one item per line, as pg_dump writes enum labels and attributes. */
    static String list(List<String> items) {
        return items.isEmpty() ? "()" : "(\n    " + String.join(",\n    ", items) + "\n)";
    }
}
