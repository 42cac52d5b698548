package io.matey.testing.bigquery;

/** An error the double answers with, in BigQuery's error shape (HTTP status, reason, message). */
final class DoubleError extends RuntimeException {

    final int status;
    final String reason;

    DoubleError(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    static DoubleError invalidQuery(String message) {
        return new DoubleError(400, "invalidQuery", message);
    }

    static DoubleError notFound(String message) {
        return new DoubleError(404, "notFound", "Not found: " + message);
    }

    static DoubleError duplicate(String message) {
        return new DoubleError(409, "duplicate", "Already Exists: " + message);
    }

    /** What the double refuses because it does not implement it: never a silent success. */
    static DoubleError notImplemented(String what) {
        return new DoubleError(400, "invalid", "BigQueryRestDouble does not implement " + what);
    }
}
