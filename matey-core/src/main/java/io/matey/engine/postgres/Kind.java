package io.matey.engine.postgres;

/**
 * Object kinds in dump order. Dependencies override it (a function used by a column default comes before its
 * table), otherwise objects go by kind, then name. Functions come after tables and views because SQL function
 * bodies are checked when created, yet the catalog records no dependency for what a string body references.
 * Default privileges come last, so that they give nothing to the objects the dump creates ({@link PrivilegeReader}).
 */
enum Kind {
    SCHEMA, EXTENSION, ACCESS_METHOD, COLLATION, CONVERSION, TEXT_SEARCH, TYPE, SEQUENCE, FOREIGN_SERVER, TABLE, VIEW,
    FUNCTION, LANGUAGE, TRANSFORM, AGGREGATE, OPERATOR, OPERATOR_CLASS, CAST, FOREIGN_KEY, INDEX, STATISTICS, RULE,
    TRIGGER, EVENT_TRIGGER, POLICY, PUBLICATION, DEFAULT_PRIVILEGES;

    /**
     * The sort key of an object of this kind: its rank in two digits, then its name. Built by hand: a Formatter
     * per object costs a cold start-up's dump more than the rest of the key (docs/architecture.md §8).
     */
    String key(String name) {
        return (ordinal() < 10 ? "0" : "") + ordinal() + " " + name;
    }
}
