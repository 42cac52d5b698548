package io.matey.data;

/**
 * A column of a live table.
 *
 * @param generated computed by the database: never exported, never written
 */
record Column(String name, ColumnType type, boolean generated) {
}
