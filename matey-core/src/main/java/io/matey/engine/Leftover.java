package io.matey.engine;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a statement cut short left in the database although it did not take effect, such as the invalid index of a
 * failed PostgreSQL {@code CREATE INDEX CONCURRENTLY} (docs/architecture.md §7). Dumps leave it out, since the
 * statement is not in effect, and {@code db up --resume} drops it before running the statement again.
 */
public interface Leftover {

    /** What it is, for messages: {@code invalid index public.users_email_uq}. */
    String description();

    /** Removes it, on a connection in auto-commit mode. */
    void drop(Connection connection) throws SQLException;
}
