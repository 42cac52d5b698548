package io.matey.codegen.model;

/**
 * A column of a table or view.
 *
 * @param serverDefault the default as SQL text, or null
 * @param sequence      the sequence the column's default draws from, which the models create with the table
 *                      (PostgreSQL's {@code nextval(...)} default is then null; MariaDB's stays, as the sequence
 *                      on a column gives no {@code DEFAULT} in its DDL), or null
 * @param autoincrement true for a serial or rowid-style key whose values the database assigns without an
 *                      explicit default (the generators then render no default)
 * @param identity      the identity specification, or null
 * @param generated     the generation expression, or null
 * @param comment       the column comment, or null
 */
public record Column(String name, ColumnType type, boolean nullable, String serverDefault, Sequence sequence,
        boolean autoincrement, Identity identity, Generated generated, String comment) {

    /** {@code GENERATED ALWAYS|BY DEFAULT AS IDENTITY}. */
    public record Identity(boolean always, long start, long increment) {
    }

    /**
     * A sequence; each option is null where the reader does not know it or it is what the engine gives a
     * sequence created with only the options that are not null.
     *
     * @param schema the sequence's schema where it is not the table's default one, else null
     */
    public record Sequence(String schema, String name, Long start, Long increment, Long minValue, Long maxValue,
            Long cache, boolean cycle) {

        /** A sequence whose options are not known. */
        public static Sequence named(String schema, String name) {
            return new Sequence(schema, name, null, null, null, null, null, false);
        }
    }

    /** A generated (computed) column. */
    public record Generated(String expression, boolean stored) {
    }
}
