package io.matey.engine.postgres;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of the rarely used catalogs hold any row created after initdb, asked in one query so that the dump
 * skips the readers of object kinds a schema does not use (most schemas use none of them): each such reader
 * only dumps rows at or above {@link Catalog#FIRST_USER_OID}, so an empty answer here means an empty reader.
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
    };

    /** Rules other than a view's own {@code _RETURN} rule. */
    static final String RULES = "pg_rewrite";

    /** SQL, per catalog of {@link #CATALOGS} and for {@link #RULES}: it holds a row created after initdb. */
    static final Map<String, String> USED = used();

    private static final String SQL = "SELECT name FROM (VALUES "
            + USED.entrySet().stream().map(e -> "('" + e.getKey() + "', " + e.getValue() + ")")
                    .collect(Collectors.joining(", ")) + ") AS c(name, used) WHERE used";

    private final Set<String> used;

    private CatalogCensus(Set<String> used) {
        this.used = used;
    }

    private static Map<String, String> used() {
        Map<String, String> used = new LinkedHashMap<>();
        for (String[] c : CATALOGS) {
            used.put(c[0], "EXISTS (SELECT 1 FROM " + c[0] + " WHERE " + c[1] + " >= " + Catalog.FIRST_USER_OID + ")");
        }
        used.put(RULES, "EXISTS (SELECT 1 FROM pg_rewrite WHERE oid >= " + Catalog.FIRST_USER_OID
                + " AND rulename <> '_RETURN')");
        return used;
    }

    static CatalogCensus take(Catalog catalog) throws SQLException {
        Set<String> used = new HashSet<>();
        catalog.query(SQL, row -> used.add(row.getString(1)));
        return new CatalogCensus(used);
    }

    interface Reading {
        void run() throws SQLException;
    }

    /** Runs {@code reading} when any of {@code catalogs} holds a row created after initdb. */
    void read(Reading reading, String... catalogs) throws SQLException {
        if (Arrays.stream(catalogs).anyMatch(used::contains)) {
            reading.run();
        }
    }
}
