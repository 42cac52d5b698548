package io.matey.engine;

import io.matey.migration.Section;
import io.matey.migration.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The roles (users) of a test server, which a replayed migration may create: they outlive the scratch database, so
 * the replay drops those it created (docs/architecture.md §6).
 */
public interface ServerRoles {

    /** The words without which a statement creates no role: most statements spare the parse. */
    Pattern ROLE_WORDS = Pattern.compile("\\b(?:ROLE|USER|GROUP)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * PostgreSQL's {@code CREATE ROLE|USER|GROUP [IF NOT EXISTS] name} anywhere in code, so also in a {@code DO}
     * block's body ({@code CREATE USER MAPPING} is the database's): group 1 a quoted name, group 2 an unquoted one.
     */
    Pattern POSTGRES_CREATE_ROLE = Pattern.compile("(?<![\\w$])CREATE\\s+(?:ROLE|USER|GROUP)\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?(?!MAPPING(?![\\w$]))(?:\"((?:[^\"]|\"\")+)\"|([\\p{L}_][\\p{L}\\p{N}_$]*))",
            Pattern.CASE_INSENSITIVE);

    /** For engines without server-level roles. */
    ServerRoles NONE = new ServerRoles() {
        @Override
        public Set<ServerRole> list(MateyUrl base) {
            return Set.of();
        }

        @Override
        public void drop(MateyUrl base, ServerRole role, List<MateyUrl> kept) {
            throw new UnsupportedOperationException("no server roles");
        }
    };

    /** Every role on the server of {@code base}. */
    Set<ServerRole> list(MateyUrl base) throws SQLException;

    /**
     * Drops a role, first giving what it owns in the databases still there ({@code kept}, the scratch databases kept
     * for debugging) to the connected user and revoking its privileges, which would keep the drop from succeeding.
     */
    void drop(MateyUrl base, ServerRole role, List<MateyUrl> kept) throws SQLException;

    /**
     * The roles that {@code up}, an up section, creates and that this engine's dumps may name (PostgreSQL's owners,
     * policies and privileges; MySQL/MariaDB's dumps leave definers and grants out), in order of appearance: the lock
     * records them, so that a replay loading a later checkpoint and {@code db bootstrap} create those the server
     * lacks (docs/architecture.md §6). Read from the text, so they follow from the migration's bytes alone; empty
     * where dumps name no role.
     */
    default List<String> namedByDumps(Section up) {
        return List.of();
    }

    /**
     * The roles {@code up} creates, as {@link #list} names them, for the replay to record before it runs (its
     * intents, docs/architecture.md §6): those {@link #namedByDumps} finds unless the engine finds more.
     */
    default List<ServerRole> creates(Section up) {
        return namedByDumps(up).stream().map(name -> new ServerRole(name, null)).toList();
    }

    /** The roles one statement creates ({@link #creates} of it alone); none for a statement naming no role or user. */
    default List<ServerRole> createdBy(SqlStatement statement) {
        if (!ROLE_WORDS.matcher(statement.code()).find()) {
            return List.of();
        }
        return creates(new Section(MigrationRunner.UP, statement.sql(), statement.line(), true, statement.line()));
    }

    /**
     * Whether the server {@code connection} reaches has {@code role}; true where the engine cannot tell, so that a
     * caller changes nothing then.
     */
    default boolean has(Connection connection, ServerRole role) throws SQLException {
        return true;
    }

    /**
     * Marks {@code role}, which a replay's up section created, with {@code mark} through the section's connection (in
     * its transaction where it has one), so that the next replay can tell it from one created by hand since
     * (docs/architecture.md §6); nothing when the role is not there.
     */
    default void mark(Connection connection, ServerRole role, String mark) throws SQLException {
        throw new UnsupportedOperationException("no server roles");
    }

    /**
     * Takes the server-wide lock that serialises the replays whose migrations create, alter or drop roles: roles are
     * the whole server's, so two such replays at once would see each other's roles as the server's and collide on
     * them (docs/architecture.md §6). Waits at most {@code timeout} for another session's, telling {@code waiting}
     * who holds it first; then fails with a {@link MigrationLockTimeoutException} naming the holder. The lock is the
     * returned session's: closing it releases the lock. Empty where the engine has none.
     */
    default Optional<Connection> lock(MateyUrl base, Duration timeout, Engine.LockWaiting waiting)
            throws SQLException {
        return Optional.empty();
    }

    /**
     * Whether {@code sql} changes grants that outlive the scratch database, so that a replay running it takes
     * {@link #lock} as one creating roles does: each replay gives the accounts it did not create back the grants they
     * had ({@link #grants}), which at once would revoke another replay's grants and give back the ones it revoked
     * (docs/architecture.md §6). False where the grants a replay restores are no other replay's to change.
     */
    default boolean changesSharedGrants(String sql) {
        return false;
    }

    /** Whether {@code role} carries {@code mark} ({@link #mark}). */
    default boolean marked(MateyUrl base, ServerRole role, String mark) throws SQLException {
        return false;
    }

    /**
     * Creates {@code role}, one {@link #namedByDumps} found, without login or password, unless the server has it;
     * false when it had. Within the connection's transaction, where there is one.
     */
    default boolean createIfMissing(Connection connection, String role) throws SQLException {
        throw new UnsupportedOperationException("dumps name no roles");
    }

    /**
     * The grants of the server's accounts that outlive the scratch database (MySQL/MariaDB's privileges, whose
     * objects may be gone; PostgreSQL's role memberships, attributes, settings and privileges on shared objects), so
     * that a replay gives the accounts it did not create back what they had (docs/architecture.md §6); empty where
     * the engine has none.
     */
    default Optional<Grants> grants() {
        return Optional.empty();
    }

    /** What a server grants its accounts. */
    interface Grants {

        /** What the server grants {@code role}, as statements that would grant it again. */
        List<String> of(MateyUrl base, ServerRole role) throws SQLException;

        /** The statement undoing one line of {@link #of}; null for a line that grants nothing to revoke. */
        String revoke(String line);

        /** A connection to the server that may change every account's grants. */
        Connection connect(MateyUrl base) throws SQLException;

        /**
         * Gives {@code role} back the grants {@code before} in place of {@code now} (both as {@link #of} lists them):
         * revokes each line of {@code now} that {@code before} lacks, then runs each line of {@code before} that went.
         * Every statement is tried; the first failure is thrown, with the others suppressed.
         */
        default void restore(MateyUrl base, ServerRole role, List<String> before, List<String> now)
                throws SQLException {
            List<String> statements = new ArrayList<>();
            for (String line : now) {
                String revoke = before.contains(line) ? null : revoke(line);
                if (revoke != null) {
                    statements.add(revoke);
                }
            }
            for (String line : before) {
                if (!now.contains(line)) {
                    statements.add(line);
                }
            }
            SQLException failed = null;
            try (Connection c = connect(base); Statement st = c.createStatement()) {
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
    }
}
