package io.matey.engine.sqlite;

import io.matey.engine.Engine;
import io.matey.engine.FileMutex;
import io.matey.engine.Identifiers;
import io.matey.engine.JdbcConnections;
import io.matey.engine.MateyUrl;
import io.matey.engine.MigrationLockTimeoutException;
import io.matey.engine.MigrationProgress;
import io.matey.engine.MigrationTable;
import io.matey.engine.ProgressTable;
import io.matey.engine.SessionBaseline;
import io.matey.engine.WriteGuard;
import io.matey.error.FileFailure;
import io.matey.error.MateyException;
import io.matey.lint.LintDialect;
import io.matey.schema.DraftDialect;
import io.matey.migration.SqlDialect.Feature;
import io.matey.migration.SqlDialect;
import io.matey.migration.SqlStatement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.sqlite.SQLiteConnection;

/** SQLite: one file per database, the embedded default. URLs are {@code sqlite3:<path>} or {@code sqlite:<path>}. */
public final class SqliteEngine implements Engine {

    /** The migration lock file beside a database, {@code <db>.matey-lock} (git-ignored by {@code init}). */
    public static final String LOCK_FILE_SUFFIX = ".matey-lock";


    private static final WriteGuard GUARD = new SqliteWriteGuard();

    private static final MigrationTable MIGRATIONS = new SqliteMigrationTable(MigrationTable.NAME);

    /** SQLite also accepts MySQL's backtick identifiers. */
    private static final SqlDialect DIALECT = SqlDialect.of(Feature.BACKTICK_QUOTES, Feature.BRACKET_QUOTES);

    @Override
    public String id() {
        return "sqlite";
    }

    @Override
    public List<String> aliases() {
        return List.of("sqlite3");
    }

    /** sqlite-jdbc's parameters are the file URL's, which Matey's SQLite URLs keep as they are. */
    @Override
    public String pastedParameter(String key, String pair) {
        return pair;
    }

    @Override
    public Optional<String> gitIgnoredFiles() {
        return Optional.of("*" + LOCK_FILE_SUFFIX);
    }

    /** dbmate's scheme. */
    @Override
    public String urlScheme() {
        return "sqlite3";
    }

    @Override
    public boolean fileUrls() {
        return true;
    }

    @Override
    public SqlDialect dialect() {
        return DIALECT;
    }

    @Override
    public String quote(String identifier) {
        return Identifiers.quoted('"', identifier);
    }

    @Override
    public DraftDialect draft(Connection connection) {
        return new SqliteDraftDialect();
    }

    @Override
    public LintDialect lint() {
        return SqliteLintDialect.INSTANCE;
    }

    @Override
    public int unrunStatementAt(SqlStatement statement) {
        return SqliteStatementEnd.secondStatementAt(statement.sql());
    }

    @Override
    public int failedLine(SqlStatement statement, SQLException failure) {
        return SqliteFailures.line(statement, failure);
    }

    @Override
    public String failureMessage(SQLException failure) {
        return SqliteFailures.message(failure);
    }

    @Override
    public boolean rejectedByData(SQLException failure) {
        return SqliteFailures.isConstraint(failure);
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public Connection connect(MateyUrl url) throws SQLException {
        Path file = file(url);
        if (!Files.exists(file)) {
            throw new SQLException("unable to open database file: " + file + " does not exist");
        }
        return open(file);
    }

    private static Connection open(Path file) throws SQLException {
        Properties properties = new Properties();
        // Concurrent writers wait for each other instead of failing with SQLITE_BUSY at once.
        properties.setProperty("busy_timeout", "60000");
        // As the sqlite3 CLI and dbmate do, statements up to SQLite's compiled maximum (sqlite3_limit clamps the
        // value to it), not the driver's default of 1,000,000 bytes: a bulk INSERT of a data migration is longer.
        properties.setProperty("limit_sql_length", String.valueOf(Integer.MAX_VALUE));
        return JdbcConnections.open("org.sqlite.JDBC", "jdbc:sqlite:" + file, properties);
    }

    @Override
    public boolean databaseExists(MateyUrl url) {
        return Files.isRegularFile(file(url));
    }

    /**
     * A live command's connection. A file in a directory that does not exist is no database that {@code db up}
     * would create, but a mistyped path: refused, not reported as a database not created yet.
     */
    @Override
    public Optional<Connection> connectIfExists(MateyUrl url) throws SQLException {
        if (databaseExists(url)) {
            return Optional.of(connect(url));
        }
        requireDirectory(file(url), "No SQLite database ");
        return Optional.empty();
    }

    /** A new file, yes; new directories, no: a mistyped path must not quietly start an empty database. */
    private static void requireDirectory(Path file, String problem) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new MateyException(problem + file + ": directory " + dir + " does not exist. Correct the path in the "
                    + "URL, or create the directory first (mkdir -p " + dir + ").");
        }
    }

    @Override
    public void createDatabase(MateyUrl url) throws SQLException {
        createDatabaseIfMissing(url);
    }

    /** The file is created exclusively, so that of two processes creating it only one says it did. */
    @Override
    public boolean createDatabaseIfMissing(MateyUrl url) throws SQLException {
        Path file = file(url);
        requireDirectory(file, "Cannot create SQLite database ");
        boolean created;
        try {
            Files.createFile(file);
            created = true;
        } catch (FileAlreadyExistsException exists) {
            created = false;
        } catch (IOException e) {
            throw new SQLException("Cannot create " + file + ": " + FileFailure.detail(file, e), e);
        }
        open(file).close();
        return created;
    }

    /** The tables of the main schema but SQLite's own ({@code sqlite_sequence}, {@code sqlite_stat1}, ...). */
    @Override
    public Optional<String> baseTablesQuery() {
        return Optional.of("SELECT '', name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
                + "ESCAPE '\\'");
    }

    @Override
    public boolean copiesDatabases() {
        return true;
    }

    /**
     * A copy of the file, and of its write-ahead log where a migration turned WAL mode on and left one: with no
     * connection open, the two hold every committed change.
     */
    @Override
    public void createCopy(MateyUrl url, MateyUrl source) throws SQLException {
        Path file = file(url);
        requireDirectory(file, "Cannot create SQLite database ");
        try {
            Files.copy(file(source), file);
            Path wal = Path.of(file(source) + "-wal");
            if (Files.exists(wal)) {
                Files.copy(wal, Path.of(file + "-wal"));
            }
        } catch (IOException e) {
            throw new SQLException("Cannot copy " + file(source) + " to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void dropDatabase(MateyUrl url) throws SQLException {
        Path file = file(url);
        try {
            for (String suffix : new String[] {"", "-journal", "-wal", "-shm", LOCK_FILE_SUFFIX}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        } catch (IOException e) {
            throw new SQLException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> databasesNamed(MateyUrl base, String prefix) throws SQLException {
        Path dir = Path.of(siblingUrl(base, "x").path()).getParent();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && n.endsWith(".sqlite3"))
                    .map(n -> n.substring(0, n.length() - ".sqlite3".length())).sorted().toList();
        } catch (IOException e) {
            throw new SQLException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A base path with a file suffix names a file whose directory is used; otherwise the path is the directory. */
    @Override
    public MateyUrl siblingUrl(MateyUrl base, String name) {
        Path basePath = Path.of(base.path());
        String fileName = basePath.getFileName() == null ? "" : basePath.getFileName().toString();
        Path dir = fileName.contains(".") ? basePath.toAbsolutePath().getParent() : basePath.toAbsolutePath();
        return base.withPath(dir.resolve(name + ".sqlite3").toString());
    }

    @Override
    public Optional<MateyUrl> defaultScratchBase() {
        return Optional.of(MateyUrl.parse("sqlite3:" + Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath()));
    }

    @Override
    public WriteGuard writeGuard() {
        return GUARD;
    }

    private static final ProgressTable PROGRESS = MigrationProgress.checkedBy(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + MigrationProgress.TABLE + "'");

    @Override
    public ProgressTable progressTable() {
        return PROGRESS;
    }

    @Override
    public SessionBaseline captureSession(Connection connection) throws SQLException {
        return SqliteSessionBaseline.capture(connection);
    }

    @Override
    public MigrationTable migrationTable() {
        return MIGRATIONS;
    }

    @Override
    public MigrationTable migrationTable(String name) {
        return name.equals(MigrationTable.NAME) ? MIGRATIONS : new SqliteMigrationTable(name);
    }

    @Override
    public String dumpSchema(Connection connection) throws SQLException {
        return dumpSchema(connection, MigrationTable.NAME);
    }

    @Override
    public String dumpSchema(Connection connection, String migrationsTable) throws SQLException {
        return new SqliteSchemaDumper(connection, migrationsTable).dump();
    }

    /** SQLite has no advisory locks; a lock file beside the database serialises migrating processes. */
    @Override
    public MigrationLock lockMigrations(Connection connection, Duration timeout, LockWaiting waiting) throws SQLException {
        String path = connection.getMetaData().getURL().substring("jdbc:sqlite:".length());
        Path lockFile = Path.of(path + LOCK_FILE_SUFFIX);
        Optional<FileMutex> tried = lockFile(lockFile, waiting.told(timeout) ? Duration.ZERO : timeout);
        if (tried.isEmpty() && waiting.told(timeout)) {
            waiting.waiting("the lock file " + lockFile, FileMutex.holder(lockFile));
            tried = lockFile(lockFile, timeout);
        }
        FileMutex mutex = tried.orElseThrow(() -> new MigrationLockTimeoutException(
                "the lock file " + lockFile, timeout, FileMutex.holder(lockFile),
                "If that process is gone, the lock is free again; delete nothing."));
        return mutex::close;
    }

    /** Locks {@code lockFile}; one that cannot be created is told as the directory's to fix, not as Matey's fault. */
    private static Optional<FileMutex> lockFile(Path lockFile, Duration timeout) {
        try {
            return FileMutex.acquire(lockFile, timeout);
        } catch (UncheckedIOException e) {
            Path file = lockFile.toAbsolutePath().normalize();
            throw new MateyException("Cannot create the migration lock file " + file + " ("
                    + FileFailure.reason(e.getCause()) + "): Matey locks a SQLite database with a file beside it, so "
                    + "the database's directory " + file.getParent() + " must be writable by the user Matey runs as "
                    + "(as SQLite's own journal needs). Make it writable, or move the database to a directory that "
                    + "is, and run again.", e);
        }
    }

    /**
     * SQLITE_READONLY (and its extended codes): the file, or the directory where SQLite writes its journal, cannot be
     * written, whatever the statement.
     */
    @Override
    public Optional<String> unwritableDatabase(Connection connection, SQLException failure) {
        if ((failure.getErrorCode() & 0xff) != READONLY) {
            return Optional.empty();
        }
        String file;
        try {
            // the driver's own URL, which a connection closed by the failure still knows
            String url = connection.unwrap(SQLiteConnection.class).getUrl();
            file = Path.of(url.startsWith(JDBC_PREFIX) ? url.substring(JDBC_PREFIX.length()) : url).toAbsolutePath()
                    .normalize().toString();
        } catch (SQLException | RuntimeException e) {
            file = "the database file";
        }
        return Optional.of("the database cannot be written, whatever the statement: make " + file + " and its "
                + "directory writable by the user Matey runs as (SQLite writes its journal beside the file)");
    }

    private static final String JDBC_PREFIX = "jdbc:sqlite:";

    /** SQLITE_READONLY, the primary result code of a write to a database that cannot be written. */
    private static final int READONLY = 8;

    /** sqlite3_interrupt, which is safe from another thread: the running statement fails with SQLITE_INTERRUPT. */
    @Override
    public void cancelRunning(Connection connection) throws SQLException {
        connection.unwrap(SQLiteConnection.class).getDatabase().interrupt();
    }

    static Path file(MateyUrl url) {
        if (!url.isFile()) {
            throw new MateyException("SQLite URL must be sqlite3:<path>, got " + url);
        }
        return Path.of(url.path());
    }
}
