package io.matey.lint;

import java.util.Locale;

/** Identifier spelling: quotes removed for messages, case folded for comparing tables within a migration. */
final class Names {

    private Names() {
    }

    /** {@code "Users"}, {@code `users`} or {@code [users]} → the name inside the quotes. */
    static String unquote(String name) {
        if (name != null && name.length() >= 2) {
            char first = name.charAt(0);
            char last = name.charAt(name.length() - 1);
            if (first == '"' && last == '"' || first == '`' && last == '`' || first == '[' && last == ']') {
                return name.substring(1, name.length() - 1);
            }
        }
        return name;
    }

    /**
     * The key two spellings of one table share. Case is folded although a quoted PostgreSQL name is
     * case-sensitive: two tables differing only in case within one migration are rarer than mixed spellings.
     */
    static String key(String name) {
        return unquote(name).toLowerCase(Locale.ROOT);
    }
}
