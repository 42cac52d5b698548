package io.matey.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The dbmate-compatible table of applied versions, in the shape dbmate itself creates for the engine. */
public interface MigrationTable {

    String NAME = "schema_migrations";

    boolean exists(Connection connection) throws SQLException;

    /** Creates the table if it is missing. */
    void ensure(Connection connection) throws SQLException;

    /** Applied versions in ascending order; empty when the table does not exist. */
    List<String> appliedVersions(Connection connection) throws SQLException;

    /**
     * True when, from now on, only a statement that names this table can change its rows besides {@link #record}
     * and {@link #remove}: the engine runs no SQL built at run time, and nothing in the database (a trigger) names
     * the table. A replay then keeps the versions itself instead of reading the table after every section
     * (docs/architecture.md §6). False unless the engine can tell: PostgreSQL ({@code EXECUTE} in PL/pgSQL, also in
     * a {@code DO} block) and MySQL ({@code PREPARE} from a built string, scheduled events) build SQL at run time,
     * so a statement that never names the table can still write it, and their replays read it for every checkpoint.
     */
    default boolean writtenOnlyWhenNamed(Connection connection) throws SQLException {
        return false;
    }

    /** Whether {@code sql} could change this table's rows: true unless the engine can tell that it does not name it. */
    default boolean mayWrite(String sql) {
        return true;
    }

    void record(Connection connection, String version) throws SQLException;

    void remove(Connection connection, String version) throws SQLException;

    /**
     * The block that ends every dump: a comment line {@code -- Dbmate schema migrations}, the table's DDL and
     * an insert of the given versions; empty when there are no versions.
     */
    String dumpBlock(List<String> versions);
}
