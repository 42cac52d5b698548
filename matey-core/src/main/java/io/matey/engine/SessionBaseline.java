package io.matey.engine;

import java.sql.SQLException;

/**
 * The session state a connection's migration sections start from, captured before its first section and given back
 * after each one (docs/architecture.md §7): what a section sets for its session (PostgreSQL's {@code search_path},
 * MySQL's {@code USE}, SQLite's PRAGMAs) then never reaches the next section, so a migration means the same whether
 * it runs in one batch with the migrations before it or in a run of its own.
 */
public interface SessionBaseline {

    /** For engines whose statements share no session state (each is a request or job of its own). */
    SessionBaseline NONE = () -> {
    };

    /** Puts the connection back into the captured state. */
    void restore() throws SQLException;
}
