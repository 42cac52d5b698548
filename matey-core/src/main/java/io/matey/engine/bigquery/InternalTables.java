package io.matey.engine.bigquery;

import io.matey.engine.MigrationProgress;
import io.matey.engine.MigrationTable;
import java.util.Set;

/** Matey's and dbmate's own tables in a dataset, which dumps leave out (the migrations block is added separately). */
final class InternalTables {

    private static final Set<String> NAMES = Set.of(MigrationTable.NAME, MigrationProgress.TABLE,
            BigQueryMigrationLock.TABLE);

    private InternalTables() {
    }

    static boolean contains(String table) {
        return NAMES.contains(table);
    }
}
