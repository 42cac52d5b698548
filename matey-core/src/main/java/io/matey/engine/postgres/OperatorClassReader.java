package io.matey.engine.postgres;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Operator families and classes. Every family is created explicitly and every class names its family, so a class
 * never brings an implicit family the load would have to guess. A member ({@code pg_amop}/{@code pg_amproc} row)
 * the catalog binds to a class is written inside its CREATE OPERATOR CLASS; a loose one (bound to the family only,
 * as btree makes its cross-type members) is added by one ALTER OPERATOR FAMILY ... ADD per family, its own unit so
 * that it also covers loose members a migration added to a built-in family.
 */
final class OperatorClassReader {

    private static final String FAMILIES = """
            SELECT f.oid, quote_ident(n.nspname) || '.' || quote_ident(f.opfname) || ' USING '
                   || quote_ident(a.amname) AS name
            FROM pg_opfamily f
            JOIN pg_namespace n ON n.oid = f.opfnamespace
            JOIN pg_am a ON a.oid = f.opfmethod
            WHERE f.oid >= %d AND %s AND %s
            """.formatted(Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA, Catalog.notInExtension("pg_opfamily", "f.oid"));

    private static final String CLASSES = """
            SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.opcname) AS name, quote_ident(a.amname) AS am,
                   c.opcdefault, format_type(c.opcintype, NULL) AS intype,
                   CASE WHEN c.opckeytype <> 0 THEN format_type(c.opckeytype, NULL) END AS storage,
                   quote_ident(fn.nspname) || '.' || quote_ident(f.opfname) AS family
            FROM pg_opclass c
            JOIN pg_namespace n ON n.oid = c.opcnamespace
            JOIN pg_am a ON a.oid = c.opcmethod
            JOIN pg_opfamily f ON f.oid = c.opcfamily
            JOIN pg_namespace fn ON fn.oid = f.opfnamespace
            WHERE c.oid >= %d AND %s AND %s
            """.formatted(Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA, Catalog.notInExtension("pg_opclass", "c.oid"));

    /**
     * The members of families outside extensions, operators before functions, each with the class the catalog
     * binds it to (NULL for a loose one) and the text that names it in a class or an ADD clause.
     */
    private static final String MEMBERS = """
            SELECT m.catalog, m.oid, m.family, m.class,
                   quote_ident(fn.nspname) || '.' || quote_ident(f.opfname) || ' USING ' || quote_ident(a.amname)
                   AS family_name, m.item
            FROM (
                SELECT 'pg_amop' AS catalog, o.oid, o.amopfamily AS family, 0 AS rank, o.amopstrategy AS number,
                       o.amoplefttype AS lefttype, o.amoprighttype AS righttype,
                       'OPERATOR ' || o.amopstrategy || ' ' || o.amopopr::regoper::text || '('
                       || format_type(o.amoplefttype, NULL) || ', ' || format_type(o.amoprighttype, NULL) || ')'
                       || CASE WHEN o.amoppurpose = 'o' THEN ' FOR ORDER BY ' || (SELECT quote_ident(sn.nspname)
                                || '.' || quote_ident(s.opfname) FROM pg_opfamily s
                                JOIN pg_namespace sn ON sn.oid = s.opfnamespace WHERE s.oid = o.amopsortfamily)
                          ELSE '' END AS item,
                       (SELECT d.refobjid FROM pg_depend d WHERE d.classid = 'pg_amop'::regclass AND d.objid = o.oid
                        AND d.refclassid = 'pg_opclass'::regclass) AS class
                FROM pg_amop o
                UNION ALL
                SELECT 'pg_amproc', p.oid, p.amprocfamily, 1, p.amprocnum, p.amproclefttype, p.amprocrighttype,
                       'FUNCTION ' || p.amprocnum || ' (' || format_type(p.amproclefttype, NULL) || ', '
                       || format_type(p.amprocrighttype, NULL) || ') ' || p.amproc::regprocedure::text,
                       (SELECT d.refobjid FROM pg_depend d WHERE d.classid = 'pg_amproc'::regclass
                        AND d.objid = p.oid AND d.refclassid = 'pg_opclass'::regclass)
                FROM pg_amproc p
            ) m
            JOIN pg_opfamily f ON f.oid = m.family
            JOIN pg_namespace fn ON fn.oid = f.opfnamespace
            JOIN pg_am a ON a.oid = f.opfmethod
            WHERE m.oid >= %d AND %s
            ORDER BY m.rank, m.number, format_type(m.lefttype, NULL), format_type(m.righttype, NULL)
            """.formatted(Catalog.FIRST_USER_OID, Catalog.notInExtension("pg_opfamily", "f.oid"));

    private record Member(String catalog, long oid, String item) {
    }

    private record Family(long oid, String name) {
    }

    private OperatorClassReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(FAMILIES, row -> {
            String name = row.getString("name");
            DumpObject family = graph.create(Kind.OPERATOR_CLASS, "family " + name);
            family.add("CREATE OPERATOR FAMILY " + name);
            graph.register("pg_opfamily", row.getLong("oid"), family, "OPERATOR FAMILY " + name);
        });
        Map<Long, List<Member>> bound = new HashMap<>();
        Map<Family, List<Member>> loose = new HashMap<>();
        catalog.query(MEMBERS, row -> {
            Member member = new Member(row.getString("catalog"), row.getLong("oid"), row.getString("item"));
            long boundTo = row.getLong("class");
            if (row.wasNull()) {
                loose.computeIfAbsent(new Family(row.getLong("family"), row.getString("family_name")),
                        f -> new ArrayList<>()).add(member);
            } else {
                bound.computeIfAbsent(boundTo, c -> new ArrayList<>()).add(member);
            }
        });
        catalog.query(CLASSES, row -> {
            String name = row.getString("name") + " USING " + row.getString("am");
            long oid = row.getLong("oid");
            List<String> items = new ArrayList<>();
            DumpObject opclass = graph.create(Kind.OPERATOR_CLASS, "class " + name);
            for (Member member : bound.getOrDefault(oid, List.of())) {
                items.add(member.item());
                graph.own(member.catalog(), member.oid(), opclass);
            }
            if (row.getString("storage") != null) {
                items.add("STORAGE " + row.getString("storage"));
            } else if (items.isEmpty()) {
                // btree moves a class's cross-type members to its family, which can leave the class without any;
                // CREATE needs one item, and a storage type equal to the input type is not recorded
                items.add("STORAGE " + row.getString("intype"));
            }
            opclass.add("CREATE OPERATOR CLASS " + row.getString("name")
                    + (row.getBoolean("opcdefault") ? " DEFAULT" : "") + " FOR TYPE " + row.getString("intype")
                    + " USING " + row.getString("am") + " FAMILY "
                    + row.getString("family") + " AS\n    " + String.join(",\n    ", items));
            graph.register("pg_opclass", oid, opclass, "OPERATOR CLASS " + name);
        });
        for (Map.Entry<Family, List<Member>> family : loose.entrySet()) {
            String name = family.getKey().name();
            DumpObject members = graph.create(Kind.OPERATOR_CLASS, "family " + name + " members");
            members.dependOn(graph.owner("pg_opfamily", family.getKey().oid()));
            List<String> items = new ArrayList<>();
            for (Member member : family.getValue()) {
                items.add(member.item());
                graph.own(member.catalog(), member.oid(), members);
            }
            members.add("ALTER OPERATOR FAMILY " + name + " ADD\n    " + String.join(",\n    ", items));
        }
    }
}
