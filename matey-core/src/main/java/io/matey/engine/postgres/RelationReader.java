package io.matey.engine.postgres;

import io.matey.engine.postgres.ConstraintReader.Constraints;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Tables, partitions, views and materialized views, with their columns and constraints. Foreign keys become
 * objects of their own, after all tables, so that tables referencing each other load in any order.
 * {@code schema_migrations} is not part of the schema: the dump's migrations block creates it.
 */
final class RelationReader {

    static final String SQL = """
            SELECT c.oid, c.relkind, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
                   c.reltype, t.typarray, c.relpersistence = 'u' AS unlogged, c.relrowsecurity, c.relforcerowsecurity,
                   c.reloptions, c.relreplident,
                   ARRAY(SELECT 'toast.' || o FROM pg_class tc, unnest(tc.reloptions) o WHERE tc.oid = c.reltoastrelid)
                       AS toast_options,
                   CASE WHEN am.amname <> 'heap' THEN quote_ident(am.amname) END AS access_method,
                   CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
                   CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
                   ARRAY(SELECT i.inhparent::regclass::text FROM pg_inherits i WHERE i.inhrelid = c.oid
                         ORDER BY i.inhseqno) AS parents,
                   ARRAY(SELECT i.inhparent::bigint FROM pg_inherits i WHERE i.inhrelid = c.oid
                         ORDER BY i.inhseqno) AS parent_oids,
                   CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS view_definition,
                   (SELECT r.oid FROM pg_rewrite r WHERE r.ev_class = c.oid AND r.rulename = '_RETURN') AS rule_oid,
                   quote_ident(fs.srvname) AS server, %s AS foreign_options,
                   CASE WHEN c.reloftype <> 0 THEN format_type(c.reloftype, NULL) END AS of_type
            FROM pg_class c
            LEFT JOIN pg_foreign_table ft ON ft.ftrelid = c.oid
            LEFT JOIN pg_foreign_server fs ON fs.oid = ft.ftserver
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_type t ON t.oid = c.reltype
            LEFT JOIN pg_am am ON am.oid = c.relam
            WHERE c.oid >= %d AND c.relkind IN ('r', 'p', 'f', 'v', 'm') AND %s AND c.relname NOT IN (%s, 'matey_migration_progress') AND %s
            """.formatted(Catalog.options("ft.ftoptions"), Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA, PostgresMigrationTable.DUMPED_NAME, Catalog.notInExtension("pg_class", "c.oid"));

    private final DeparseEcho echo;
    private final Map<Long, List<Column>> columns;
    private final Constraints constraints;
    private final TableRenderer tables;

    RelationReader(Map<Long, List<Column>> columns, Constraints constraints, DeparseEcho echo) {
        this.echo = echo;
        this.columns = columns;
        this.constraints = constraints;
        this.tables = new TableRenderer(columns, constraints);
    }

    void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SQL, row -> {
            Relation relation = relation(row);
            DumpObject object = graph.create(relation.isTable() ? Kind.TABLE : Kind.VIEW, relation.name());
            graph.register("pg_class", relation.oid(), object, relation.objectType() + " " + relation.name());
            graph.own("pg_type", row.getLong("reltype"), object);
            graph.own("pg_type", row.getLong("typarray"), object);
            graph.own("pg_rewrite", row.getLong("rule_oid"), object);
            for (Column column : columns.getOrDefault(relation.oid(), List.of())) {
                if (relation.isTable() && !column.generated() && column.defaultOid() != 0) {
                    graph.detachable("pg_attrdef", column.defaultOid(), object, "DEFAULT " + column.name(),
                            "ALTER TABLE ONLY " + relation.name() + " ALTER COLUMN " + column.name()
                                    + " SET DEFAULT " + column.defaultExpression());
                } else if (relation.isTable() && column.generated()) {
                    graph.generation("pg_attrdef", column.defaultOid(), object);
                } else {
                    graph.own("pg_attrdef", column.defaultOid(), object);
                }
                graph.commentable("pg_class", relation.oid(), column.number(), object,
                        column.commentOrder(), "COLUMN " + relation.name() + "." + column.name());
                // an identity's sequence comes with its column, and so does its comment, after the table's own
                if (column.identitySequenceOid() != 0) {
                    graph.commentable("pg_class", column.identitySequenceOid(), 0, object,
                            "3 " + column.commentOrder(), "SEQUENCE " + column.identitySequence());
                }
            }
            if (relation.isTable()) {
                object.addRendered(() -> tables.statements(relation, graph));
                constraints(relation, object, graph);
            } else {
                view(relation, object);
            }
        });
    }

    private static Relation relation(ResultSet row) throws SQLException {
        // the toast table keeps the toast.* parameters given to its table
        List<String> options = Catalog.strings(row, "reloptions");
        options.addAll(Catalog.strings(row, "toast_options"));
        options.sort(null);
        Array parentOids = row.getArray("parent_oids");
        return new Relation(row.getLong("oid"), row.getString("relkind").charAt(0), row.getString("name"),
                row.getBoolean("unlogged"), row.getBoolean("relrowsecurity"), row.getBoolean("relforcerowsecurity"),
                options, row.getString("access_method"), row.getString("partition_key"),
                row.getString("partition_bound"), Catalog.strings(row, "parents"),
                Arrays.asList((Long[]) parentOids.getArray()), row.getString("view_definition"),
                row.getString("relreplident").charAt(0), row.getString("server"),
                Catalog.strings(row, "foreign_options"), row.getString("of_type"));
    }

    private void constraints(Relation table, DumpObject object, DumpGraph graph) {
        for (Constraint constraint : constraints.ofTable(table.oid())) {
            if (constraint.inherited()) {
                continue;
            }
            String target = "CONSTRAINT " + constraint.name() + " ON " + table.name();
            if (constraint.type() == 'f') {
                DumpObject foreignKey = graph.create(Kind.FOREIGN_KEY, table.name() + "." + constraint.name());
                foreignKey.add("ALTER TABLE " + table.name() + " ADD " + constraint.element());
                foreignKey.dependOn(object);
                graph.register("pg_constraint", constraint.oid(), foreignKey, target);
            } else {
                if (constraint.type() == 'c' || constraint.type() == 'x') {
                    graph.detachable("pg_constraint", constraint.oid(), object, "CONSTRAINT " + constraint.name(),
                            "ALTER TABLE " + table.name() + " ADD " + constraint.element());
                    // an exclusion constraint's index, which the dump does not write, depends on what it calls
                    if (constraint.indexOid() != 0) {
                        graph.dependsAs("pg_class", constraint.indexOid(), "pg_constraint", constraint.oid());
                    }
                } else {
                    graph.own("pg_constraint", constraint.oid(), object);
                }
                graph.commentable("pg_constraint", constraint.oid(), 0, object, "2 " + constraint.name(), target);
            }
        }
    }

    private void view(Relation view, DumpObject object) {
        String definition = view.viewDefinition().strip();
        if (definition.endsWith(";")) {
            definition = definition.substring(0, definition.length() - 1);
        }
        definition = echo.view(definition, "view " + view.name());
        StringBuilder sql = new StringBuilder("CREATE ").append(view.objectType()).append(' ').append(view.name());
        if (view.accessMethod() != null) {
            sql.append(" USING ").append(view.accessMethod());
        }
        if (!view.options().isEmpty()) {
            sql.append(" WITH (").append(String.join(", ", view.options())).append(')');
        }
        // never WITH NO DATA: whether a materialized view is populated is data, which a REFRESH changes; loaded,
        // it is populated from the new database's empty tables (docs/architecture.md §5)
        object.add(sql.append(" AS\n ").append(definition).toString());
        if (view.kind() == 'm') {
            tables.columnSettings(view).forEach(object::add);
        }
        for (Column column : columns.getOrDefault(view.oid(), List.of())) {
            if (column.defaultExpression() != null) {
                object.add("ALTER VIEW " + view.name() + " ALTER COLUMN " + column.name() + " SET DEFAULT "
                        + column.defaultExpression());
            }
        }
    }
}
