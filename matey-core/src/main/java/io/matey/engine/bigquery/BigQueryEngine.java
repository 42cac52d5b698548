package io.matey.engine.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.Dataset;
import io.matey.engine.MateyUrl;
import io.matey.engine.MigrationLockTimeoutException;
import io.matey.engine.WriteGuard;
import io.matey.error.MateyException;
import io.matey.lint.LintDialect;
import io.matey.migration.SqlDialect;
import io.matey.migration.SqlDialect.Feature;
import io.matey.migration.SqlStatement;
import io.matey.migration.StatementSplitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * BigQuery ({@code bigquery}) and the BigQuery emulator ({@code bigquery-emulator}) through the official client
 * (docs/architecture.md §3). It offers what the engine SPI asks of an engine, over a {@link BigQueryDataset} session
 * instead of a JDBC connection: BigQuery has no JDBC driver in this build, and {@code io.matey.engine.Engine} still
 * takes {@code java.sql.Connection}, so this class is not yet registered as an {@code Engine} (the gap is described
 * in docs/architecture.md §3). A database is a dataset; there are no transactions, so every statement of a section
 * takes effect on its own.
 */
public final class BigQueryEngine {

    /** GoogleSQL: backticked names, {@code #} comments, backslash escapes in every string literal. */
    private static final SqlDialect DIALECT = SqlDialect.of(Feature.BACKTICK_QUOTES, Feature.HASH_COMMENTS,
            Feature.BACKSLASH_ESCAPES);
    private static final WriteGuard GUARD = new BigQueryWriteGuard();
    private static final BigQueryMigrationTable MIGRATIONS = new BigQueryMigrationTable();

    private final boolean emulator;
    private final BigQueryClients clients;

    public BigQueryEngine(boolean emulator, BigQueryClients clients) {
        this.emulator = emulator;
        this.clients = clients;
    }

    public String id() {
        return emulator ? BigQueryUrl.EMULATOR_SCHEME : BigQueryUrl.REAL_SCHEME;
    }

    /** Python matey's spelling of the emulator's name in configs. */
    public List<String> aliases() {
        return emulator ? List.of("bigquery_emulator") : List.of();
    }

    public boolean acceptsScheme(String scheme) {
        return scheme.equals(id());
    }

    public SqlDialect dialect() {
        return DIALECT;
    }

    /** A GoogleSQL quoted identifier: backticks, with backslash escapes inside. */
    public String quote(String identifier) {
        return "`" + identifier.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    /** BigQuery has no transactions across DDL: a failed section leaves its earlier statements applied. */
    public boolean transactions() {
        return false;
    }

    public LintDialect lint() {
        return emulator ? EmulatorLintDialect.INSTANCE : LintDialect.PLAIN;
    }

    /** A session with the dataset the URL names; fails clearly when it does not exist. */
    public BigQueryDataset connect(MateyUrl url) {
        return connectIfExists(url).orElseThrow(() -> new MateyException("BigQuery dataset " + url
                + " does not exist; create it first (e.g. matey db create) or check the URL."));
    }

    public Optional<BigQueryDataset> connectIfExists(MateyUrl url) {
        BigQueryDataset dataset = session(url);
        return dataset.exists() ? Optional.of(dataset) : Optional.empty();
    }

    public boolean databaseExists(MateyUrl url) {
        return session(url).exists();
    }

    public void createDatabase(MateyUrl url) {
        session(url).create();
    }

    public void dropDatabase(MateyUrl url) {
        session(url).drop();
    }

    /** The datasets of the base URL's project whose names start with {@code prefix}, sorted: leftover scratch datasets. */
    public List<String> databasesNamed(MateyUrl base, String prefix) {
        BigQueryUrl url = BigQueryUrl.base(base);
        BigQuery client = clients.client(url);
        List<String> names = new ArrayList<>();
        for (Dataset dataset : client.listDatasets(url.project()).iterateAll()) {
            String name = dataset.getDatasetId().getDataset();
            if (name.startsWith(prefix)) {
                names.add(name);
            }
        }
        names.sort(null);
        return names;
    }

    /** Dataset {@code name} in the base URL's project and location (Python matey's scratch rule). */
    public MateyUrl siblingUrl(MateyUrl base, String name) {
        return BigQueryUrl.base(base).withDataset(name).toMateyUrl();
    }

    public WriteGuard writeGuard() {
        return GUARD;
    }

    public BigQueryMigrationTable migrationTable() {
        return MIGRATIONS;
    }

    /** Holds the migration lock of the dataset until closed (a best effort: see {@link BigQueryMigrationLock}). */
    public BigQueryMigrationLock lockMigrations(BigQueryDataset dataset, Duration timeout)
            throws MigrationLockTimeoutException {
        return BigQueryMigrationLock.acquire(dataset, timeout);
    }

    /** The canonical schema of the dataset, without the migrations block (docs/architecture.md §5). */
    public String dumpSchema(BigQueryDataset dataset) {
        return emulator ? new EmulatorDump(dataset).dump() : new InformationSchemaDump(dataset).dump();
    }

    /** Runs a dump (schema.sql or a checkpoint) statement by statement; each takes effect on its own. */
    public void load(BigQueryDataset dataset, String dump) {
        for (SqlStatement statement : new StatementSplitter(dialect()).split(dump)) {
            try {
                dataset.execute(statement.sql());
            } catch (BigQueryStatementException e) {
                throw new MateyException("line " + statement.line() + ": " + e.getMessage());
            }
        }
    }

    private BigQueryDataset session(MateyUrl url) {
        BigQueryUrl parsed = BigQueryUrl.of(url);
        if (parsed.emulator() != emulator) {
            throw new MateyException("The " + id() + " engine does not serve " + url + ".");
        }
        return new BigQueryDataset(clients.client(parsed), parsed);
    }
}
