package io.matey.engine.mysql;

import io.matey.ci.CiService;
import io.matey.engine.Engine;
import io.matey.engine.Identifiers;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerObjectExists;
import io.matey.engine.ServerProfile;
import io.matey.engine.ServerRoles;
import io.matey.engine.MigrationProgress;
import io.matey.engine.MigrationTable;
import io.matey.engine.ProgressTable;
import io.matey.engine.SessionBaseline;
import io.matey.engine.SqlMigrationTable;
import io.matey.engine.WriteGuard;
import io.matey.lint.ColumnTypeFacts;
import io.matey.lint.LintDialect;
import io.matey.schema.DraftDialect;
import io.matey.migration.Section;
import io.matey.migration.SqlDialect.Feature;
import io.matey.migration.SqlDialect;
import io.matey.migration.SqlParser;
import io.matey.migration.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Duration;

/**
 * MySQL and MariaDB through MariaDB Connector/J. URLs are {@code mysql://user:pass@host:3306/db} (or
 * {@code mariadb://}). DDL commits implicitly, so a failed section leaves its earlier statements applied.
 */
public final class MysqlEngine implements Engine {

    private static final Pattern SYNTAX_ERROR_LINE = Pattern.compile("(?s)near '.*' at line (\\d{1,9})");
    /** MariaDB Connector/J's {@code (conn=955) } before the database's message: the driver's wrapping, left out. */
    private static final Pattern CONNECTION_PREFIX = Pattern.compile("^\\(conn=\\d+\\) ");
    /** A server version's major.minor, what the dumps of a release series share. */
    private static final Pattern MAJOR_MINOR = Pattern.compile("\\d+\\.\\d+");


    /** Error 1049, ER_BAD_DB_ERROR. */
    private static final int UNKNOWN_DATABASE = 1049;
    /** An unknown character set (1115) or collation (1273), or a collation of another set (1253). */
    private static final Set<Integer> UNKNOWN_DEFAULTS = Set.of(1115, 1273, 1253);

    /**
     * Errors raised by rows a statement meets, outside SQLState class 23 and the data exceptions of class 22: 1138
     * invalid use of NULL (MySQL's NOT NULL over NULLs), 1265 data truncated (MariaDB's), 1264 out of range and 1406
     * too long (a narrowed type), 1366 a value the new type cannot read (MySQL's, class HY000), 3819 a CHECK
     * constraint the rows violate (MySQL; MariaDB's 4025 is class 23).
     */
    private static final Pattern ACCOUNT_EXISTS = Pattern.compile("Operation CREATE (USER|ROLE) failed for (.+)$");

    private static final Set<Integer> DATA_ERRORS = Set.of(1138, 1265, 1264, 1366, 1406, 3819);

    private static final WriteGuard GUARD = new MysqlWriteGuard();

    private static final MigrationTable MIGRATIONS = migrations(MigrationTable.NAME);

    /** Backtick identifiers, backslash escapes in every string literal, {@code #} comments. */
    static final SqlDialect DIALECT = SqlDialect.of(Feature.BACKTICK_QUOTES, Feature.BACKSLASH_ESCAPES,
            Feature.HASH_COMMENTS, Feature.EXECUTABLE_COMMENTS);

    private static final LintDialect LINT = new LintDialect() {
        @Override
        public boolean notNullColumnGetsImplicitZero() {
            return true;
        }

        /** MariaDB's system-versioned tables; MySQL 8 has no such syntax. */
        @Override
        public boolean systemTimeIntervalStartsOnCreation() {
            return true;
        }

        @Override
        public boolean eventSchedules() {
            return true;
        }

        @Override
        public boolean foreignKeysCreateHiddenIndexes() {
            return true;
        }

        @Override
        public Optional<ColumnTypeFacts> columnTypes() {
            return Optional.of(new ColumnTypeFacts(0, true, true));
        }
    };

    /**
     * MariaDB, the family the engine is tested on: artifacts are per server family (README), and a MySQL 8 team
     * changes the image. The host alias stays {@code mysql}, the engine's name.
     */
    private static final CiService CI = new CiService("mysql", "mariadb:11.4", Map.of("MARIADB_ROOT_PASSWORD", "root"),
            3306, "healthcheck.sh --connect --innodb_initialized", "mysql://root:root@%s:3306/mysql");

    @Override
    public String id() {
        return "mysql";
    }

    @Override
    public List<String> aliases() {
        return List.of("mariadb");
    }

    @Override
    public String canonicalizer() {
        return MysqlCanonicalizers.CURRENT;
    }

    @Override
    public Optional<String> earlierCanonicalizer(String label) {
        return MysqlCanonicalizers.earlier(label);
    }

    @Override
    public Optional<String> earlierDumpText(byte[] text) {
        return MysqlEarlierDumps.statedIn(text);
    }

    /**
     * None: Connector/J reads every parameter as its own option, and dbmate's driver sends one it does not know to
     * the server, which refuses it ({@code Unknown system variable 'createDatabaseIfNotExist'}).
     */
    @Override
    public String pastedParameter(String key, String pair) {
        return null;
    }

    @Override
    public List<String> trainedDriverClasses() {
        return List.of("org/mariadb/jdbc/");
    }

    @Override
    public SqlDialect dialect() {
        return DIALECT;
    }

    @Override
    public Optional<String> baseTablesQuery() {
        return Optional.of("SELECT '', table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
                + "AND table_type IN ('BASE TABLE', 'SYSTEM VERSIONED')");
    }

    @Override
    public String quote(String identifier) {
        return Backticks.quote(identifier);
    }

    @Override
    public DraftDialect draft(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            return MysqlDraftDialect.of(rs.getString(1));
        }
    }

    /**
     * The family {@code VERSION()} names ({@code 10.11.19-MariaDB-0+deb12u1}; MySQL's names none), its major.minor,
     * and the database's defaults, which tables and columns created without naming theirs take.
     */
    @Override
    public Optional<ServerProfile> serverProfile(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION(), "
                + "DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA "
                + "WHERE SCHEMA_NAME = DATABASE()")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            String version = rs.getString(1);
            Matcher majorMinor = MAJOR_MINOR.matcher(version);
            return Optional.of(new ServerProfile(version.toLowerCase(Locale.ROOT).contains("mariadb") ? "mariadb" : "mysql",
                    majorMinor.lookingAt() ? majorMinor.group() : version, rs.getString(2), rs.getString(3)));
        }
    }

    @Override
    public String serverName(ServerProfile profile) {
        return (profile.family().equals("mariadb") ? "MariaDB" : "MySQL") + " " + profile.version();
    }

    @Override
    public LintDialect lint() {
        return LINT;
    }

    @Override
    public Optional<CiService> ciService() {
        return Optional.of(CI);
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /** MariaDB's {@code @@in_transaction}; MySQL 8 has no such variable, so its count stays as before. */
    @Override
    public boolean committedItself(Connection connection) {
        return transactionOpen(connection).map(open -> !open).orElse(false);
    }

    /**
     * Read from the statement's words ({@link ImplicitCommits}); the server is asked only where they cannot tell. The
     * Spring Boot starter ships no JSqlParser to read them with: there MariaDB is asked, and on MySQL 8, which cannot
     * be asked, the statement is not counted as committed.
     */
    @Override
    public boolean committedTransaction(Connection connection, SqlStatement statement) {
        if (!SqlParser.PRESENT) {
            return committedItself(connection);
        }
        return ImplicitCommits.commits(statement)
                || ImplicitCommits.opaque(statement) && transactionOpen(connection).map(open -> !open).orElse(false);
    }

    /** MariaDB says whether a transaction is still open; on MySQL 8 the statement's words and error tell. */
    @Override
    public boolean committedBeforeFailing(Connection connection, SqlStatement statement, SQLException failure) {
        return transactionOpen(connection).map(open -> !open).orElseGet(() -> SqlParser.PRESENT
                && ImplicitCommits.commits(statement) && failure.getErrorCode() != ImplicitCommits.SYNTAX_ERROR);
    }

    /** MariaDB's {@code @@in_transaction}; empty on MySQL 8, which has no such variable. */
    private static Optional<Boolean> transactionOpen(Connection connection) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT @@in_transaction")) {
            return rs.next() ? Optional.of(rs.getInt(1) != 0) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean failedWithoutEffect(SqlStatement statement, SQLException failure) {
        return FailedStatements.withoutEffect(statement, failure);
    }

    @Override
    public String failureMessage(SQLException failure) {
        return withoutConnectionId(failure);
    }

    @Override
    public String failureHint(SqlStatement statement, SQLException failure) {
        return AliasedTables.hint(statement, failure);
    }

    @Override
    public Optional<String> cacheAsLiveMay(Connection connection, Section section) throws SQLException {
        return AliasedTables.open(connection, section);
    }

    @Override
    public boolean dumpHidesStateFor(List<Section> prefixUps, List<Section> tail) {
        return ImplicitKeys.hiddenFrom(prefixUps, tail);
    }

    @Override
    public boolean checksDumpLoads() {
        return true;
    }

    /** Connector/J's message without its {@code (conn=N)} prefix; also for this package's own wrapping of it. */
    static String withoutConnectionId(SQLException failure) {
        return CONNECTION_PREFIX.matcher(String.valueOf(failure.getMessage())).replaceFirst("");
    }

    /** Connector/J's {@code KILL QUERY} of the connection's thread, sent on a connection of its own. */
    @Override
    public void cancelRunning(Connection connection) throws SQLException {
        connection.unwrap(org.mariadb.jdbc.Connection.class).cancelCurrentQuery();
    }

    @Override
    public boolean rejectedByData(SQLException failure) {
        return Engine.super.rejectedByData(failure) || DATA_ERRORS.contains(failure.getErrorCode());
    }

    /** Error 1396, ER_CANNOT_USER, for a CREATE USER or CREATE ROLE: the server has the account already. */
    @Override
    public Optional<ServerObjectExists> serverObjectExists(SQLException failure) {
        Matcher account = ACCOUNT_EXISTS.matcher(String.valueOf(failure.getMessage()));
        if (failure.getErrorCode() != 1396 || !account.find()) {
            return Optional.empty();
        }
        String kind = account.group(1).toLowerCase(Locale.ROOT);
        return Optional.of(new ServerObjectExists(kind + " " + account.group(2).strip(), "write `CREATE "
                + account.group(1) + " IF NOT EXISTS " + account.group(2).strip() + " ...`"));
    }

    /** A syntax error says "... near '...' at line N", N counted from the statement's first line. */
    @Override
    public int failedLine(SqlStatement statement, SQLException failure) {
        Matcher near = SYNTAX_ERROR_LINE.matcher(String.valueOf(failure.getMessage()));
        if (!near.find()) {
            return statement.line();
        }
        String sql = statement.sql();
        int at = 0;
        for (int n = Integer.parseInt(near.group(1)); n > 1 && at >= 0; n--) {
            at = sql.indexOf('\n', at);
            at = at < 0 ? -1 : at + 1;
        }
        return at < 0 ? statement.line() : statement.lineAt(at);
    }

    @Override
    public Connection connect(MateyUrl url) throws SQLException {
        String database = MysqlConnector.database(url);
        try {
            return MysqlConnector.open(url, database);
        } catch (SQLException e) {
            if (e.getErrorCode() == UNKNOWN_DATABASE) {
                throw new SQLException("Unknown database '" + database + "' on " + url, e.getSQLState(), e.getErrorCode(), e);
            }
            throw e;
        }
    }

    @Override
    public Optional<Connection> connectIfExists(MateyUrl url) throws SQLException {
        try {
            return Optional.of(MysqlConnector.open(url, MysqlConnector.database(url)));
        } catch (SQLException e) {
            if (e.getErrorCode() == UNKNOWN_DATABASE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public boolean databaseExists(MateyUrl url) throws SQLException {
        String database = MysqlConnector.database(url);
        try (Connection c = MysqlConnector.open(url, "");
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void createDatabase(MateyUrl url) throws SQLException {
        createDatabaseIfMissing(url);
    }

    @Override
    public boolean createDatabaseIfMissing(MateyUrl url) throws SQLException {
        return createWith(url, "");
    }

    /**
     * A server that lacks the recorded character set or collation (MySQL 8's {@code utf8mb4_0900_ai_ci} on MariaDB 10.11)
     * creates the database with its own defaults, which {@code ServerProfileCheck} then refuses with its advice.
     */
    @Override
    public boolean createDatabaseIfMissing(MateyUrl url, ServerProfile defaults) throws SQLException {
        try {
            return createWith(url, " CHARACTER SET " + defaults.charset() + " COLLATE " + defaults.collation());
        } catch (SQLException e) {
            if (!UNKNOWN_DEFAULTS.contains(e.getErrorCode())) {
                throw e;
            }
            return createWith(url, "");
        }
    }

    /** An existing database leaves a note (1007) on the statement instead of failing it. */
    private static boolean createWith(MateyUrl url, String defaults) throws SQLException {
        try (Connection c = MysqlConnector.open(url, ""); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + Backticks.quote(MysqlConnector.database(url)) + defaults);
            return st.getWarnings() == null;
        }
    }

    /**
     * Ends the other sessions using the database first (as PostgreSQL's {@code WITH (FORCE)} does): a statement
     * still running in it, as when a signal stops a replay, would hold a metadata lock the drop waits for.
     */
    @Override
    public void dropDatabase(MateyUrl url) throws SQLException {
        String database = MysqlConnector.database(url);
        try (Connection c = MysqlConnector.open(url, "")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM information_schema.PROCESSLIST "
                    + "WHERE DB = ? AND ID <> CONNECTION_ID()")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery(); Statement kill = c.createStatement()) {
                    while (rs.next()) {
                        try {
                            kill.execute("KILL " + rs.getLong(1));
                        } catch (SQLException gone) {
                            // the session ended by itself, or belongs to a user we may not stop: the drop then waits
                        }
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + Backticks.quote(database));
            }
        }
    }

    @Override
    public List<String> databasesNamed(MateyUrl base, String prefix) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = MysqlConnector.open(base, "");
                PreparedStatement ps = c.prepareStatement("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA "
                        + "WHERE SCHEMA_NAME LIKE ? ORDER BY SCHEMA_NAME")) {
            ps.setString(1, prefix.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    @Override
    public ServerRoles serverRoles() {
        return new MysqlAccounts();
    }

    @Override
    public MateyUrl siblingUrl(MateyUrl base, String name) {
        return base.withPath(name);
    }

    @Override
    public WriteGuard writeGuard() {
        return GUARD;
    }

    private static final ProgressTable PROGRESS = MigrationProgress.checkedBy("SELECT 1 FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + MigrationProgress.TABLE + "'");

    @Override
    public ProgressTable progressTable() {
        return PROGRESS;
    }

    @Override
    public SessionBaseline captureSession(Connection connection) throws SQLException {
        return MysqlSessionBaseline.capture(connection);
    }

    @Override
    public MigrationTable migrationTable() {
        return MIGRATIONS;
    }

    @Override
    public MigrationTable migrationTable(String name) {
        return name.equals(MigrationTable.NAME) ? MIGRATIONS : migrations(name);
    }

    /** The table of applied versions as dbmate creates it, its name quoted whole (a dot is part of the name). */
    private static MigrationTable migrations(String name) {
        String quoted = Backticks.quote(name);
        return new SqlMigrationTable(quoted,
                "CREATE TABLE IF NOT EXISTS " + quoted + " (version varchar(128) primary key)",
                "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = "
                        + Identifiers.quoted('\'', name.replace("\\", "\\\\")));
    }

    @Override
    public String dumpSchema(Connection connection) throws SQLException {
        return dumpSchema(connection, MigrationTable.NAME);
    }

    @Override
    public String dumpSchema(Connection connection, String migrationsTable) throws SQLException {
        return new MysqlSchemaDumper(connection, migrationsTable, null).dump();
    }

    @Override
    public String dumpSchemaReporting(Connection connection, Consumer<String> unloadable) throws SQLException {
        return new MysqlSchemaDumper(connection, MigrationTable.NAME, unloadable).dump();
    }

    /** A dump's bare table character sets mean what {@link CharsetDefaults} says, which MariaDB does not load as such. */
    @Override
    public void load(Connection connection, String dump) throws SQLException {
        Engine.super.load(connection, dump.isEmpty() ? dump : CharsetDefaults.read(connection).loadable(dump));
    }

    @Override
    public MigrationLock lockMigrations(Connection connection, Duration timeout, LockWaiting waiting) throws SQLException {
        return MysqlMigrationLock.acquire(connection, timeout, waiting);
    }
}
