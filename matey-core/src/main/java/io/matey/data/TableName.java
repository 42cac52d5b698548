package io.matey.data;

/**
 * The table a data file's manifest entry names: {@code flags}, or {@code app.flags} with the schema written before
 * the dot. Each part is a plain identifier, quoted wherever it goes into SQL.
 *
 * @param schema the schema the manifest names; null when it names none (the database resolves the name)
 */
public record TableName(String schema, String name) {

    /** The table as SQL names it: each part quoted. */
    public String quoted(DataDialect dialect) {
        return schema == null ? dialect.quote(name) : dialect.quote(schema) + "." + dialect.quote(name);
    }

    /** As the manifest writes it. */
    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
