package io.matey.data;

/**
 * A column of a live table. A table's columns are read once per command and compared by identity, which keeps
 * the per-row lookups of large files cheap.
 */
final class Column {

    private final String name;
    private final ColumnType type;
    private final boolean generated;

    /** @param generated computed by the database: never exported, never written */
    Column(String name, ColumnType type, boolean generated) {
        this.name = name;
        this.type = type;
        this.generated = generated;
    }

    String name() {
        return name;
    }

    ColumnType type() {
        return type;
    }

    boolean generated() {
        return generated;
    }
}
