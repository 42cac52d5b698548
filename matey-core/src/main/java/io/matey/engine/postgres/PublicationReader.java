package io.matey.engine.postgres;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publications: created empty (or FOR ALL TABLES), then their tables (with column lists and row filters) and
 * schemas added one statement each, so that each membership names its table and is ordered after it.
 * Subscriptions connect to other servers and are not part of a schema; they are refused.
 */
final class PublicationReader {

    private static final String PUBLICATIONS = """
            SELECT p.oid, quote_ident(p.pubname) AS name, p.puballtables, p.pubviaroot,
                   concat_ws(', ', CASE WHEN p.pubinsert THEN 'insert' END, CASE WHEN p.pubupdate THEN 'update' END,
                             CASE WHEN p.pubdelete THEN 'delete' END, CASE WHEN p.pubtruncate THEN 'truncate' END)
                       AS publish
            FROM pg_publication p
            WHERE p.oid >= %d
            """.formatted(Catalog.FIRST_USER_OID);

    /** Member tables; column lists and row filters exist from PostgreSQL 15. */
    private static final String MEMBERS = """
            SELECT r.oid, r.prpubid AS publication, 'pg_publication_rel' AS catalog,
                   'TABLE ONLY ' || r.prrelid::regclass::text
                   || COALESCE(' (' || (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
                                        FROM pg_attribute a
                                        WHERE a.attrelid = r.prrelid
                                          AND a.attnum = ANY (%s))
                               || ')', '')
                   || COALESCE(' WHERE (' || pg_get_expr(%s, r.prrelid) || ')', '')
                       AS member
            FROM pg_publication_rel r
            WHERE r.oid >= %d
            """;

    private static final String SCHEMAS = """
            SELECT s.oid, s.pnpubid AS publication, 'pg_publication_namespace' AS catalog,
                   'TABLES IN SCHEMA ' || quote_ident(n.nspname) AS member
            FROM pg_publication_namespace s
            JOIN pg_namespace n ON n.oid = s.pnnspid
            """;

    private record Member(long oid, long publication, String catalog, String member) {
    }

    private PublicationReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        Map<Long, String> names = new HashMap<>();
        catalog.query(PUBLICATIONS, row -> {
            String name = row.getString("name");
            names.put(row.getLong("oid"), name);
            StringBuilder sql = new StringBuilder("CREATE PUBLICATION ").append(name);
            if (row.getBoolean("puballtables")) {
                sql.append(" FOR ALL TABLES");
            }
            List<String> with = new ArrayList<>();
            if (!row.getString("publish").equals("insert, update, delete, truncate")) {
                with.add("publish = '" + row.getString("publish") + "'");
            }
            if (row.getBoolean("pubviaroot")) {
                with.add("publish_via_partition_root = true");
            }
            if (!with.isEmpty()) {
                sql.append(" WITH (").append(String.join(", ", with)).append(')');
            }
            DumpObject publication = graph.create(Kind.PUBLICATION, name);
            publication.add(sql.toString());
            graph.register("pg_publication", row.getLong("oid"), publication, "PUBLICATION " + name);
        });
        List<Member> members = new ArrayList<>();
        Catalog.RowReader member = row -> members.add(new Member(row.getLong("oid"), row.getLong("publication"),
                row.getString("catalog"), row.getString("member")));
        boolean since15 = catalog.serverMajorVersion() >= 15;
        catalog.query(MEMBERS.formatted(since15 ? "r.prattrs" : "NULL::int2[]", since15 ? "r.prqual" : "NULL",
                Catalog.FIRST_USER_OID), member);
        if (since15) {
            catalog.query(SCHEMAS, member);
        }
        members.sort((a, b) -> a.member().compareTo(b.member()));
        for (Member m : members) {
            DumpObject publication = graph.owner("pg_publication", m.publication());
            if (publication != null) {
                publication.add("ALTER PUBLICATION " + names.get(m.publication()) + " ADD " + m.member());
                graph.own(m.catalog(), m.oid(), publication);
            }
        }
    }
}
