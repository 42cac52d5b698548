package io.matey.error;

import java.util.Objects;

/**
 * A user error: bad configuration, bad input or a refused operation, with a {@link Reason} that says which kind.
 * The shell prints {@code error: <message>} without a stack trace and exits with code 2. Messages must never
 * contain a password; build them from masked URLs.
 */
public class MateyException extends RuntimeException {

    private final Reason reason;

    public MateyException(String message) {
        this(Reason.INVALID, message);
    }

    public MateyException(String message, Throwable cause) {
        this(Reason.INVALID, message, cause);
    }

    public MateyException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public MateyException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
