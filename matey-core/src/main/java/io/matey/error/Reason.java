package io.matey.error;

import java.util.Locale;

/**
 * Why a {@link MateyException} was thrown, as a small stable set of codes that callers act on without parsing
 * messages: the Spring Boot starter tells verification outcomes from failures with it, and shows {@link #code()}
 * in {@code /actuator/matey} and health (docs/architecture.md §11).
 */
public enum Reason {
    /** Bad input or configuration: a file, option, URL or command that cannot be used as it is (the default). */
    INVALID,
    /** The committed artifacts are not coherent ({@code schema.sql} or a checkpoint out of date): run {@code schema apply}. */
    STALE_ARTIFACTS,
    /** The database applied versions the worktree does not have. */
    DATABASE_AHEAD,
    /** The database skipped a worktree migration while applying a later or unknown version. */
    DATABASE_DIVERGED,
    /** After a live change, the database's schema or applied versions differ from the committed state (drift). */
    POSTCHECK_FAILED,
    /** Before a rollback, the database's schema differs from the committed state at its applied index (drift). */
    DATABASE_DRIFTED,
    /**
     * {@code db adopt} found no committed state that the database's schema equals, or a change of its rows failing on
     * the server, and recorded nothing.
     */
    ADOPTION_REFUSED,
    /** A migration section (or the load of {@code schema.sql}) failed on the database. */
    MIGRATION_FAILED,
    /** The database holds schema objects but records no migrations: it predates Matey and needs {@code db adopt}. */
    DATABASE_NOT_EMPTY,
    /** A section was interrupted on the database earlier; it needs {@code db up --resume} or repair first. */
    MIGRATION_INTERRUPTED,
    /** Another process held the migration lock for the whole wait. */
    LOCK_TIMEOUT,
    /** The database's server cannot be reached, or the database does not exist. */
    DATABASE_UNAVAILABLE,
    /** The database answered a statement with an error other than the ones above. */
    DATABASE_ERROR,
    /** The engine (or the DataSource) lacks what the command needs. */
    UNSUPPORTED;

    /** The code as shown to users and in JSON: {@code migration-failed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Refusals that describe the database or artifacts against the worktree, which a check reports in detail. */
    public boolean isVerificationOutcome() {
        return this == STALE_ARTIFACTS || this == DATABASE_AHEAD || this == DATABASE_DIVERGED
                || this == POSTCHECK_FAILED || this == DATABASE_DRIFTED;
    }
}
