package io.matey.engine;

import io.matey.error.Reason;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The migration lock stayed held by someone else for the whole wait: the message names the lock, the wait,
 * who holds it where the engine can tell, and what to do.
 */
public class MigrationLockTimeoutException extends SQLException {

    /** The CLI option that bounds the wait: what the message names unless the caller has its own ({@link #boundBy}). */
    public static final String CLI_BOUND = "--lock-timeout";

    private final String lock;
    private final Duration waited;
    private final String holder;
    private final String advice;

    /**
     * @param lock   what the lock is, such as {@code pg_advisory_lock 469786042745 on database shop}
     * @param holder who holds it (empty when the engine cannot tell)
     * @param advice what to do about it
     */
    public MigrationLockTimeoutException(String lock, Duration waited, String holder, String advice) {
        this(lock, waited, holder, advice, CLI_BOUND);
    }

    private MigrationLockTimeoutException(String lock, Duration waited, String holder, String advice, String bound) {
        super("the migration lock (" + lock + ") was not released within " + describe(waited)
                + (holder.isEmpty() ? "" : "; it is held by " + holder) + ". Another migration may still be running: "
                + "wait for it and try again, or raise the bound (" + bound + "). " + advice, "55P03");
        this.lock = lock;
        this.waited = waited;
        this.holder = holder;
        this.advice = advice;
    }

    /**
     * The same timeout, its message naming {@code bound} as what raises the bound: the setting of the caller whose
     * run waited (an application's property), in its terms (docs/architecture.md §8).
     */
    public MigrationLockTimeoutException boundBy(String bound) {
        MigrationLockTimeoutException named = new MigrationLockTimeoutException(lock, waited, holder, advice, bound);
        named.setStackTrace(getStackTrace());
        return named;
    }

    /** The lock, as the engine names it: {@code GET_LOCK('matey:shop')}. */
    public String lock() {
        return lock;
    }

    /** Who held it when the wait ended; empty when the engine cannot tell. */
    public String holder() {
        return holder;
    }

    /** What to do about the holder; empty when the engine cannot tell who it is. */
    public String advice() {
        return advice;
    }

    /** The reason of a command that failed with {@code failure}: a lock wait that ran out, or another database error. */
    public static Reason reasonOf(SQLException failure) {
        return failure instanceof MigrationLockTimeoutException ? Reason.LOCK_TIMEOUT : Reason.DATABASE_ERROR;
    }

    /** {@code 10s}, {@code 2m}, {@code 1500ms}: as the options take it. */
    public static String describe(Duration duration) {
        if (duration.toMillis() % 60_000 == 0 && !duration.isZero()) {
            return duration.toMinutes() + "m";
        }
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
