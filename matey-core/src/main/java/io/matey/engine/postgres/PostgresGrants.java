package io.matey.engine.postgres;

import io.matey.engine.Identifiers;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerRole;
import io.matey.engine.ServerRoles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a PostgreSQL role holds outside any one database (docs/architecture.md §6), as statements that would give it
 * again: its attributes, its memberships in other roles, its settings ({@code ALTER ROLE ... SET}) and its privileges
 * on databases and tablespaces. A migration may change them for a role that was on the server before the replay
 * ({@code GRANT app_reader TO app}, {@code ALTER ROLE app SET ...}); they outlive the scratch database, so the replay
 * gives them back. Its password is not listed (it would be written to the replay's records), so a replay that
 * changes one leaves it changed.
 */
final class PostgresGrants implements ServerRoles.Grants {

    private static final String ATTRIBUTES = "SELECT rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin,"
            + " rolreplication, rolbypassrls, rolconnlimit, rolvaliduntil::text FROM pg_roles WHERE rolname = ?";
    private static final String MEMBERSHIPS = "SELECT r.rolname, m.admin_option FROM pg_auth_members m"
            + " JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = ?"
            + " ORDER BY 1";
    private static final String SETTINGS = "SELECT d.datname, c.setting FROM pg_db_role_setting s"
            + " JOIN pg_roles u ON u.oid = s.setrole LEFT JOIN pg_database d ON d.oid = s.setdatabase,"
            + " unnest(s.setconfig) AS c(setting) WHERE u.rolname = ? ORDER BY 1 NULLS FIRST, 2";
    private static final String PRIVILEGES = "SELECT kind, name, a.privilege_type, a.is_grantable FROM ("
            + "SELECT 'DATABASE' AS kind, datname AS name, datacl AS acl FROM pg_database"
            + " UNION ALL SELECT 'TABLESPACE', spcname, spcacl FROM pg_tablespace) o, aclexplode(o.acl) a"
            + " JOIN pg_roles u ON u.oid = a.grantee WHERE u.rolname = ? ORDER BY 1, 2, 3";
    /** Settings whose value is a list, which a quoted value would make one element (PostgreSQL's GUC_LIST_QUOTE). */
    private static final Set<String> LIST_SETTINGS = Set.of("search_path", "temp_tablespaces",
            "session_preload_libraries", "local_preload_libraries", "shared_preload_libraries");
    private static final String NAME = "\"(?:[^\"]|\"\")*\"";
    private static final Pattern GRANT = Pattern.compile("^GRANT (.+) TO (" + NAME + ")(?: WITH .*)?$", Pattern.DOTALL);
    private static final Pattern SET = Pattern.compile("^(ALTER ROLE .+?) SET ((?:" + NAME + "\\.)*" + NAME + ") TO .*$",
            Pattern.DOTALL);

    @Override
    public List<String> of(MateyUrl base, ServerRole role) throws SQLException {
        List<String> lines = new ArrayList<>();
        String name = quoted(role.name());
        try (Connection c = connect(base)) {
            query(c, ATTRIBUTES, role, rs -> lines.add("ALTER ROLE " + name + " WITH" + attributes(rs)));
            query(c, MEMBERSHIPS, role, rs -> lines.add("GRANT " + quoted(rs.getString(1)) + " TO " + name
                    + (rs.getBoolean(2) ? " WITH ADMIN OPTION" : "")));
            query(c, SETTINGS, role, rs -> lines.add(setting(name, rs.getString(1), rs.getString(2))));
            query(c, PRIVILEGES, role, rs -> lines.add("GRANT " + rs.getString(3) + " ON " + rs.getString(1) + " "
                    + quoted(rs.getString(2)) + " TO " + name + (rs.getBoolean(4) ? " WITH GRANT OPTION" : "")));
        }
        return lines;
    }

    /**
     * A membership or privilege goes with {@code REVOKE} (its admin or grant option with it), a setting with
     * {@code RESET}; the attributes line revokes nothing: the one from before is run again.
     */
    @Override
    public String revoke(String line) {
        Matcher set = SET.matcher(line);
        if (set.matches()) {
            return set.group(1) + " RESET " + set.group(2);
        }
        Matcher grant = GRANT.matcher(line);
        return grant.matches() ? "REVOKE " + grant.group(1) + " FROM " + grant.group(2) : null;
    }

    @Override
    public Connection connect(MateyUrl base) throws SQLException {
        return new PostgresConnector(base).connectMaintenance();
    }

    private static String attributes(ResultSet rs) throws SQLException {
        String[] names = {"SUPERUSER", "INHERIT", "CREATEROLE", "CREATEDB", "LOGIN", "REPLICATION", "BYPASSRLS"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            text.append(rs.getBoolean(i + 1) ? " " : " NO").append(names[i]);
        }
        String validUntil = rs.getString(9);
        return text.append(" CONNECTION LIMIT ").append(rs.getInt(8)).append(" VALID UNTIL ")
                .append(literal(validUntil == null ? "infinity" : validUntil)).toString();
    }

    /** {@code ALTER ROLE "r" [IN DATABASE "d"] SET "name" TO value} from {@code name=value} as the catalog keeps it. */
    private static String setting(String role, String database, String setting) {
        int equals = setting.indexOf('=');
        String name = setting.substring(0, equals);
        String value = setting.substring(equals + 1);
        return "ALTER ROLE " + role + (database == null ? "" : " IN DATABASE " + quoted(database)) + " SET "
                + Arrays.stream(name.split("\\.")).map(PostgresGrants::quoted).collect(Collectors.joining("."))
                + " TO " + (LIST_SETTINGS.contains(name) ? value : literal(value));
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, ServerRole role, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, role.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    private static String quoted(String name) {
        return Identifiers.quoted('"', name);
    }

    private static String literal(String text) {
        return Identifiers.quoted('\'', text);
    }
}
