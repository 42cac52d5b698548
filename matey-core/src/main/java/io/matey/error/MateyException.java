package io.matey.error;

/**
 * A user error: bad configuration, bad input or a refused operation. The shell prints
 * {@code error: <message>} without a stack trace and exits with code 2. Messages must never contain a
 * password; build them from masked URLs.
 */
public class MateyException extends RuntimeException {

    public MateyException(String message) {
        super(message);
    }

    public MateyException(String message, Throwable cause) {
        super(message, cause);
    }
}
