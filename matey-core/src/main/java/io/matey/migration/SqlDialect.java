package io.matey.migration;

/** Lexical rules of an engine's SQL that matter when splitting text into statements. */
public enum SqlDialect {
    SQLITE(false, true, false, false),
    POSTGRES(true, false, false, true),
    MYSQL(false, true, true, false),
    CLICKHOUSE(false, true, true, false),
    BIGQUERY(false, true, true, false);

    private final boolean dollarQuotes;
    private final boolean backtickQuotes;
    private final boolean backslashEscapes;
    private final boolean nestedBlockComments;

    SqlDialect(boolean dollarQuotes, boolean backtickQuotes, boolean backslashEscapes, boolean nestedBlockComments) {
        this.dollarQuotes = dollarQuotes;
        this.backtickQuotes = backtickQuotes;
        this.backslashEscapes = backslashEscapes;
        this.nestedBlockComments = nestedBlockComments;
    }

    /** PostgreSQL {@code $tag$ ... $tag$} bodies. */
    public boolean dollarQuotes() {
        return dollarQuotes;
    }

    public boolean backtickQuotes() {
        return backtickQuotes;
    }

    /** MySQL-style {@code \'} inside ordinary string literals (PostgreSQL only in {@code E'...'}). */
    public boolean backslashEscapes() {
        return backslashEscapes;
    }

    public boolean nestedBlockComments() {
        return nestedBlockComments;
    }

    /** {@code #} starts a line comment (MySQL, ClickHouse, BigQuery). */
    public boolean hashComments() {
        return this == MYSQL || this == CLICKHOUSE || this == BIGQUERY;
    }
}
