package io.matey.data;

/**
 * What {@code data apply} did to one table.
 *
 * @param rows     the rows of the file
 * @param inserted rows inserted
 * @param updated  rows whose values changed (unchanged rows are not written)
 * @param deleted  rows deleted by replace
 */
public record AppliedFile(String file, String table, DataMode mode, int rows, int inserted, int updated, int deleted) {
}
