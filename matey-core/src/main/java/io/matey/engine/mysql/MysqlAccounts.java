package io.matey.engine.mysql;

import io.matey.engine.Identifiers;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerRole;
import io.matey.engine.ServerRoles;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * MySQL/MariaDB accounts and roles (docs/architecture.md §6). {@code DROP USER} removes an account's privileges
 * everywhere, and the objects naming it as definer went with the scratch database; a MariaDB role (empty host) is
 * dropped with {@code DROP ROLE}. The grants of the accounts a replay did not create are {@link MysqlGrants}'.
 */
final class MysqlAccounts implements ServerRoles {

    @Override
    public Set<ServerRole> list(MateyUrl base) throws SQLException {
        Set<ServerRole> accounts = new HashSet<>();
        try (Connection c = MysqlConnector.open(base, ""); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT User, Host FROM mysql.user")) {
            while (rs.next()) {
                accounts.add(new ServerRole(rs.getString(1), rs.getString(2)));
            }
        }
        return accounts;
    }

    @Override
    public void drop(MateyUrl base, ServerRole role, List<MateyUrl> kept) throws SQLException {
        try (Connection c = MysqlConnector.open(base, ""); Statement st = c.createStatement()) {
            st.execute((role.host().isEmpty() ? "DROP ROLE " : "DROP USER ") + account(role));
        }
    }

    @Override
    public Optional<Grants> grants() {
        return Optional.of(new MysqlGrants());
    }

    /** {@code 'name'@'host'}, or a MariaDB role's {@code 'name'}. */
    static String account(ServerRole role) {
        return role.host().isEmpty() ? literal(role.name()) : literal(role.name()) + "@" + literal(role.host());
    }

    private static String literal(String text) {
        return Identifiers.quoted('\'', text.replace("\\", "\\\\"));
    }
}
