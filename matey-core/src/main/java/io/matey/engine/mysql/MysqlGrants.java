package io.matey.engine.mysql;

import io.matey.engine.MateyUrl;
import io.matey.engine.ServerRole;
import io.matey.engine.ServerRoles;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grants of a MySQL/MariaDB account, as {@code SHOW GRANTS} prints them (docs/architecture.md §6). A privilege
 * on an object outlives the object (dropping the scratch database leaves its table and database grants in the
 * grant tables), so a replay gives an account it did not create back the grants it had: it revokes each line that
 * is new and grants each line that went again.
 */
final class MysqlGrants implements ServerRoles.Grants {

    /** {@code GRANT <what> TO <account><rest>}; {@code <what>} is {@code <privileges> ON <object>} or roles. */
    private static final Pattern GRANT = Pattern.compile(
            "^GRANT (.+) TO (`(?:[^`]|``)*`(?:@`(?:[^`]|``)*`)?|'(?:[^'\\\\]|\\\\.|'')*'(?:@'(?:[^'\\\\]|\\\\.|'')*')?)(.*)$",
            Pattern.DOTALL);
    private static final Pattern DEFAULT_ROLE = Pattern.compile("^SET DEFAULT ROLE .+ FOR (.+)$", Pattern.DOTALL);

    @Override
    public List<String> of(MateyUrl base, ServerRole role) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = MysqlConnector.open(base, ""); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW GRANTS FOR " + MysqlAccounts.account(role))) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    /** Revokes the lines of {@code now} that {@code before} lacks, then grants those of {@code before} again. */
    @Override
    public void restore(MateyUrl base, ServerRole role, List<String> before, List<String> now) throws SQLException {
        List<String> statements = new ArrayList<>();
        for (String line : now) {
            if (!before.contains(line)) {
                String revoke = revoke(line);
                if (revoke != null) {
                    statements.add(revoke);
                }
            }
        }
        for (String line : before) {
            if (!now.contains(line)) {
                statements.add(line);
            }
        }
        SQLException failed = null;
        try (Connection c = MysqlConnector.open(base, ""); Statement st = c.createStatement()) {
            for (String statement : statements) {
                try {
                    st.execute(statement);
                } catch (SQLException e) {
                    if (failed == null) {
                        failed = e;
                    } else {
                        failed.addSuppressed(e);
                    }
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** The statement undoing one line of {@code SHOW GRANTS}; null for a line that grants nothing to revoke. */
    static String revoke(String line) {
        Matcher defaultRole = DEFAULT_ROLE.matcher(line);
        if (defaultRole.matches()) {
            return "SET DEFAULT ROLE NONE FOR " + defaultRole.group(1);
        }
        Matcher grant = GRANT.matcher(line);
        if (!grant.matches()) {
            return null;
        }
        String what = grant.group(1);
        String from = " FROM " + grant.group(2);
        int on = what.indexOf(" ON ");
        if (on < 0) {
            return "REVOKE " + what + from; // roles; their admin option goes with them
        }
        String privileges = what.substring(0, on);
        boolean grantOption = grant.group(3).contains("WITH GRANT OPTION");
        if (privileges.equals("USAGE")) {
            return grantOption ? "REVOKE GRANT OPTION" + what.substring(on) + from : null;
        }
        return "REVOKE " + privileges + (grantOption ? ", GRANT OPTION" : "") + what.substring(on) + from;
    }
}
