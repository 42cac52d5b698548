package io.matey.engine.postgres;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds user objects of kinds the dump does not render, so that a schema holding one fails to dump instead
 * of losing it silently. Objects created by extensions come back with their extension and are not listed.
 */
final class UnsupportedObjects {

    /**
     * (catalog, condition on its rows, SQL label when the catalog's own object type would not say what is
     * wrong) for every kind the dump leaves out.
     */
    private static final String INVALID_INDEX = "invalid index";

    private static final String[][] KINDS = {
            // a shell that an operator names as commutator or negator is created again by it
            {"pg_operator", "oprcode = 0 AND NOT EXISTS (SELECT 1 FROM pg_operator o WHERE o.oprcode <> 0"
                    + " AND t.oid IN (o.oprcom, o.oprnegate))", "'shell operator'"},
            {"pg_subscription", "subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())"},
            // tablespaces belong to the server, not to the schema: a database the dump is loaded into may lack them
            {"pg_class", "reltablespace <> 0 AND relkind IN ('r', 'p', 'm', 'i', 'I')"
                    + " AND relnamespace <> 'pg_toast'::regnamespace",
                    "'tablespace ' || (SELECT quote_ident(s.spcname) FROM pg_tablespace s WHERE s.oid = t.reltablespace)"
                    + " || ' of relation'"},
            // left by a failed CREATE INDEX CONCURRENTLY; the dump's CREATE INDEX would build it valid. The one
            // an interrupted section's next statement left is not in effect, so the dump leaves it out instead.
            {"pg_class", "relkind = 'i' AND t.oid <> " + InvalidIndex.DUMPED_OID
                    + " AND EXISTS (SELECT 1 FROM pg_index i WHERE i.indexrelid = t.oid AND NOT i.indisvalid)",
                    "'" + INVALID_INDEX + "'"},
    };

    /** The user objects of the kinds above that no extension created, with what they are. */
    static final String SQL = sql();

    private UnsupportedObjects() {
    }

    private static String sql() {
        List<String> parts = new ArrayList<>();
        for (String[] kind : KINDS) {
            parts.add("SELECT '" + kind[0] + "'::regclass AS classid, t.oid AS objid, "
                    + (kind.length > 2 ? kind[2] : "NULL") + "::text AS label FROM " + kind[0] + " t WHERE t.oid >= "
                    + Catalog.FIRST_USER_OID + " AND (" + kind[1] + ")");
        }
        return "WITH candidates AS (" + String.join("\nUNION ALL ", parts) + ")\n"
                + "SELECT COALESCE(c.label, o.type) AS type, o.identity FROM candidates c,"
                + " pg_identify_object(c.classid, c.objid, 0) o\n"
                + "WHERE NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = c.classid AND x.objid = c.objid"
                + " AND x.deptype = 'e')";
    }

    static void check(Catalog catalog) throws SQLException {
        List<String> found = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        catalog.query(SQL, row -> {
            found.add(row.getString("type") + " " + row.getString("identity"));
            if (row.getString("type").equals(INVALID_INDEX)) {
                drops.add("`DROP INDEX CONCURRENTLY " + row.getString("identity") + "`");
            }
        });
        if (!found.isEmpty()) {
            found.sort(null);
            drops.sort(null);
            throw new SQLException("The PostgreSQL schema dump does not cover " + String.join(", ", found)
                    + ": Matey cannot write a faithful schema.sql while the database holds "
                    + (found.size() == 1 ? "it" : "them") + ". Drop " + (found.size() == 1 ? "it" : "them")
                    + " or express the same thing with objects the dump covers (ALTER ... SET TABLESPACE pg_default"
                    + " moves a relation back; REINDEX INDEX CONCURRENTLY rebuilds an invalid index)."
                    + (drops.isEmpty() ? "" : wayOutOfInvalidIndexes(drops)));
        }
    }

    /**
     * A failed {@code CREATE INDEX CONCURRENTLY} leaves an invalid index; where no progress marker recorded it
     * ({@code matey dbmate}, dbmate, a psql session) the migration that failed is unrecorded, and running it again
     * needs the index gone.
     */
    private static String wayOutOfInvalidIndexes(List<String> drops) {
        return " A failed CREATE INDEX CONCURRENTLY leaves an invalid index: when a migration's did, run "
                + String.join(", ", drops) + ", fix what made it fail (such as duplicated rows) and run the migration"
                + " again.";
    }
}
