package io.matey.engine.postgres;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Privileges (docs/architecture.md §5): the ACLs of schemas, relations and their columns, sequences, routines,
 * types, languages and foreign data, and the default privileges of {@code pg_default_acl}, as the GRANT and REVOKE
 * statements that turn the ACL an object starts with into them, as pg_dump computes them: the built-in default
 * ({@code acldefault}), or the initial ACL of {@code pg_init_privs} for what initdb or an extension created (the
 * {@code public} schema, an extension's members), so that loading the dump where those start alike gives the same
 * ACLs. The text must not depend on who ran the migrations, which differs between a scratch database and a live
 * one: the owner's own entry is left out (it is the owner's implicit privileges; ownership is not dumped either),
 * grantors are left out (the loading role grants everything), and a default ACL for the role that ran the
 * migrations is written without {@code FOR ROLE} ({@link ImplicitDefaultRole}), so that a live database dumps
 * alike whoever runs the dump. An object's statements follow its own (an extension member's follow its
 * {@code CREATE EXTENSION}, the {@code public} schema's come first); default privileges come last, so that the
 * objects a dump creates get only the privileges written for them.
 */
final class PrivilegeReader {

    private static final String PUBLIC_SCHEMA = "SCHEMA public";

    /**
     * Each object with an ACL: the dump object its statements go with ({@code catalog} and {@code anchor}: an
     * extension's members go with the extension), what GRANT names it by, the {@code acldefault} type, the owner,
     * the ACL, and its initial one from {@code pg_init_privs}, if any. A default ACL in a schema has no baseline
     * ({@code relative} is false): it adds to the global one.
     */
    private static final String ACLS = """
            SELECT %2$s, n.oid) AS anchor, '' AS prefix, 'SCHEMA ' || quote_ident(n.nspname) AS target,
                   NULL AS column_name, 'n' AS type, n.nspowner AS owner, n.nspacl AS acl, p.initprivs AS initial,
                   true AS relative
            FROM pg_namespace n
            %3$s
            WHERE n.nspacl IS NOT NULL AND (n.nspname = 'public' AND p.initprivs IS NOT NULL
                                            OR n.nspname <> 'public' AND n.oid >= %1$d AND %4$s)
            UNION ALL
            SELECT %5$s, i.refobjid, c.oid), '',
                   CASE WHEN c.relkind = 'S' THEN 'SEQUENCE ' ELSE 'TABLE ' END || quote_ident(n.nspname) || '.'
                       || quote_ident(c.relname), NULL, CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END, c.relowner,
                   c.relacl, p.initprivs, true
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_depend i ON i.classid = 'pg_class'::regclass AND i.objid = c.oid AND i.deptype = 'i'
                                 AND i.refclassid = 'pg_class'::regclass
            %6$s
            WHERE c.relacl IS NOT NULL AND c.oid >= %1$d AND %4$s
            UNION ALL
            SELECT %5$s, c.oid), '', 'TABLE ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname),
                   quote_ident(a.attname), 'c', c.relowner, a.attacl, p.initprivs, true
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            %7$s
            WHERE a.attacl IS NOT NULL AND NOT a.attisdropped AND c.oid >= %1$d AND %4$s
            UNION ALL
            SELECT %8$s, f.oid), '', CASE WHEN f.prokind = 'p' THEN 'PROCEDURE ' ELSE 'FUNCTION ' END
                       || f.oid::regprocedure::text, NULL, 'f', f.proowner, f.proacl, p.initprivs, true
            FROM pg_proc f
            JOIN pg_namespace n ON n.oid = f.pronamespace
            %9$s
            WHERE f.proacl IS NOT NULL AND f.oid >= %1$d AND %4$s
            UNION ALL
            SELECT %10$s, t.oid), '', CASE WHEN t.typtype = 'd' THEN 'DOMAIN ' ELSE 'TYPE ' END
                       || format_type(t.oid, NULL), NULL, 'T', t.typowner, t.typacl, p.initprivs, true
            FROM pg_type t
            JOIN pg_namespace n ON n.oid = t.typnamespace
            %11$s
            WHERE t.typacl IS NOT NULL AND t.oid >= %1$d AND %4$s
            UNION ALL
            SELECT %12$s, l.oid), '', 'LANGUAGE ' || quote_ident(l.lanname), NULL, 'l', l.lanowner, l.lanacl,
                   p.initprivs, true
            FROM pg_language l
            %13$s
            WHERE l.lanacl IS NOT NULL AND l.oid >= %1$d
            UNION ALL
            SELECT %14$s, w.oid), '', 'FOREIGN DATA WRAPPER ' || quote_ident(w.fdwname), NULL, 'F', w.fdwowner,
                   w.fdwacl, p.initprivs, true
            FROM pg_foreign_data_wrapper w
            %15$s
            WHERE w.fdwacl IS NOT NULL AND w.oid >= %1$d
            UNION ALL
            SELECT %16$s, s.oid), '', 'FOREIGN SERVER ' || quote_ident(s.srvname), NULL, 'S', s.srvowner,
                   s.srvacl, p.initprivs, true
            FROM pg_foreign_server s
            %17$s
            WHERE s.srvacl IS NOT NULL AND s.oid >= %1$d
            UNION ALL
            SELECT 'pg_default_acl', d.oid, 'ALTER DEFAULT PRIVILEGES '
                       || CASE WHEN d.defaclrole = %18$s THEN ''
                               ELSE 'FOR ROLE ' || quote_ident(pg_get_userbyid(d.defaclrole)) || ' ' END
                       || COALESCE('IN SCHEMA ' || quote_ident(n.nspname) || ' ', ''),
                   CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS'
                                        WHEN 'T' THEN 'TYPES' ELSE 'SCHEMAS' END,
                   NULL, CASE d.defaclobjtype WHEN 'S' THEN 's' ELSE d.defaclobjtype::text END, d.defaclrole,
                   d.defaclacl, NULL, d.defaclnamespace = 0
            FROM pg_default_acl d
            LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
            """.formatted(Catalog.FIRST_USER_OID,
            anchor("pg_namespace"), initial("pg_namespace", "n.oid", "0"), Catalog.USER_SCHEMA,
            anchor("pg_class"), initial("pg_class", "c.oid", "0"), initial("pg_class", "c.oid", "a.attnum"),
            anchor("pg_proc"), initial("pg_proc", "f.oid", "0"),
            anchor("pg_type"), initial("pg_type", "t.oid", "0"),
            anchor("pg_language"), initial("pg_language", "l.oid", "0"),
            anchor("pg_foreign_data_wrapper"), initial("pg_foreign_data_wrapper", "w.oid", "0"),
            anchor("pg_foreign_server"), initial("pg_foreign_server", "s.oid", "0"),
            ImplicitDefaultRole.oid(PostgresMigrationTable.DUMPED_NAME));

    /**
     * Each privilege that the ACL and its baseline do not hold alike, for a grantee other than the owner: granted
     * beyond the baseline (or with a grant option it lacks), in the baseline and revoked, or held without the grant
     * option the baseline gives it (an extension's script may grant one, which {@code pg_init_privs} keeps). The baseline is the
     * initial ACL where initdb or an extension's script set one, as pg_dump takes it, else {@code acldefault}; none
     * for a default ACL in a schema ({@code relative}). The initial owner's own entry (granted by itself) is not
     * part of it: the object may have changed hands since, and ownership is not dumped.
     * {@code held} and {@code by_default} are null where the ACL or the baseline lacks the privilege, else whether
     * it comes with the grant option.
     * {@code everything} is what the owner holds by default, which {@code ALL} stands for: written so where it is
     * more than one privilege, as their list differs between server versions (PostgreSQL 17 added MAINTAIN).
     */
    private static final String SQL = """
            WITH acls AS (%s)
            SELECT a.catalog, a.anchor, a.prefix, a.target, a.column_name,
                   CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(x.grantee)) END AS grantee,
                   x.privilege,
                   CASE WHEN x.held IS NULL THEN 'REVOKE' WHEN x.held OR x.by_default IS NULL THEN 'GRANT'
                        ELSE 'REVOKE GRANT OPTION FOR' END AS verb, COALESCE(x.held, false) AS grantable,
                   ARRAY(SELECT e.privilege_type FROM aclexplode(acldefault(a.type::"char", a.owner)) e
                         WHERE e.grantee = a.owner ORDER BY 1) AS everything
            FROM acls a
            CROSS JOIN LATERAL (
                SELECT COALESCE(g.grantee, b.grantee) AS grantee, COALESCE(g.privilege, b.privilege) AS privilege,
                       g.grantable AS held, b.grantable AS by_default
                FROM (SELECT e.grantee, e.privilege_type AS privilege, bool_or(e.is_grantable) AS grantable
                      FROM aclexplode(a.acl) e GROUP BY 1, 2) g
                FULL JOIN (SELECT e.grantee, e.privilege_type AS privilege, bool_or(e.is_grantable) AS grantable
                           FROM aclexplode(CASE WHEN a.relative
                                                THEN COALESCE(a.initial, acldefault(a.type::"char", a.owner)) END) e
                           WHERE e.grantee <> e.grantor
                           GROUP BY 1, 2) b ON b.grantee = g.grantee AND b.privilege = g.privilege
            ) x
            WHERE x.grantee <> a.owner AND (x.held IS NULL OR x.by_default IS NULL OR x.held <> x.by_default)
            """.formatted(ACLS);

    /**
     * The statements of one object (or one default ACL) for one grantee, one verb ({@code GRANT}, {@code REVOKE} or
     * {@code REVOKE GRANT OPTION FOR}) and one grant option.
     */
    private record Group(String catalog, long anchor, String prefix, String target, String column, String grantee,
            String verb, boolean grantable) {
    }

    private PrivilegeReader() {
    }

    /**
     * The {@code catalog} column and the start of the {@code anchor} one, which the caller closes with the object's
     * own OID: an extension's member goes with the extension ({@code x}, joined by {@link #initial}).
     */
    private static String anchor(String catalog) {
        return "CASE WHEN x.refobjid IS NULL THEN '" + catalog + "' ELSE 'pg_extension' END AS catalog, "
                + "COALESCE(x.refobjid";
    }

    /** Joins {@code x}, the extension an object belongs to, and {@code p}, its initial privileges. */
    private static String initial(String catalog, String oid, String subId) {
        return "LEFT JOIN pg_depend x ON x.classid = '" + catalog + "'::regclass AND x.objid = " + oid
                + " AND x.objsubid = 0 AND x.deptype = 'e' AND x.refclassid = 'pg_extension'::regclass\n"
                + "LEFT JOIN pg_init_privs p ON p.classoid = '" + catalog + "'::regclass AND p.objoid = " + oid
                + " AND p.objsubid = " + subId;
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        Map<Group, TreeSet<String>> privileges = new LinkedHashMap<>();
        Map<Group, List<String>> everything = new HashMap<>();
        catalog.query(SQL, row -> {
            Group group = new Group(row.getString("catalog"), row.getLong("anchor"), row.getString("prefix"),
                    row.getString("target"), row.getString("column_name"), row.getString("grantee"),
                    row.getString("verb"), row.getBoolean("grantable"));
            privileges.computeIfAbsent(group, g -> new TreeSet<>()).add(row.getString("privilege"));
            everything.putIfAbsent(group, Catalog.strings(row, "everything"));
        });
        DumpObject defaults = null;
        for (Map.Entry<Group, TreeSet<String>> entry : privileges.entrySet()) {
            Group group = entry.getKey();
            String statement = statement(group, entry.getValue(), everything.get(group));
            if (group.catalog().equals("pg_default_acl")) {
                if (defaults == null) {
                    defaults = graph.create(Kind.DEFAULT_PRIVILEGES, "");
                }
                defaults.grant(statement);
            } else if (group.target().equals(PUBLIC_SCHEMA)) {
                graph.publicSchema().grant(statement);
            } else {
                DumpObject object = graph.owner(group.catalog(), group.anchor());
                if (object != null) {
                    object.grant(statement);
                }
            }
        }
    }

    private static String statement(Group group, TreeSet<String> privileges, List<String> everything) {
        String list;
        if (everything.size() > 1 && group.column() == null && privileges.equals(new TreeSet<>(everything))) {
            list = "ALL";
        } else {
            List<String> each = new ArrayList<>();
            for (String privilege : privileges) {
                each.add(group.column() == null ? privilege : privilege + " (" + group.column() + ")");
            }
            list = String.join(", ", each);
        }
        boolean grant = group.verb().equals("GRANT");
        return group.prefix() + group.verb() + " " + list + " ON " + group.target() + (grant ? " TO " : " FROM ")
                + group.grantee()
                + (group.grantable() ? " WITH GRANT OPTION" : "");
    }
}
