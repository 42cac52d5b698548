package io.matey.engine.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The role whose default privileges a dump writes without {@code FOR ROLE} (docs/architecture.md §5): the owner of
 * the migrations table, which the first migration run creates, else the dumping user. Artifacts are dumped where
 * the replaying user ran the migrations, a live database where the deployment's role did; so where an artifact
 * names that live role ({@code FOR ROLE walk2_owner}), the live database holds the very default ACL it writes
 * without {@code FOR ROLE}, and the comparison reads the artifact's statement so.
 */
final class ImplicitDefaultRole {

    private static final String PREFIX = "ALTER DEFAULT PRIVILEGES ";

    private ImplicitDefaultRole() {
    }

    /** The role's OID, with {@code migrationsTable} the SQL that gives the migrations table's {@code relname}. */
    static String oid(String migrationsTable) {
        return "COALESCE((SELECT m.relowner FROM pg_class m WHERE m.relname = " + migrationsTable
                + " AND m.relkind = 'r' ORDER BY m.oid LIMIT 1),"
                + " (SELECT r.oid FROM pg_roles r WHERE r.rolname = current_user))";
    }

    /**
     * {@code expected} with {@code FOR ROLE} dropped where it names the connected database's implicit role, its
     * default-privilege statements sorted again, as the dump sorts them ({@link DumpObject#grant}).
     */
    static String in(Connection connection, String expected) throws SQLException {
        String named = PREFIX + "FOR ROLE ";
        if (!expected.contains(named)) {
            return expected;
        }
        String role;
        try (PreparedStatement ps = connection.prepareStatement("SELECT quote_ident(pg_get_userbyid(" + oid("?") + "))")) {
            ps.setString(1, PostgresMigrationTable.DEFAULT.relationName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                role = rs.getString(1);
            }
        }
        String implicit = named + role + " ";
        if (!expected.contains(implicit)) {
            return expected;
        }
        // default privileges come last, one statement a line, a blank line apart (Kind.DEFAULT_PRIVILEGES)
        List<String> lines = List.of(expected.split("\n", -1));
        int first = -1;
        int last = -1;
        TreeSet<String> sorted = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(PREFIX)) {
                first = first < 0 ? i : first;
                last = i;
                sorted.add(line.startsWith(implicit) ? PREFIX + line.substring(implicit.length()) : line);
            } else if (first >= 0 && !line.isEmpty()) {
                break;
            }
        }
        String before = first == 0 ? "" : String.join("\n", lines.subList(0, first)) + "\n";
        return before + String.join("\n\n", sorted)
                + "\n" + String.join("\n", lines.subList(last + 1, lines.size()));
    }
}
