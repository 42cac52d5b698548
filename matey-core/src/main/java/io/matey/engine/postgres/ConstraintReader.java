package io.matey.engine.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the constraints of every table and domain in one query; constraint triggers are dumped as triggers. */
final class ConstraintReader {

    static final String SQL = """
            SELECT co.oid, co.conrelid, co.contypid, quote_ident(co.conname) AS name, co.contype,
                   pg_get_constraintdef(co.oid) AS definition, co.convalidated,
                   NOT co.conislocal OR co.conparentid <> 0 AS inherited,
                   CASE WHEN co.contype IN ('p', 'u', 'x') THEN co.conindid ELSE 0 END AS index_oid,
                   CASE WHEN co.conrelid <> 0 THEN co.conrelid::regclass::text END AS relation,
                   format_type(t.typbasetype, t.typtypmod) AS domain_base,
                   co.conname AS plain_name, r.relname AS partition,
                   CASE WHEN co.contype IN ('p', 'u', 'x') AND co.conparentid <> 0 AND r.relispartition
                        THEN ARRAY(SELECT a.attname FROM pg_attribute a WHERE a.attrelid = co.conindid
                                   AND a.attnum > 0 ORDER BY a.attnum) END AS index_columns
            FROM pg_constraint co
            LEFT JOIN pg_type t ON t.oid = co.contypid
            LEFT JOIN pg_class r ON r.oid = co.conrelid
            WHERE co.oid >= %d AND co.contype IN ('c', 'f', 'p', 'u', 'x')
            """.formatted(Catalog.FIRST_USER_OID);

    private ConstraintReader() {
    }

    /** Constraints by table OID and by domain type OID (OIDs are unique only within a catalog), ordered by name. */
    record Constraints(Map<Long, List<Constraint>> byTable, Map<Long, List<Constraint>> byDomain) {

        List<Constraint> ofTable(long relid) {
            return byTable.getOrDefault(relid, List.of());
        }

        List<Constraint> ofDomain(long typid) {
            return byDomain.getOrDefault(typid, List.of());
        }
    }

    /**
     * For a partition's copy of its parent's key that no longer has the name PostgreSQL chose for it, that name,
     * which a load gives it again (the partition is created by {@code PARTITION OF}); else null.
     */
    private static String loadedName(ResultSet row, char type) throws SQLException {
        if (row.getArray("index_columns") == null) {
            return null;
        }
        String partition = row.getString("partition");
        List<String> columns = Catalog.strings(row, "index_columns");
        return PartitionKeyName.isChosen(row.getString("plain_name"), partition, type, columns) ? null
                : PartitionKeyName.quoted(PartitionKeyName.chosen(partition, type, columns));
    }

    /** Reads them; CHECK and EXCLUDE definitions, which hold expressions, come as the echo's placeholders. */
    static Constraints read(Catalog catalog, DeparseEcho echo) throws SQLException {
        Constraints constraints = new Constraints(new HashMap<>(), new HashMap<>());
        catalog.query(SQL, row -> {
            char type = row.getString("contype").charAt(0);
            String name = row.getString("name");
            String definition = row.getString("definition");
            String relation = row.getString("relation");
            if (type == 'c' && relation == null) {
                definition = echo.domainCheck(row.getString("domain_base"), definition, "constraint " + name);
            } else if ((type == 'c' || type == 'x') && !row.getBoolean("inherited")) {
                definition = echo.constraint(relation, definition, "constraint " + name + " on " + relation);
            }
            Constraint constraint = new Constraint(row.getLong("oid"), row.getLong("conrelid"), row.getLong("contypid"),
                    name, type, definition, row.getBoolean("convalidated"), row.getBoolean("inherited"),
                    row.getLong("index_oid"), loadedName(row, type));
            if (constraint.relid() != 0) {
                constraints.byTable().computeIfAbsent(constraint.relid(), k -> new ArrayList<>()).add(constraint);
            } else {
                constraints.byDomain().computeIfAbsent(constraint.typid(), k -> new ArrayList<>()).add(constraint);
            }
        });
        // a lambda of its own, not Comparator.comparing, which every process would spin (docs/architecture.md §8)
        Comparator<Constraint> byName = (a, b) -> a.name().compareTo(b.name());
        constraints.byTable().values().forEach(list -> list.sort(byName));
        constraints.byDomain().values().forEach(list -> list.sort(byName));
        return constraints;
    }
}
