package io.matey.lint;

/**
 * How an engine reads a column type written without its size, which L421 and L417 need to compare a column's
 * earlier type with the one a migration gives it.
 *
 * @param timePrecision the fractional-second digits of a time type written without them (MySQL 0, PostgreSQL 6)
 * @param bounded       {@code DECIMAL} without precision is {@code DECIMAL(10, 0)} and {@code TEXT} and {@code BLOB}
 *                      hold 64 KiB beside their tiny, medium and long siblings (MySQL); else {@code numeric} and
 *                      {@code text} are unbounded (PostgreSQL)
 * @param charsets      a text column has a character set of its own, its table's default unless written
 */
public record ColumnTypeFacts(int timePrecision, boolean bounded, boolean charsets) {
}
