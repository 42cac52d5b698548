package io.matey.engine.bigquery;

import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.TableResult;
import io.matey.engine.MigrationTable;
import io.matey.error.MateyException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * dbmate's BigQuery {@code schema_migrations} (docs/architecture.md §3): one nullable {@code version STRING}
 * column, no key; a version is recorded by an INSERT and removed by a DELETE, so dbmate and Matey read each other's
 * table.
 */
final class BigQueryMigrationTable implements MigrationTable {

    /** The table as dbmate creates it (dbmate uses the tables API; this DDL gives the same table). */
    static final String CREATE = "CREATE TABLE IF NOT EXISTS " + NAME + " (version STRING)";
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z_.-]+");

    @Override
    public boolean exists(Connection connection) throws SQLException {
        return BigQueryConnection.hasTable(connection, NAME);
    }

    @Override
    public void ensure(Connection connection) throws SQLException {
        execute(connection, CREATE);
    }

    @Override
    public List<String> appliedVersions(Connection connection) throws SQLException {
        List<String> versions = new ArrayList<>();
        if (!exists(connection)) {
            return versions;
        }
        for (FieldValueList row : execute(connection, "SELECT version FROM " + NAME + " ORDER BY version").iterateAll()) {
            versions.add(row.get(0).getStringValue());
        }
        return versions;
    }

    @Override
    public void record(Connection connection, String version) throws SQLException {
        execute(connection, "INSERT INTO " + NAME + " (version) VALUES (" + literal(version) + ")");
    }

    @Override
    public void remove(Connection connection, String version) throws SQLException {
        execute(connection, "DELETE FROM " + NAME + " WHERE version = " + literal(version));
    }

    private static TableResult execute(Connection connection, String sql) throws SQLException {
        BigQueryDataset dataset = BigQueryConnection.dataset(connection);
        return ClientCalls.call(() -> dataset.execute(sql));
    }

    @Override
    public String dumpBlock(List<String> versions) {
        if (versions.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("-- Dbmate schema migrations\n").append(CREATE).append(";\n")
                .append("INSERT INTO ").append(NAME).append(" (version) VALUES\n");
        for (int i = 0; i < versions.size(); i++) {
            sb.append("  (").append(literal(versions.get(i))).append(')').append(i + 1 < versions.size() ? ",\n" : ";\n");
        }
        return sb.toString();
    }

    /** Versions come from file names; anything else is refused rather than quoted into SQL. */
    static String literal(String version) {
        if (!VERSION.matcher(version).matches()) {
            throw new MateyException("Migration version '" + version + "' has characters BigQuery's schema_migrations "
                    + "does not take; use digits (and letters, '_', '.', '-').");
        }
        return "'" + version + "'";
    }
}
