package io.matey.engine.mysql;

/** MySQL identifier quoting: backticks, with an embedded backtick doubled. */
final class Backticks {

    private Backticks() {
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
