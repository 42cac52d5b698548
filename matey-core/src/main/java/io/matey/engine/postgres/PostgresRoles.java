package io.matey.engine.postgres;

import io.matey.engine.Engine;
import io.matey.engine.Identifiers;
import io.matey.engine.MateyUrl;
import io.matey.engine.MigrationLockTimeoutException;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * PostgreSQL's roles (docs/architecture.md §6). A role's privileges and objects in a dropped database go with it; in a
 * kept one they are reassigned and dropped there, and {@code DROP OWNED} in the maintenance database revokes those on
 * shared objects (databases, tablespaces), so that {@code DROP ROLE} succeeds. What a role that was there before
 * holds outside the databases is {@link PostgresGrants}'. Dumps name roles (owners, policies, privileges), so the
 * roles a migration creates are found for the lock ({@link #namedByDumps}).
 */
final class PostgresRoles implements ServerRoles {

    /** The roles lock's two keys ("mate", "role"): advisory keys of the maintenance database, as TemplateLocks'. */
    private static final int NAMESPACE = 0x6d617465;
    private static final int ROLES = 0x726f6c65;
    private static final String LOCK = "pg_advisory_lock(" + NAMESPACE + ", " + ROLES + ") on the maintenance database";

    /**
     * A session-level advisory lock in the maintenance database, which every process on the server connects to; waited
     * for at most {@code timeout} under {@code lock_timeout}, as the migration lock ({@link AdvisoryLock}).
     */
    @Override
    public Optional<Connection> lock(MateyUrl base, Duration timeout, Engine.LockWaiting waiting) throws SQLException {
        Connection c = new PostgresConnector(base).connectMaintenance();
        try {
            if (!advisory(c, "pg_try_advisory_lock")) {
                if (waiting.told(timeout)) {
                    Holder holder = holder(c);
                    waiting.waiting(LOCK, holder == null ? "" : holder.describe());
                }
                try {
                    SessionSettings.with(c, Map.of("lock_timeout", Math.max(1, timeout.toMillis()) + "ms"),
                            () -> advisory(c, "pg_advisory_lock"));
                } catch (SQLException e) {
                    if (!"55P03".equals(e.getSQLState())) {
                        throw e;
                    }
                    Holder holder = holder(c);
                    throw new MigrationLockTimeoutException(LOCK, timeout, holder == null ? "" : holder.describe(),
                            holder == null ? "" : "To end it: SELECT pg_terminate_backend(" + holder.pid() + ");");
                }
            }
            return Optional.of(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private record Holder(int pid, String user) {

        String describe() {
            return "PostgreSQL backend " + pid + " (user " + user + ")";
        }
    }

    /** The backend holding the roles lock; null when it was released meanwhile. */
    private static Holder holder(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT l.pid, a.usename FROM pg_locks l "
                + "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                + "AND l.classid = ? AND l.objid = ? AND l.objsubid = 2")) {
            ps.setInt(1, NAMESPACE);
            ps.setInt(2, ROLES);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Holder(rs.getInt(1), rs.getString(2)) : null;
            }
        }
    }

    private static boolean advisory(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(?, ?)::text")) {
            ps.setInt(1, NAMESPACE);
            ps.setInt(2, ROLES);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && !"false".equals(rs.getString(1));
            }
        }
    }

    @Override
    public boolean has(Connection connection, ServerRole role) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Set<ServerRole> list(MateyUrl base) throws SQLException {
        Set<ServerRole> roles = new HashSet<>();
        try (Connection c = new PostgresConnector(base).connectMaintenance(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT rolname FROM pg_roles")) {
            while (rs.next()) {
                roles.add(new ServerRole(rs.getString(1), null));
            }
        }
        return roles;
    }

    @Override
    public void drop(MateyUrl base, ServerRole role, List<MateyUrl> kept) throws SQLException {
        String name = Identifiers.quoted('"', role.name());
        String disown = "REASSIGN OWNED BY " + name + " TO CURRENT_USER; DROP OWNED BY " + name;
        for (MateyUrl database : kept) {
            try (Connection c = new PostgresConnector(database).connect(); Statement st = c.createStatement()) {
                st.execute(disown);
            }
        }
        try (Connection c = new PostgresConnector(base).connectMaintenance(); Statement st = c.createStatement()) {
            st.execute(disown + "; DROP ROLE IF EXISTS " + name);
        }
    }

    /**
     * {@code CREATE ROLE|USER|GROUP name} anywhere in a statement's code, so also in a {@code DO} block's body
     * ({@code CREATE USER MAPPING} is the database's); a leading comment is not code.
     */
    @Override
    public List<String> namedByDumps(Section up) {
        Set<String> roles = new LinkedHashSet<>();
        for (SqlStatement statement : up.statements(PostgresEngine.DIALECT)) {
            Matcher m = POSTGRES_CREATE_ROLE.matcher(statement.code());
            while (m.find()) {
                String quoted = m.group(1);
                roles.add(quoted != null ? quoted.replace("\"\"", "\"") : m.group(2).toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(roles);
    }

    @Override
    public boolean createIfMissing(Connection connection, String role) throws SQLException {
        if (exists(connection, role)) {
            return false;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE ROLE " + Identifiers.quoted('"', role) + " NOLOGIN");
        }
        return true;
    }

    /** Whether the server has {@code role}, as the connection's transaction sees it. */
    private static boolean exists(Connection connection, String role) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A comment on the role: roles carry no other free text, and dumps leave role comments out. */
    @Override
    public void mark(Connection connection, ServerRole role, String mark) throws SQLException {
        if (exists(connection, role.name())) {
            try (Statement st = connection.createStatement()) {
                st.execute("COMMENT ON ROLE " + Identifiers.quoted('"', role.name()) + " IS "
                        + Identifiers.quoted('\'', mark));
            }
        }
    }

    @Override
    public boolean marked(MateyUrl base, ServerRole role, String mark) throws SQLException {
        try (Connection c = new PostgresConnector(base).connectMaintenance(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM pg_roles WHERE rolname = ? AND shobj_description(oid, 'pg_authid') = ?")) {
            ps.setString(1, role.name());
            ps.setString(2, mark);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Optional<Grants> grants() {
        return Optional.of(new PostgresGrants());
    }
}
