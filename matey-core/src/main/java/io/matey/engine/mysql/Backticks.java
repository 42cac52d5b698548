package io.matey.engine.mysql;

import io.matey.engine.Identifiers;

/** MySQL identifier quoting: backticks, with an embedded backtick doubled. */
final class Backticks {

    private Backticks() {
    }

    static String quote(String identifier) {
        return Identifiers.quoted('`', identifier);
    }
}
