package io.matey.engine.bigquery;

import io.matey.engine.Engine;
import io.matey.engine.MateyUrl;
import io.matey.engine.MigrationTable;
import io.matey.engine.ProgressTable;
import io.matey.engine.WriteGuard;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.lint.LintDialect;
import io.matey.migration.SqlDialect;
import io.matey.migration.SqlDialect.Feature;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * BigQuery ({@code bigquery}) and the BigQuery emulator ({@code bigquery-emulator}) through the official client
 * (docs/architecture.md §3). BigQuery has no JDBC driver in this build: a session is a {@link BigQueryDataset},
 * handed to the engine-neutral core as the minimal {@link Connection} of {@link BigQueryConnection}, and this engine's
 * own parts take it back with {@code unwrap}. A database is a dataset; there are no transactions, so every statement
 * of a section takes effect on its own and the runner tracks its progress. The registered engines are
 * {@link BigQueryServiceEngine} and {@link BigQueryEmulatorEngine}.
 */
public class BigQueryEngine implements Engine {

    /** GoogleSQL: backticked names, {@code #} comments, backslash escapes in every string literal. */
    private static final SqlDialect DIALECT = SqlDialect.of(Feature.BACKTICK_QUOTES, Feature.HASH_COMMENTS,
            Feature.BACKSLASH_ESCAPES);
    private static final WriteGuard GUARD = new BigQueryWriteGuard();
    private static final MigrationTable MIGRATIONS = new BigQueryMigrationTable();
    private static final ProgressTable PROGRESS = new BigQueryProgressTable();

    private final boolean emulator;
    private final BigQueryClients clients;

    /** @param clients where sessions' clients come from; null in the registered engines, which override {@link #clients()} */
    public BigQueryEngine(boolean emulator, BigQueryClients clients) {
        this.emulator = emulator;
        this.clients = clients;
    }

    /**
     * Where sessions' clients come from, asked on use: the registered engines must load where the optional client is
     * not on the class path, so they name no client type before a BigQuery URL is used.
     */
    protected BigQueryClients clients() {
        return clients;
    }

    @Override
    public String id() {
        return emulator ? BigQueryUrl.EMULATOR_SCHEME : BigQueryUrl.REAL_SCHEME;
    }

    /** Python matey's spelling of the emulator's name in configs. */
    @Override
    public List<String> aliases() {
        return emulator ? List.of("bigquery_emulator") : List.of();
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

    @Override
    public String quote(String identifier) {
        return quoted(identifier);
    }

    /** A GoogleSQL quoted identifier: backticks, with backslash escapes inside. */
    static String quoted(String identifier) {
        return "`" + identifier.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /** BigQuery has no transactions across DDL: a failed section leaves its earlier statements applied. */
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
        return emulator ? EmulatorLintDialect.INSTANCE : LintDialect.PLAIN;
    }

    /** A session with the dataset the URL names; fails clearly when it does not exist. */
    @Override
    public Connection connect(MateyUrl url) throws SQLException {
        return connectIfExists(url).orElseThrow(() -> new SQLException("BigQuery dataset " + url
                + " does not exist; `matey db up` creates it, or check the URL."));
    }

    @Override
    public Optional<Connection> connectIfExists(MateyUrl url) throws SQLException {
        BigQueryDataset dataset = session(url);
        return ClientCalls.call(dataset::exists) ? Optional.of(BigQueryConnection.open(dataset)) : Optional.empty();
    }

    @Override
    public boolean databaseExists(MateyUrl url) throws SQLException {
        return ClientCalls.call(session(url)::exists);
    }

    @Override
    public void createDatabase(MateyUrl url) throws SQLException {
        createDatabaseIfMissing(url);
    }

    @Override
    public boolean createDatabaseIfMissing(MateyUrl url) throws SQLException {
        return ClientCalls.call(session(url)::create);
    }

    @Override
    public void dropDatabase(MateyUrl url) throws SQLException {
        ClientCalls.run(session(url)::drop);
    }

    /** The datasets of the base URL's project whose names start with {@code prefix}, sorted: leftover scratch datasets. */
    @Override
    public List<String> databasesNamed(MateyUrl base, String prefix) throws SQLException {
        requireClient();
        BigQueryUrl url = BigQueryUrl.base(base);
        return ClientCalls.call(() -> BigQueryDataset.namesIn(clients().client(url), url.project(), prefix));
    }

    /** Dataset {@code name} in the base URL's project and location (Python matey's scratch rule). */
    @Override
    public MateyUrl siblingUrl(MateyUrl base, String name) {
        return BigQueryUrl.base(base).withDataset(name).toMateyUrl();
    }

    @Override
    public WriteGuard writeGuard() {
        return GUARD;
    }

    @Override
    public MigrationTable migrationTable() {
        return MIGRATIONS;
    }

    /** Holds the migration lock of the dataset until closed (a best effort: see {@link BigQueryMigrationLock}). */
    @Override
    public MigrationLock lockMigrations(Connection connection, Duration timeout, LockWaiting waiting) throws SQLException {
        BigQueryDataset dataset = BigQueryConnection.dataset(connection);
        return BigQueryMigrationLock.acquire(dataset, timeout, waiting);
    }

    /** The canonical schema of the dataset, without the migrations block (docs/architecture.md §5). */
    @Override
    public String dumpSchema(Connection connection) throws SQLException {
        BigQueryDataset dataset = BigQueryConnection.dataset(connection);
        return ClientCalls.call(() -> emulator ? new EmulatorDump(dataset).dump() : new InformationSchemaDump(dataset).dump());
    }

    /** The optional client is checked by name, so that no client class is linked before it is known to be there. */
    private void requireClient() {
        try {
            Class.forName("com.google.cloud.bigquery.BigQuery", false, BigQueryEngine.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new MateyException(Reason.UNSUPPORTED, "The " + id() + " engine needs Google's BigQuery client: add "
                    + "com.google.cloud:google-cloud-bigquery to the application (the matey app bundles it).");
        }
    }

    private BigQueryDataset session(MateyUrl url) {
        requireClient();
        BigQueryUrl parsed = BigQueryUrl.of(url);
        if (parsed.emulator() != emulator) {
            throw new MateyException("The " + id() + " engine does not serve " + url + ".");
        }
        return new BigQueryDataset(clients().client(parsed), parsed);
    }
}
