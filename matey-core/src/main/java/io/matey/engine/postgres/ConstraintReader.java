package io.matey.engine.postgres;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the constraints of every table and domain in one query; constraint triggers are dumped as triggers. */
final class ConstraintReader {

    private static final String SQL = """
            SELECT co.oid, co.conrelid, co.contypid, quote_ident(co.conname) AS name, co.contype,
                   pg_get_constraintdef(co.oid) AS definition, co.convalidated,
                   NOT co.conislocal OR co.conparentid <> 0 AS inherited,
                   CASE WHEN co.contype IN ('p', 'u', 'x') THEN co.conindid ELSE 0 END AS index_oid
            FROM pg_constraint co
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

    static Constraints read(Catalog catalog) throws SQLException {
        Constraints constraints = new Constraints(new HashMap<>(), new HashMap<>());
        catalog.query(SQL, row -> {
            Constraint constraint = new Constraint(row.getLong("oid"), row.getLong("conrelid"), row.getLong("contypid"),
                    row.getString("name"), row.getString("contype").charAt(0), row.getString("definition"),
                    row.getBoolean("convalidated"), row.getBoolean("inherited"), row.getLong("index_oid"));
            if (constraint.relid() != 0) {
                constraints.byTable().computeIfAbsent(constraint.relid(), k -> new ArrayList<>()).add(constraint);
            } else {
                constraints.byDomain().computeIfAbsent(constraint.typid(), k -> new ArrayList<>()).add(constraint);
            }
        });
        constraints.byTable().values().forEach(list -> list.sort(Comparator.comparing(Constraint::name)));
        constraints.byDomain().values().forEach(list -> list.sort(Comparator.comparing(Constraint::name)));
        return constraints;
    }
}
