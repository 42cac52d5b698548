package io.matey.engine.mysql;

import io.matey.engine.Engine;
import java.util.Optional;

/**
 * The labels of MySQL/MariaDB's dump formats (docs/architecture.md §4, §5): every table states its character set
 * since v2 and every function's string result since v3, so text of an earlier format differs for every such table
 * or function and is regenerated rather than compared.
 */
final class MysqlCanonicalizers {

    static final String CURRENT = "matey-catalog-v3";
    /** The format while every table stated its character set but a function's string result did not. */
    private static final String TABLES = "matey-catalog-v2";

    private MysqlCanonicalizers() {
    }

    /** How dumps under an earlier label differ from {@link #CURRENT}'s, as words following the label. */
    static Optional<String> earlier(String label) {
        String left = label.equals(Engine.FIRST_CANONICALIZER) ? "a table's" : label.equals(TABLES) ? "a function's string result's" : null;
        return left == null ? Optional.empty() : Optional.of("whose MySQL/MariaDB dumps leave out " + left
                + " character set where it is the database's default, not '" + CURRENT + "', which states it");
    }
}
