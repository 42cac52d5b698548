package io.matey.engine.clickhouse;

import io.matey.engine.MigrationProgress;
import io.matey.engine.MigrationTable;
import java.util.Set;

/**
 * Which rows of {@code system.tables} are the schema's own objects, for the dump and for codegen alike
 * (docs/architecture.md §5). A materialized view's inner table ({@code .inner_id.<uuid>}, {@code .inner.<name>}) is
 * no object of its own: the view's CREATE makes it again, under a fresh name at every replay. Neither is the table a
 * refreshable view fills while it refreshes ({@code .tmp.inner_id.*}), nor Matey's and dbmate's bookkeeping tables.
 */
final class ClickHouseSchemaObjects {

    /** The {@code system.tables} condition for objects of the connected database, bookkeeping tables still in. */
    static final String CONDITION = "database = currentDatabase() AND NOT is_temporary "
            + "AND NOT startsWith(name, '.inner') AND NOT startsWith(name, '.tmp.inner')";

    private static final Set<String> BOOKKEEPING = Set.of(MigrationTable.NAME, MigrationProgress.TABLE,
            ClickHouseMigrationLock.TABLE);

    private ClickHouseSchemaObjects() {
    }

    static boolean bookkeeping(String name) {
        return BOOKKEEPING.contains(name);
    }
}
