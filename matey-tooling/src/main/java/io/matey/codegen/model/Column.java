package io.matey.codegen.model;

/**
 * A column of a table or view.
 *
 * @param serverDefault the default as SQL text, or null
 * @param sequence      the sequence a PostgreSQL {@code nextval(...)} default draws from (the default itself is
 *                      then null), or null
 * @param autoincrement true for a serial or rowid-style key whose values the database assigns without an
 *                      explicit default (the generators then render no default)
 * @param identity      the identity specification, or null
 * @param generated     the generation expression, or null
 * @param comment       the column comment, or null
 */
public record Column(String name, ColumnType type, boolean nullable, String serverDefault, String sequence,
        boolean autoincrement, Identity identity, Generated generated, String comment) {

    /** {@code GENERATED ALWAYS|BY DEFAULT AS IDENTITY}. */
    public record Identity(boolean always, long start, long increment) {
    }

    /** A generated (computed) column. */
    public record Generated(String expression, boolean stored) {
    }
}
