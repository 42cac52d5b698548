package io.matey.engine.bigquery;

import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.TableId;
import io.matey.engine.MigrationTable;
import io.matey.error.MateyException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * dbmate's BigQuery {@code schema_migrations} (docs/architecture.md §3): one nullable {@code version STRING}
 * column, no key; a version is recorded by an INSERT and removed by a DELETE, so dbmate and Matey read each other's
 * table.
 */
public final class BigQueryMigrationTable {

    /** The table as dbmate creates it (dbmate uses the tables API; this DDL gives the same table). */
    static final String CREATE = "CREATE TABLE IF NOT EXISTS " + MigrationTable.NAME + " (version STRING)";
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z_.-]+");

    public boolean exists(BigQueryDataset dataset) {
        return dataset.client().getTable(TableId.of(dataset.url().project(), dataset.url().dataset(),
                MigrationTable.NAME)) != null;
    }

    public void ensure(BigQueryDataset dataset) {
        dataset.execute(CREATE);
    }

    /** Applied versions in ascending order; empty when the table does not exist. */
    public List<String> appliedVersions(BigQueryDataset dataset) {
        List<String> versions = new ArrayList<>();
        if (!exists(dataset)) {
            return versions;
        }
        for (FieldValueList row : dataset.execute("SELECT version FROM " + MigrationTable.NAME + " ORDER BY version")
                .iterateAll()) {
            versions.add(row.get(0).getStringValue());
        }
        return versions;
    }

    public void record(BigQueryDataset dataset, String version) {
        dataset.execute("INSERT INTO " + MigrationTable.NAME + " (version) VALUES (" + literal(version) + ")");
    }

    public void remove(BigQueryDataset dataset, String version) {
        dataset.execute("DELETE FROM " + MigrationTable.NAME + " WHERE version = " + literal(version));
    }

    /** The block that ends every dump: the table's DDL and an insert of the versions; empty without versions. */
    public String dumpBlock(List<String> versions) {
        if (versions.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("-- Dbmate schema migrations\n").append(CREATE).append(";\n")
                .append("INSERT INTO ").append(MigrationTable.NAME).append(" (version) VALUES\n");
        for (int i = 0; i < versions.size(); i++) {
            sb.append("  (").append(literal(versions.get(i))).append(')').append(i + 1 < versions.size() ? ",\n" : ";\n");
        }
        return sb.toString();
    }

    /** Versions come from file names; anything else is refused rather than quoted into SQL. */
    private static String literal(String version) {
        if (!VERSION.matcher(version).matches()) {
            throw new MateyException("Migration version '" + version + "' has characters BigQuery's schema_migrations "
                    + "does not take; use digits (and letters, '_', '.', '-').");
        }
        return "'" + version + "'";
    }
}
