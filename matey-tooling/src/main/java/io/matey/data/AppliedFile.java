package io.matey.data;

/**
 * What {@code data apply} did to one table.
 *
 * @param rows     the rows of the file
 * @param inserted rows inserted
 * @param updated  rows whose values changed (unchanged rows are not written)
 * @param deleted  rows deleted by replace
 * @param expired  rows written that the table did not keep: a ClickHouse table's TTL drops rows already expired
 *                 as they are inserted ({@link DataDialect#dropsExpiredRows})
 */
public record AppliedFile(String file, String table, DataMode mode, int rows, int inserted, int updated, int deleted,
        int expired) {

    /** A table that kept every row written. */
    public AppliedFile(String file, String table, DataMode mode, int rows, int inserted, int updated, int deleted) {
        this(file, table, mode, rows, inserted, updated, deleted, 0);
    }
}
