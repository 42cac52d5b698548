package io.matey.data;

/** A value that does not fit its column; checked, so that every caller adds where it was (file, line, column). */
final class ValueException extends Exception {

    ValueException(String reason) {
        super(reason, null, false, false);
    }
}
