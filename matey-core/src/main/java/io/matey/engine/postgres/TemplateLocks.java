package io.matey.engine.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Session-level advisory locks on template names, taken in the server's maintenance database so that every
 * Matey process on the server sees them (advisory keys are scoped per database). Shared while cloning,
 * exclusive while building or dropping; the two-key form keeps them apart from the migration lock.
 */
final class TemplateLocks {

    /** The bytes of "mtpl": the first key of every template lock. */
    private static final int NAMESPACE = 0x6d74706c;

    private final Connection connection;

    TemplateLocks(Connection connection) {
        this.connection = connection;
    }

    void lockShared(TemplateName template) throws SQLException {
        call("pg_advisory_lock_shared", template);
    }

    void unlockShared(TemplateName template) throws SQLException {
        call("pg_advisory_unlock_shared", template);
    }

    void lockExclusive(TemplateName template) throws SQLException {
        call("pg_advisory_lock", template);
    }

    /** Takes the exclusive lock only if nobody holds it in any mode; never waits. */
    boolean tryLockExclusive(TemplateName template) throws SQLException {
        return call("pg_try_advisory_lock", template);
    }

    void unlockExclusive(TemplateName template) throws SQLException {
        call("pg_advisory_unlock", template);
    }

    private boolean call(String function, TemplateName template) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + function + "(?, ?)::text")) {
            ps.setInt(1, NAMESPACE);
            ps.setInt(2, template.name().hashCode()); // String.hashCode is the same in every JVM
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return !"false".equals(rs.getString(1));
            }
        }
    }
}
