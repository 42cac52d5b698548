package io.matey.engine.postgres;

import java.sql.SQLException;

/** Extended statistics ({@code CREATE STATISTICS}) on dumped tables. */
final class StatisticsReader {

    private static final String SQL = """
            SELECT s.oid, s.stxrelid, quote_ident(n.nspname) || '.' || quote_ident(s.stxname) AS name,
                   pg_get_statisticsobjdef(s.oid) AS definition, COALESCE(s.stxstattarget, -1) AS target
            FROM pg_statistic_ext s
            JOIN pg_namespace n ON n.oid = s.stxnamespace
            WHERE s.oid >= %d
            """.formatted(Catalog.FIRST_USER_OID);

    private StatisticsReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SQL, row -> {
            DumpObject table = graph.owner("pg_class", row.getLong("stxrelid"));
            if (table == null) {
                return;
            }
            String name = row.getString("name");
            DumpObject statistics = graph.create(Kind.STATISTICS, name);
            statistics.add(row.getString("definition"));
            // -1 (NULL from PostgreSQL 17 on) is the default target
            if (row.getInt("target") >= 0) {
                statistics.add("ALTER STATISTICS " + name + " SET STATISTICS " + row.getInt("target"));
            }
            statistics.dependOn(table);
            graph.register("pg_statistic_ext", row.getLong("oid"), statistics, "STATISTICS " + name);
        });
    }
}
