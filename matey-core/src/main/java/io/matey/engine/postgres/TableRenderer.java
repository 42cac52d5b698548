package io.matey.engine.postgres;

import io.matey.engine.postgres.ConstraintReader.Constraints;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The statements that create a table: CREATE TABLE with its own columns and constraints (foreign keys are
 * separate objects), then what CREATE TABLE cannot say. A partition or child table lists only what it does
 * not inherit; the rest comes from its parent when it is created.
 */
final class TableRenderer {

    private final Map<Long, List<Column>> columns;
    private final Constraints constraints;

    TableRenderer(Map<Long, List<Column>> columns, Constraints constraints) {
        this.columns = columns;
        this.constraints = constraints;
    }

    /** The table's statements, without the parts {@code graph} writes alone ({@link DumpGraph#breakCycles}). */
    List<String> statements(Relation table, DumpGraph graph) {
        List<String> statements = new ArrayList<>();
        statements.add(create(table, graph));
        for (Column column : columnsOf(table.oid())) {
            if (column.identityRetype() != null) {
                statements.add(column.identityRetype());
            }
        }
        for (Constraint constraint : constraints.ofTable(table.oid())) {
            if (!inline(table, constraint) && constraint.type() != 'f' && !constraint.inherited()
                    && !graph.detached("pg_constraint", constraint.oid())) {
                statements.add("ALTER TABLE " + table.name() + " ADD " + constraint.element());
            }
            if (constraint.loadedName() != null) {
                statements.add("ALTER TABLE " + table.name() + " RENAME CONSTRAINT " + constraint.loadedName()
                        + " TO " + constraint.name());
            }
        }
        statements.addAll(inheritedColumnChanges(table, graph));
        statements.addAll(columnSettings(table));
        // a foreign table has no replica identity to set (the catalog says "nothing")
        if (table.kind() != 'f' && (table.replicaIdentity() == 'n' || table.replicaIdentity() == 'f')) {
            statements.add("ALTER TABLE " + table.name() + " REPLICA IDENTITY "
                    + (table.replicaIdentity() == 'n' ? "NOTHING" : "FULL"));
        }
        if (table.rowSecurity()) {
            statements.add("ALTER TABLE " + table.name() + " ENABLE ROW LEVEL SECURITY");
        }
        if (table.forceRowSecurity()) {
            statements.add("ALTER TABLE " + table.name() + " FORCE ROW LEVEL SECURITY");
        }
        return statements;
    }

    private String create(Relation table, DumpGraph graph) {
        List<String> elements = new ArrayList<>();
        for (Column column : columnsOf(table.oid())) {
            Column created = graph.detached("pg_attrdef", column.defaultOid()) ? column.withoutDefault() : column;
            if (table.ofType() != null) {
                typedColumn(created, elements);
            } else if (column.local() && !table.isPartition()) {
                elements.add(created.definition());
            }
        }
        for (Constraint constraint : constraints.ofTable(table.oid())) {
            if (!constraint.inherited() && constraint.type() != 'f' && inline(table, constraint)
                    && !graph.detached("pg_constraint", constraint.oid())) {
                elements.add(constraint.element());
            }
        }
        StringBuilder sql = new StringBuilder("CREATE ").append(table.unlogged() ? "UNLOGGED " : "")
                .append(table.objectType()).append(' ').append(table.name());
        if (table.isPartition()) {
            sql.append(" PARTITION OF ").append(table.parents().get(0));
        } else if (table.ofType() != null) {
            sql.append(" OF ").append(table.ofType());
        }
        if (!table.isPartition() && table.ofType() == null || !elements.isEmpty()) {
            sql.append(' ').append(TypeReader.list(elements));
        }
        if (table.isPartition()) {
            sql.append('\n').append(table.partitionBound());
        } else if (!table.parents().isEmpty()) {
            sql.append("\nINHERITS (").append(String.join(", ", table.parents())).append(')');
        }
        if (table.server() != null) {
            sql.append("\nSERVER ").append(table.server()).append(Catalog.optionsClause(table.foreignOptions()));
        }
        if (table.partitionKey() != null) {
            sql.append("\nPARTITION BY ").append(table.partitionKey());
        }
        if (table.accessMethod() != null) {
            sql.append("\nUSING ").append(table.accessMethod());
        }
        if (!table.options().isEmpty()) {
            sql.append("\nWITH (").append(String.join(", ", table.options())).append(')');
        }
        return sql.toString();
    }

    /**
     * A typed table's column takes its type and collation from the composite type; the table adds at most a
     * default and NOT NULL (PostgreSQL refuses identity and generated columns there).
     */
    private static void typedColumn(Column column, List<String> elements) {
        StringBuilder sb = new StringBuilder(column.name()).append(" WITH OPTIONS");
        if (column.defaultExpression() != null) {
            sb.append(" DEFAULT ").append(column.defaultExpression());
        }
        if (column.notNull()) {
            sb.append(" NOT NULL");
        }
        if (column.defaultExpression() != null || column.notNull()) {
            elements.add(sb.toString());
        }
    }

    /**
     * Whether a (non-inherited, non-foreign-key) constraint is written inside CREATE TABLE. Not so for a NOT
     * VALID check, which CREATE TABLE would validate at once, nor for a primary key or unique constraint with
     * the same columns and options as one before it: CREATE TABLE keeps only the first of those (the primary
     * key first), while the catalog holds each one added by ALTER TABLE.
     */
    private boolean inline(Relation table, Constraint constraint) {
        if (constraint.type() == 'c') {
            return constraint.validated();
        }
        if (constraint.type() != 'p' && constraint.type() != 'u') {
            return true;
        }
        Set<String> keys = new HashSet<>();
        List<Constraint> candidates = new ArrayList<>();
        for (Constraint other : constraints.ofTable(table.oid())) {
            if (!other.inherited() && other.type() == 'p') {
                candidates.add(0, other);
            } else if (!other.inherited() && other.type() == 'u') {
                candidates.add(other);
            }
        }
        for (Constraint candidate : candidates) {
            boolean first = keys.add(uniqueKey(candidate));
            if (candidate == constraint) {
                return first;
            }
        }
        return true;
    }

    private static String uniqueKey(Constraint constraint) {
        String definition = constraint.definition();
        return definition.substring(definition.startsWith("PRIMARY KEY ") ? "PRIMARY KEY ".length() : "UNIQUE ".length());
    }

    /**
     * Defaults and NOT NULL that a partition or child table set on an inherited column, unlike what it inherits when
     * created.
     */
    private List<String> inheritedColumnChanges(Relation table, DumpGraph graph) {
        List<String> statements = new ArrayList<>();
        for (Column column : columnsOf(table.oid())) {
            if (column.local() && !table.isPartition()) {
                continue;
            }
            Column parent = parentColumn(table, column.name());
            if (parent == null || column.generated()) {
                continue;
            }
            String alter = "ALTER TABLE ONLY " + table.name() + " ALTER COLUMN " + column.name();
            // a parent's default written alone after its cycle is not there when the child is created
            String inherited = graph.detached("pg_attrdef", parent.defaultOid()) ? null : parent.defaultExpression();
            if (!Objects.equals(column.defaultExpression(), inherited)
                    && !graph.detached("pg_attrdef", column.defaultOid())) {
                statements.add(alter + (column.defaultExpression() == null ? " DROP DEFAULT"
                        : " SET DEFAULT " + column.defaultExpression()));
            }
            if (column.notNull() && !parent.notNull()) {
                statements.add(alter + " SET NOT NULL");
            }
        }
        return statements;
    }

    /**
     * Column settings CREATE TABLE (or CREATE MATERIALIZED VIEW) cannot give, where they differ from what creating
     * the relation gives: a new column takes its type's storage and the default compression, or its parent's when
     * inherited, the default statistics target and no planner options (a parent's are not copied).
     */
    List<String> columnSettings(Relation table) {
        List<String> statements = new ArrayList<>();
        String relation = (table.kind() == 'm' ? "ALTER MATERIALIZED VIEW " : "ALTER TABLE ONLY ") + table.name();
        for (Column column : columnsOf(table.oid())) {
            Column parent = parentColumn(table, column.name());
            String alter = relation + " ALTER COLUMN " + column.name();
            if (!column.storage().equals(parent == null ? column.typeStorage() : parent.storage())) {
                statements.add(alter + " SET STORAGE " + column.storage());
            }
            if (!Objects.equals(column.compression(), parent == null ? null : parent.compression())) {
                statements.add(alter + " SET COMPRESSION "
                        + (column.compression() == null ? "default" : column.compression()));
            }
            if (column.statistics() >= 0) {
                statements.add(alter + " SET STATISTICS " + column.statistics());
            }
            if (!column.attributeOptions().isEmpty()) {
                statements.add(alter + " SET (" + String.join(", ", column.attributeOptions()) + ")");
            }
        }
        return statements;
    }

    private Column parentColumn(Relation table, String name) {
        for (long parent : table.parentOids()) {
            for (Column column : columnsOf(parent)) {
                if (column.name().equals(name)) {
                    return column;
                }
            }
        }
        return null;
    }

    private List<Column> columnsOf(long relid) {
        return columns.getOrDefault(relid, List.of());
    }
}
