package io.matey.engine.postgres;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which catalogs hold any row created after initdb, asked in one query so that the dump skips the readers of
 * object kinds a schema does not use (most schemas use none of the rare ones, small ones no types, sequences,
 * functions or triggers): each such reader only dumps rows at or above {@link Catalog#FIRST_USER_OID} (and the
 * {@code public} schema's privileges) that meet the condition asked here or a narrower one, so an empty answer here
 * means an empty reader.
 */
final class CatalogCensus {

    /** Each catalog with the column that holds its OIDs. */
    private static final String[][] CATALOGS = {
        {"pg_am", "oid"}, {"pg_collation", "oid"}, {"pg_conversion", "oid"}, {"pg_ts_parser", "oid"},
        {"pg_ts_template", "oid"}, {"pg_ts_dict", "oid"}, {"pg_ts_config", "oid"}, {"pg_range", "rngtypid"},
        {"pg_foreign_data_wrapper", "oid"}, {"pg_foreign_server", "oid"}, {"pg_language", "oid"},
        {"pg_transform", "oid"}, {"pg_aggregate", "aggfnoid"}, {"pg_operator", "oid"}, {"pg_opfamily", "oid"},
        {"pg_opclass", "oid"}, {"pg_amop", "oid"}, {"pg_amproc", "oid"}, {"pg_cast", "oid"},
        {"pg_statistic_ext", "oid"}, {"pg_event_trigger", "oid"}, {"pg_policy", "oid"}, {"pg_publication", "oid"},
        {"pg_sequence", "seqrelid"},
    };

    /** Rules other than a view's own {@code _RETURN} rule. */
    static final String RULES = "pg_rewrite";
    /** Functions and procedures (aggregates are {@code pg_aggregate}'s). */
    static final String FUNCTIONS = "pg_proc";
    /** Triggers a user created, not those behind foreign keys nor a partition's clones of its parent's. */
    static final String TRIGGERS = "pg_trigger";
    /** Enums, domains and free-standing composite types. */
    static final String TYPES = "enum, domain or composite pg_type";
    /** Base types and their shells, and pseudo-type shells; not the array type every type gets. */
    static final String BASE_TYPES = "base pg_type";

    /**
     * An ACL on a user object other than the built-in default, a default ACL, or a {@code public} schema whose ACL
     * is no longer the one initdb gave it ({@link PrivilegeReader}).
     */
    static final String PRIVILEGES = "privileges";

    /** The one object below {@link Catalog#FIRST_USER_OID} whose privileges the dump holds. */
    private static final String PUBLIC_SCHEMA_CHANGED = "EXISTS (SELECT 1 FROM pg_namespace n JOIN pg_init_privs p"
            + " ON p.classoid = 'pg_namespace'::regclass AND p.objoid = n.oid AND p.objsubid = 0"
            + " WHERE n.nspname = 'public' AND n.nspacl IS DISTINCT FROM p.initprivs)";

    /** SQL, per catalog of {@link #CATALOGS} and per kind named above: it holds a row created after initdb. */
    static final Map<String, String> USED = used();

    static final String SQL = sql();

    private final Set<String> used;

    private CatalogCensus(Set<String> used) {
        this.used = used;
    }

    private static Map<String, String> used() {
        Map<String, String> used = new LinkedHashMap<>();
        for (String[] c : CATALOGS) {
            used.put(c[0], "EXISTS (SELECT 1 FROM " + c[0] + " WHERE " + c[1] + " >= " + Catalog.FIRST_USER_OID + ")");
        }
        used.put(RULES, exists("pg_rewrite t", "t.rulename <> '_RETURN'"));
        used.put(FUNCTIONS, exists("pg_proc t", "t.prokind <> 'a'"));
        used.put(TRIGGERS, exists("pg_trigger t", "NOT t.tgisinternal AND t.tgparentid = 0"));
        used.put(TYPES, exists("pg_type t", "(t.typtype IN ('e', 'd') OR t.typtype = 'c'"
                + " AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c'))"));
        used.put(BASE_TYPES, exists("pg_type t", "(t.typtype = 'p' OR t.typtype = 'b'"
                + " AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid))"));
        used.put(PRIVILEGES, "(" + String.join(" OR ", exists("pg_namespace t", "t.nspacl IS NOT NULL"),
                exists("pg_class t", "(t.relacl IS NOT NULL OR EXISTS (SELECT 1 FROM pg_attribute a"
                        + " WHERE a.attrelid = t.oid AND a.attacl IS NOT NULL))"),
                exists("pg_proc t", "t.proacl IS NOT NULL"), exists("pg_type t", "t.typacl IS NOT NULL"),
                exists("pg_language t", "t.lanacl IS NOT NULL"),
                exists("pg_foreign_data_wrapper t", "t.fdwacl IS NOT NULL"),
                exists("pg_foreign_server t", "t.srvacl IS NOT NULL"), "EXISTS (SELECT 1 FROM pg_default_acl)",
                PUBLIC_SCHEMA_CHANGED) + ")");
        return used;
    }

    /** A user row of {@code catalog} (aliased {@code t}) meets {@code condition}: the reader's own filter, loosened. */
    private static String exists(String catalog, String condition) {
        return "EXISTS (SELECT 1 FROM " + catalog + " WHERE t.oid >= " + Catalog.FIRST_USER_OID + " AND " + condition
                + ")";
    }

    private static String sql() {
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, String> used : USED.entrySet()) {
            rows.add("('" + used.getKey() + "', " + used.getValue() + ")");
        }
        return "SELECT name FROM (VALUES " + String.join(", ", rows) + ") AS c(name, used) WHERE used";
    }

    static CatalogCensus take(Catalog catalog) throws SQLException {
        Set<String> used = new HashSet<>();
        catalog.query(SQL, row -> used.add(row.getString(1)));
        return new CatalogCensus(used);
    }

    /**
     * Whether any of {@code catalogs} holds a row created after initdb, so that their reader has anything to
     * read. A plain question rather than a callback: each callback is a lambda, which every cold start-up links
     * anew whether its reader runs or not (docs/architecture.md §8).
     */
    boolean uses(String... catalogs) {
        for (String catalog : catalogs) {
            if (used.contains(catalog)) {
                return true;
            }
        }
        return false;
    }
}
