package io.matey.engine.mysql;

import io.matey.engine.Engine;
import io.matey.engine.Identifiers;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerRole;
import io.matey.engine.ServerRoles;
import io.matey.migration.Section;
import io.matey.migration.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL/MariaDB accounts and roles (docs/architecture.md §6). {@code DROP USER} removes an account's privileges
 * everywhere, and the objects naming it as definer went with the scratch database; a MariaDB role (empty host) is
 * dropped with {@code DROP ROLE}. The accounts a migration creates are read from its text ({@link #creates}), to be
 * recorded before it runs. The grants of the accounts a replay did not create are {@link MysqlGrants}'.
 */
final class MysqlAccounts implements ServerRoles {

    private static final Pattern CREATE = Pattern.compile("(?<![\\w$])CREATE\\s+(?:OR\\s+REPLACE\\s+)?(USER|ROLE)\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?", Pattern.CASE_INSENSITIVE);

    /**
     * The roles lock's name: {@code GET_LOCK} names are the whole server's, and no migration lock's
     * ({@code matey:<database>}) is this one.
     */
    private static final String LOCK = "matey-replay-roles";
    /** Statements changing an account's grants, which outlive the scratch database ({@link MysqlGrants}). */
    private static final Pattern GRANTS = Pattern.compile(
            "(?<![\\w$])(?:GRANT|REVOKE|SET\\s+DEFAULT\\s+ROLE)(?![\\w$])", Pattern.CASE_INSENSITIVE);

    /**
     * A named lock ({@code GET_LOCK}) of a session of its own, which ending the session releases; waited for at most
     * {@code timeout}, in short tries as the migration lock ({@link MysqlMigrationLock#await}).
     */
    @Override
    public Optional<Connection> lock(MateyUrl base, Duration timeout, Engine.LockWaiting waiting) throws SQLException {
        Connection c = MysqlConnector.open(base, "");
        try {
            MysqlMigrationLock.await(c, LOCK, timeout, waiting);
            return Optional.of(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public boolean changesSharedGrants(String sql) {
        return GRANTS.matcher(sql).find();
    }

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

    /**
     * The accounts of each {@code CREATE [OR REPLACE] USER|ROLE [IF NOT EXISTS]} in a statement's code (also in a
     * routine's body): {@code name[@host]} each, a user's host {@code %} when none is written, a role's empty (a
     * MariaDB role's).
     */
    @Override
    public List<ServerRole> creates(Section up) {
        Set<ServerRole> accounts = new LinkedHashSet<>();
        for (SqlStatement statement : up.statements(MysqlEngine.DIALECT)) {
            Matcher m = CREATE.matcher(statement.code());
            while (m.find()) {
                accounts.addAll(CreatedAccounts.read(statement.code(), m.end(), m.group(1).equalsIgnoreCase("ROLE")));
            }
        }
        return List.copyOf(accounts);
    }

    /**
     * A privilege on a database named {@code mark}, which no schema has: MariaDB keeps no comment or attribute on an
     * account, and the account's {@code DROP} takes the privilege along.
     */
    @Override
    public void mark(Connection connection, ServerRole role, String mark) throws SQLException {
        if (has(connection, role)) {
            try (Statement st = connection.createStatement()) {
                st.execute("GRANT SELECT ON " + Backticks.quote(mark) + ".* TO " + account(role));
            }
        }
    }

    @Override
    public boolean marked(MateyUrl base, ServerRole role, String mark) throws SQLException {
        try (Connection c = MysqlConnector.open(base, ""); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM mysql.db WHERE Db = ? AND User = ? AND Host = ?")) {
            ps.setString(1, mark);
            ps.setString(2, role.name());
            ps.setString(3, role.host());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public boolean has(Connection connection, ServerRole role) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM mysql.user WHERE User = ? AND Host = ?")) {
            ps.setString(1, role.name());
            ps.setString(2, role.host());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
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
