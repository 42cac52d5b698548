package io.matey.migration;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lexical rules of an engine's SQL that matter when splitting text into statements. Each engine builds its
 * own in its package and returns it from {@code Engine.dialect()} (docs/architecture.md §3).
 *
 * @param features the lexical features beyond standard SQL's quotes and comments
 */
public record SqlDialect(Set<Feature> features) {

    /** A lexical feature a dialect may have on top of {@code '...'}, {@code "..."}, {@code --} and {@code /* * /}. */
    public enum Feature {
        /** {@code $tag$ ... $tag$} bodies (PostgreSQL). */
        DOLLAR_QUOTES,
        /** {@code `name`} quoted identifiers. */
        BACKTICK_QUOTES,
        /**
         * {@code \'} inside every ordinary string literal, and {@code \"} inside double quotes (MySQL's strings,
         * BigQuery's strings, ClickHouse's names).
         */
        BACKSLASH_ESCAPES,
        /** {@code E'...'} strings, the only literals where a backslash escapes (PostgreSQL). */
        ESCAPE_STRINGS,
        /** {@code /* /* * / * /} nests. */
        NESTED_BLOCK_COMMENTS,
        /** {@code #} starts a line comment. */
        HASH_COMMENTS,
        /**
         * {@code /*!50001 ... * /} and {@code /*M!100100 ... * /} hold code the server runs when its version is at
         * least the number (MySQL, MariaDB): their text is scanned as SQL, and the statement is sent as written.
         */
        EXECUTABLE_COMMENTS,
        /** {@code [name]} quoted identifiers (SQLite). */
        BRACKET_QUOTES,
        /**
         * A {@code ;} inside parentheses belongs to the statement, as psql reads it (PostgreSQL: a rule's action list
         * {@code CREATE RULE ... DO (action; action)}).
         */
        SEMICOLONS_IN_PARENTHESES
    }

    public SqlDialect {
        features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    }

    public static SqlDialect of(Feature... features) {
        return new SqlDialect(Set.of(features));
    }

    public boolean has(Feature feature) {
        return features.contains(feature);
    }
}
