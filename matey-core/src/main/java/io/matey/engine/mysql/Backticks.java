package io.matey.engine.mysql;

import io.matey.engine.Identifiers;

/** MySQL identifier quoting: backticks, with an embedded backtick doubled. */
final class Backticks {

    private Backticks() {
    }

    static String quote(String identifier) {
        return Identifiers.quoted('`', identifier);
    }

    /** {@code `a``b`} → {@code a`b}. */
    static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("``", "`");
    }
}
