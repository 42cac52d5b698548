package io.matey.data;

/** A value that does not fit its column; checked, so that every caller adds where it was (file, line, column). */
public final class ValueException extends Exception {

    public ValueException(String reason) {
        super(reason, null, false, false);
    }
}
