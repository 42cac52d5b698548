package io.matey.engine.bigquery;

import com.google.cloud.bigquery.FieldValueList;
import io.matey.engine.MigrationProgress;
import io.matey.engine.ProgressTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The interruption marker of a section (docs/architecture.md §7) in GoogleSQL: the standard one asks JDBC metadata
 * whether the table exists and binds parameters, which the BigQuery session does not offer, so this one asks the
 * tables API and writes versions as the checked literals of {@link BigQueryMigrationTable}. Each statement takes
 * effect on its own, as every statement on BigQuery does.
 */
final class BigQueryProgressTable implements ProgressTable {

    private static final String TABLE = MigrationProgress.TABLE;

    @Override
    public Optional<MigrationProgress.Marker> read(Connection connection) throws SQLException {
        BigQueryDataset dataset = BigQueryConnection.dataset(connection);
        return ClientCalls.call(() -> dataset.hasTable(TABLE) ? marker(dataset) : Optional.empty());
    }

    @Override
    public Optional<MigrationProgress.Marker> readExisting(Connection connection) throws SQLException {
        BigQueryDataset dataset = BigQueryConnection.dataset(connection);
        return ClientCalls.call(() -> marker(dataset));
    }

    private static Optional<MigrationProgress.Marker> marker(BigQueryDataset dataset) {
        for (FieldValueList row : dataset.execute("SELECT version, direction, done, total FROM " + TABLE
                + " ORDER BY version LIMIT 1").iterateAll()) {
            return Optional.of(new MigrationProgress.Marker(row.get(0).getStringValue(), row.get(1).getStringValue(),
                    (int) row.get(2).getLongValue(), (int) row.get(3).getLongValue()));
        }
        return Optional.empty();
    }

    @Override
    public void begin(Connection connection, String version, String direction, int done, int total) throws SQLException {
        BigQueryDataset dataset = BigQueryConnection.dataset(connection);
        String literal = BigQueryMigrationTable.literal(version);
        ClientCalls.call(() -> {
            dataset.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                    + " (version STRING, direction STRING, done INT64, total INT64)");
            dataset.execute("DELETE FROM " + TABLE + " WHERE version = " + literal);
            return dataset.execute("INSERT INTO " + TABLE + " (version, direction, done, total) VALUES (" + literal
                    + ", " + BigQueryMigrationTable.literal(direction) + ", " + done + ", " + total + ")");
        });
    }

    @Override
    public void advance(Connection connection, String version, int done) throws SQLException {
        BigQueryDataset dataset = BigQueryConnection.dataset(connection);
        String sql = "UPDATE " + TABLE + " SET done = " + done + " WHERE version = " + BigQueryMigrationTable.literal(version);
        ClientCalls.call(() -> dataset.execute(sql));
    }

    @Override
    public boolean exists(Connection connection) throws SQLException {
        return BigQueryConnection.hasTable(connection, TABLE);
    }

    @Override
    public void dropIfEmpty(Connection connection) throws SQLException {
        if (exists(connection) && readExisting(connection).isEmpty()) {
            BigQueryDataset dataset = BigQueryConnection.dataset(connection);
            ClientCalls.call(() -> dataset.execute("DROP TABLE IF EXISTS " + TABLE));
        }
    }

    @Override
    public void finish(Connection connection, String version) throws SQLException {
        BigQueryDataset dataset = BigQueryConnection.dataset(connection);
        String sql = "DELETE FROM " + TABLE + " WHERE version = " + BigQueryMigrationTable.literal(version);
        ClientCalls.call(() -> dataset.execute(sql));
    }
}
