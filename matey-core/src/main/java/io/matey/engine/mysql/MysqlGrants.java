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
 * is new and grants each line that went again ({@link ServerRoles.Grants#restore}).
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
        try (Connection c = connect(base); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW GRANTS FOR " + MysqlAccounts.account(role))) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    @Override
    public Connection connect(MateyUrl base) throws SQLException {
        return MysqlConnector.open(base, "");
    }

    /** The statement undoing one line of {@code SHOW GRANTS}; null for a line that grants nothing to revoke. */
    @Override
    public String revoke(String line) {
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
