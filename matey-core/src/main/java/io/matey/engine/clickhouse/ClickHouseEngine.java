package io.matey.engine.clickhouse;

import io.matey.ci.CiService;
import io.matey.engine.Engine;
import io.matey.engine.MateyUrl;
import io.matey.engine.ProgressTable;
import io.matey.engine.MigrationTable;
import io.matey.engine.WriteGuard;
import io.matey.lint.LintDialect;
import io.matey.migration.SqlDialect;
import io.matey.migration.SqlStatement;
import io.matey.schema.DraftDialect;
import io.matey.migration.SqlDialect.Feature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ClickHouse through the official {@code clickhouse-jdbc} driver over HTTP (docs/architecture.md §3). URLs are
 * dbmate's, {@code clickhouse://user:pass@host:9000/db}; {@link ClickHouseConnector} maps native ports to HTTP
 * ones. ClickHouse has no transactions: every statement takes effect when it runs, so a failed section leaves its
 * earlier statements applied and the runner names them. Sections are split into statements (dbmate sends a section
 * as one query, which ClickHouse accepts only when it holds one statement), so a dbmate file runs unchanged.
 */
public final class ClickHouseEngine implements Engine {

    private static final WriteGuard GUARD = new ClickHouseWriteGuard();
    private static final MigrationTable MIGRATIONS = new ClickHouseMigrationTable();

    private static final ProgressTable PROGRESS = new ClickHouseProgressTable();

    /** Backtick and double-quoted identifiers, backslash escapes in string literals, {@code #} comments. */
    private static final SqlDialect DIALECT = SqlDialect.of(Feature.BACKTICK_QUOTES, Feature.BACKSLASH_ESCAPES,
            Feature.HASH_COMMENTS);

    /** The official server image, on its HTTP port, which the engine talks to directly. */
    private static final CiService CI = new CiService("clickhouse", "clickhouse/clickhouse-server:25.8",
            Map.of("CLICKHOUSE_PASSWORD", "matey"), ClickHouseConnector.HTTP_PORT,
            "clickhouse-client --password matey --query 'SELECT 1'", "clickhouse://default:matey@%s:8123/default");

    @Override
    public String id() {
        return "clickhouse";
    }

    /** {@code jdbc:ch:} is the driver's short sub-protocol. */
    @Override
    public List<String> aliases() {
        return List.of("ch");
    }

    /** Kept as the JDBC URL has them. */
    @Override
    public String pastedParameter(String key, String pair) {
        return pair;
    }

    @Override
    public SqlDialect dialect() {
        return DIALECT;
    }

    /** Tables that store rows: the MergeTree and Log families and Memory, not views, dictionaries or table functions. */
    @Override
    public Optional<String> baseTablesQuery() {
        return Optional.of("SELECT '', name FROM system.tables WHERE database = currentDatabase() AND NOT is_temporary "
                + "AND (engine LIKE '%MergeTree' OR engine IN ('Log', 'TinyLog', 'StripeLog', 'Memory'))");
    }

    @Override
    public String quote(String identifier) {
        return ClickHouseConnector.quote(identifier);
    }

    @Override
    public String failureMessage(SQLException failure) {
        return ClickHouseMessages.of(failure);
    }

    @Override
    public String failureHint(SqlStatement statement, SQLException failure) {
        return ClickHouseMessages.mutationHint(failure.getMessage());
    }

    @Override
    public String inEffectDespite(SQLException failure) {
        return ClickHouseMessages.inEffectDespite(failure.getMessage());
    }

    /** The database's mutations that are not done and failed their last try: the server retries them for ever. */
    @Override
    public List<String> failingMutations(Connection connection) throws SQLException {
        List<String> failing = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rows = st.executeQuery("SELECT table, mutation_id,"
                + " command, latest_fail_reason FROM system.mutations WHERE database = currentDatabase() AND NOT is_done"
                + " AND latest_fail_reason != '' ORDER BY table, mutation_id")) {
            while (rows.next()) {
                String reason = ClickHouseMessages.clean(rows.getString(4));
                failing.add("mutation " + rows.getString(2) + " of table " + rows.getString(1) + ", " + rows.getString(3)
                        + ", fails: " + (reason.length() > 200 ? reason.substring(0, 200) + "..." : reason)
                        + " (cancel it: `KILL MUTATION WHERE database = currentDatabase() AND mutation_id = '"
                        + rows.getString(2) + "'`)");
            }
        }
        return failing;
    }

    @Override
    public boolean unanswered(SQLException failure) {
        return ClickHouseMessages.timedOut(failure);
    }

    /** A read timeout names the database and the timeout in effect, which the driver's words do not. */
    @Override
    public String maskedFailure(Connection connection, SQLException failure) {
        return ClickHouseQueryTags.connectorOf(connection).filter(connector -> unanswered(failure))
                .map(ClickHouseConnector::timeoutSentence).orElseGet(() -> maskedFailure(failure));
    }

    /** {@code KILL QUERY} on the connection's own tag, from a side connection ({@link ClickHouseQueryTags}). */
    @Override
    public void cancelRunning(Connection connection) throws SQLException {
        ClickHouseQueryTags.cancel(connection);
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public boolean checksDumpLoads() {
        return true;
    }

    @Override
    public boolean transactions() {
        return false;
    }

    @Override
    public ProgressTable progressTable() {
        return PROGRESS;
    }

    @Override
    public LintDialect lint() {
        return new ClickHouseLintDialect();
    }

    @Override
    public DraftDialect draft(Connection connection) {
        return new ClickHouseDraftDialect();
    }

    @Override
    public Optional<CiService> ciService() {
        return Optional.of(CI);
    }

    @Override
    public Connection connect(MateyUrl url) throws SQLException {
        ClickHouseConnector connector = new ClickHouseConnector(url);
        String database = connector.database();
        try {
            return connector.open(database);
        } catch (SQLException e) {
            if (e.getErrorCode() == ClickHouseConnector.UNKNOWN_DATABASE) {
                throw new SQLException("Unknown database '" + database + "' on " + url, e.getSQLState(), e.getErrorCode(), e);
            }
            throw e;
        }
    }

    @Override
    public Optional<Connection> connectIfExists(MateyUrl url) throws SQLException {
        ClickHouseConnector connector = new ClickHouseConnector(url);
        try {
            return Optional.of(connector.open(connector.database()));
        } catch (SQLException e) {
            if (e.getErrorCode() == ClickHouseConnector.UNKNOWN_DATABASE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public boolean databaseExists(MateyUrl url) throws SQLException {
        ClickHouseConnector connector = new ClickHouseConnector(url);
        try (Connection c = connector.open(ClickHouseConnector.DEFAULT_DATABASE);
                PreparedStatement ps = c.prepareStatement("SELECT count() FROM system.databases WHERE name = ?")) {
            ps.setString(1, connector.database());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    @Override
    public void createDatabase(MateyUrl url) throws SQLException {
        onServer(url, "CREATE DATABASE IF NOT EXISTS ");
    }

    /**
     * Without {@code IF NOT EXISTS}: of two concurrent creations the server refuses the second (DATABASE_ALREADY_EXISTS),
     * which did not create it, where {@code IF NOT EXISTS} would let both succeed alike.
     */
    @Override
    public boolean createDatabaseIfMissing(MateyUrl url) throws SQLException {
        try {
            onServer(url, "CREATE DATABASE ");
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == ClickHouseConnector.DATABASE_ALREADY_EXISTS) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void dropDatabase(MateyUrl url) throws SQLException {
        onServer(url, "DROP DATABASE IF EXISTS ");
    }

    private static void onServer(MateyUrl url, String statementBeforeName) throws SQLException {
        ClickHouseConnector connector = new ClickHouseConnector(url);
        try (Connection c = connector.open(ClickHouseConnector.DEFAULT_DATABASE); Statement st = c.createStatement()) {
            st.execute(statementBeforeName + ClickHouseConnector.quote(connector.database()));
        }
    }

    @Override
    public List<String> databasesNamed(MateyUrl base, String prefix) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = new ClickHouseConnector(base).open(ClickHouseConnector.DEFAULT_DATABASE);
                PreparedStatement ps = c.prepareStatement(
                        "SELECT name FROM system.databases WHERE startsWith(name, ?) ORDER BY name")) {
            ps.setString(1, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** The path names the database, and wins over dbmate's {@code database} parameter. */
    @Override
    public MateyUrl siblingUrl(MateyUrl base, String name) {
        return base.withPath(name);
    }

    @Override
    public WriteGuard writeGuard() {
        return GUARD;
    }

    @Override
    public MigrationTable migrationTable() {
        return MIGRATIONS;
    }

    @Override
    public String dumpSchema(Connection connection) throws SQLException {
        return new ClickHouseSchemaDumper(connection).dump();
    }

    @Override
    public MigrationLock lockMigrations(Connection connection, Duration timeout, LockWaiting waiting) throws SQLException {
        return ClickHouseMigrationLock.acquire(connection, timeout, waiting);
    }
}
