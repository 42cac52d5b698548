package io.matey.engine.postgres;

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
 * PostgreSQL's roles (docs/architecture.md §6). A role's privileges and objects in a dropped database go with it; in a
 * kept one they are reassigned and dropped there, and {@code DROP OWNED} in the maintenance database revokes those on
 * shared objects (databases, tablespaces), so that {@code DROP ROLE} succeeds. What a role that was there before
 * holds outside the databases is {@link PostgresGrants}'.
 */
final class PostgresRoles implements ServerRoles {

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

    @Override
    public Optional<Grants> grants() {
        return Optional.of(new PostgresGrants());
    }
}
