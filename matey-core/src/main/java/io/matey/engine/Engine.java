package io.matey.engine;

import io.matey.ci.CiService;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.lint.LintDialect;
import io.matey.log.DebugLog;
import io.matey.log.Secrets;
import io.matey.migration.Section;
import io.matey.migration.SqlDialect;
import io.matey.migration.SqlStatement;
import io.matey.migration.StatementSplitter;
import io.matey.schema.DraftDialect;
import io.matey.schema.SchemaDump;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;

/**
 * Everything engine-specific, behind one interface (docs/architecture.md §3). Implementations are found through
 * {@link Engines} and stateless but for the dump options a target's config.toml gives ({@link #withoutPrivileges});
 * each keeps its JDBC driver optional so applications choose what they bundle.
 */
public interface Engine {

    // Identity and SQL dialect (docs/architecture.md §3).

    /** The engine name used in locks and config: {@code sqlite}, {@code postgres}, {@code mysql}, ... */
    String id();

    /**
     * The other names of this engine, lower case: URL schemes ({@code postgresql://}), JDBC sub-protocols
     * ({@code jdbc:mariadb:}) and names a config or lock may use ({@code sqlite3}). {@link Engines} maps each to
     * {@link #id()}; no two engines may share one.
     */
    List<String> aliases();

    /** The scheme of the URLs Matey writes for this engine (from an application's JDBC URL, say). */
    default String urlScheme() {
        return id();
    }

    /** True when this engine serves URLs of the given (lower-case) scheme: its id or one of its aliases. */
    default boolean acceptsScheme(String scheme) {
        return id().equals(scheme) || aliases().contains(scheme);
    }

    /**
     * Whether this engine's URLs name a file ({@code sqlite3:path}, {@code sqlite:///abs/path}) rather than a
     * server ({@code scheme://user@host:port/db}).
     */
    default boolean fileUrls() {
        return false;
    }

    /**
     * A JDBC URL's {@code key=value} parameter ({@code pair}) as the Matey URL a message shows for pasting (into
     * {@code matey --url} or dbmate) has it, or null when it has no place there: a JDBC driver reads its parameters
     * as its own options, while dbmate's drivers may send one they do not know to the server, which refuses it. Every
     * engine answers explicitly, so a new engine's driver options are never passed through unexamined
     * (docs/architecture.md §3).
     */
    String pastedParameter(String key, String pair);

    /**
     * The pattern of a file this engine writes beside the database on every locked run ({@code *.matey-lock} beside a
     * SQLite file), which {@code init} adds to {@code .gitignore}; empty when it writes none (the default).
     */
    default Optional<String> gitIgnoredFiles() {
        return Optional.empty();
    }

    /**
     * The class-path folders of this engine's JDBC driver ({@code org/postgresql/}) when the start-up cache's training
     * (docs/architecture.md §8) covers the engine: on the server {@code MATEY_TRAINING_SERVER} names, else by loading
     * the classes of the engine's package and of these. Empty, the default, for an engine left out of it.
     */
    default List<String> trainedDriverClasses() {
        return List.of();
    }

    // Artifacts (docs/architecture.md §4).

    /** The lock's label for the first format of Matey's catalog dumps, which an engine's dumps keep until they change. */
    String FIRST_CANONICALIZER = "matey-catalog-v1";

    /** The lock's {@code canonicalizer} label for this release's dumps of this engine. */
    default String canonicalizer() {
        return FIRST_CANONICALIZER;
    }

    /**
     * How an earlier Matey release's dumps of this engine, labelled {@code label} (an earlier label of
     * {@link #canonicalizer()}), differ from this release's, as words following "the lock names canonicalizer
     * 'label', "; empty when text under that label is not this engine's earlier format (the default).
     */
    default Optional<String> earlierCanonicalizer(String label) {
        return Optional.empty();
    }

    /**
     * What a dump's text states that only an earlier Matey release's dumps of this engine wrote (under the label this
     * release still writes), as a reason's words; empty when nothing (the default). Searched in {@code schema.sql}
     * and every checkpoint as it is read.
     */
    default Optional<String> earlierDumpText(byte[] text) {
        return Optional.empty();
    }

    /** The lexical rules used to split this engine's SQL into statements. */
    SqlDialect dialect();

    /**
     * Where in {@code statement} a second statement starts that the driver would silently not run (sqlite-jdbc runs
     * only the first statement of a text), or -1, the default: such a statement is refused before it is sent.
     */
    default int unrunStatementAt(SqlStatement statement) {
        return -1;
    }

    /** The identifier quoted for this engine's SQL (an embedded quote character doubled). */
    String quote(String identifier);

    /**
     * The source line at which {@code statement} failed with {@code failure}: where the database says in the
     * statement it failed, else the statement's first line.
     */
    default int failedLine(SqlStatement statement, SQLException failure) {
        return statement.line();
    }

    /**
     * The database's message for a failed statement, without what the driver wraps around it (result codes,
     * query ids, node descriptions), so failures read alike on every engine. Not yet masked.
     */
    default String failureMessage(SQLException failure) {
        return failure.getMessage();
    }

    /**
     * {@link #failureMessage}, masked, as a sentence ending with a period, so that what Matey adds after it
     * ({@code Statement: '...'}, what the failure left behind) never runs into the database's words.
     */
    default String failureSentence(SQLException failure) {
        return sentence(maskedFailure(failure));
    }

    /** {@link #failureSentence} of a statement that failed on {@code connection} ({@link #maskedFailure(Connection, SQLException)}). */
    default String failureSentence(Connection connection, SQLException failure) {
        return sentence(maskedFailure(connection, failure));
    }

    /**
     * {@link #maskedFailure} of a query that failed on {@code connection}, naming the database where the database's
     * words do not and must (a ClickHouse read timeout: which server, which timeout in effect, how to raise it), for
     * every command that queries it. By default the same.
     */
    default String maskedFailure(Connection connection, SQLException failure) {
        return maskedFailure(failure);
    }

    private static String sentence(String message) {
        String stripped = message.strip();
        return stripped.endsWith(".") ? stripped : stripped + ".";
    }

    /**
     * Whether a statement's answer never came although its connection stays usable (a ClickHouse read timeout over
     * HTTP): the server may still be running it, so its fate is unknown as after a lost connection, and the runner
     * cancels it ({@link #cancelRunning}) rather than let it run on after Matey moved on. False by default: a driver
     * that gives up reading closes its connection.
     */
    default boolean unanswered(SQLException failure) {
        return false;
    }

    /**
     * {@link #failureMessage}, masked, where a call to the database may also fail otherwise (a {@link MateyException}
     * of Matey's own, an I/O error): then that exception's message, masked. Masked as SQL, not only its URLs: a
     * server's syntax error quotes the statement, with the secrets Matey masks in the statement it shows.
     */
    default String maskedFailure(Exception failure) {
        String message = failure instanceof SQLException sql ? failureMessage(sql) : failure.getMessage();
        return message == null ? null : Secrets.maskSql(message);
    }

    /**
     * What the server's words do not say about a failed migration statement: a server behaviour that makes a
     * correct-looking statement fail now and pass at another time, and what to write instead, as sentences to follow
     * {@link #failureSentence}; empty when there is none (the default).
     */
    default String failureHint(SqlStatement statement, SQLException failure) {
        return "";
    }

    /**
     * Cancels, from another thread, the statement running on {@code connection}, where the driver can do so without
     * its {@link Statement} (Ctrl-C, {@link RunningStatements#cancelAll}, docs/architecture.md §8). Nothing by
     * default.
     */
    default void cancelRunning(Connection connection) throws SQLException {
    }

    /**
     * Whether a statement failed on the rows it met rather than on its own text: a unique index over duplicate rows,
     * NOT NULL over NULLs, a foreign key existing rows violate. Then the advice is to fix the data, not the file.
     * The default is the SQL standard's class 23, integrity constraint violation.
     */
    default boolean rejectedByData(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && state.startsWith("23");
    }

    /**
     * What of a failed migration statement is in effect though it failed (it took effect in part), and what to do
     * about it, as sentences; null
     * when nothing is (the default). A ClickHouse {@code ALTER} whose mutation failed has changed the table's
     * definition already (docs/architecture.md §7).
     */
    default String inEffectDespite(SQLException failure) {
        return null;
    }

    /**
     * Whether {@code statement}, which failed with {@code failure} (an error the server answered, not a lost
     * connection), is known to have taken no effect at all, so that an interrupted section's marker is exact and its
     * report says nothing after the statements before it took effect (docs/architecture.md §7). False by default:
     * where the engine cannot vouch for it, the failed statement may have taken effect in part.
     */
    default boolean failedWithoutEffect(SqlStatement statement, SQLException failure) {
        return false;
    }

    /**
     * The changes of the connected database's rows that the server keeps retrying and failing (ClickHouse's stuck
     * mutations), one sentence each naming how to cancel it; empty where there are none or the engine has none. A
     * schema that looks like a later committed state then holds rows that were never converted to it.
     */
    default List<String> failingMutations(Connection connection) throws SQLException {
        return List.of();
    }

    /**
     * Whether a migration's statement failed because another session created the same object at the same time
     * (another migration run on the database, which took no lock), so that the message says so rather than blame
     * the data or the file: PostgreSQL's unique violation on a catalog's name index.
     */
    default boolean lostCreationRace(SQLException failure) {
        return false;
    }

    /**
     * Whether a migration's statement failed on the data it met: {@link #rejectedByData}, or a class 22 data
     * exception a value raises ({@link #DATA_EXCEPTIONS}: an enum label a row holds that the new type lacks, a value a
     * narrowed column cannot hold); not those a statement's own text raises (22023 an invalid parameter, 2201B a bad
     * regular expression). Kept apart from {@link #rejectedByData}, which {@code data apply} reads as "the row breaks
     * a constraint" rather than "the value does not fit".
     */
    default boolean failedOnData(SQLException failure) {
        String state = failure.getSQLState();
        return rejectedByData(failure) || state != null && DATA_EXCEPTIONS.contains(state);
    }

    /**
     * What to do when a statement failed because the database cannot be written at all (SQLite's read-only file or
     * directory), as a phrase completing "...; {@code <it>} and run again": the fault is not the migration's. Empty
     * for any other failure, and where the server's privileges say what failed in the failure itself.
     */
    default Optional<String> unwritableDatabase(Connection connection, SQLException failure) {
        return Optional.empty();
    }

    /**
     * The server-level object a statement failed to create because the server already has it, or to drop because
     * another database's objects depend on it ({@link ServerObjectExists}); empty for any other failure, and where
     * the engine has no such objects.
     */
    default Optional<ServerObjectExists> serverObjectExists(SQLException failure) {
        return Optional.empty();
    }

    /**
     * SQLStates of class 22 raised by a value: 22001 too long, 22003 out of range, 22004 a NULL not allowed, 22007
     * and 22008 a bad or overflowing date/time, 22012 division by zero, 22018 a value a cast rejects, 22021 a
     * character outside the encoding; PostgreSQL's 22P02 a value its type cannot read (an enum label that no longer
     * exists) and 22P05 one the encoding cannot translate.
     */
    Set<String> DATA_EXCEPTIONS = Set.of("22001", "22003", "22004", "22007", "22008", "22012", "22018", "22021",
            "22P02", "22P05");

    /**
     * Captures the session state of a connection before a migration section runs on it, to be restored after each
     * section (docs/architecture.md §7). The default is for engines whose statements share no session: ClickHouse
     * over HTTP without a session id, where a {@code SET} or {@code USE} lasts for its own request, and BigQuery,
     * where each statement is a job.
     */
    default SessionBaseline captureSession(Connection connection) throws SQLException {
        return SessionBaseline.NONE;
    }

    /**
     * Before a replay runs {@code section} in its scratch database: leaves the server's caches of the database's
     * tables as a live database's may be when the section runs there, where a statement's outcome depends on them,
     * so that the replay fails where a live run can (docs/architecture.md §6). Nothing by default; why it could not,
     * and what that leaves unchecked, for the replay to warn of.
     */
    default Optional<String> cacheAsLiveMay(Connection connection, Section section) throws SQLException {
        return Optional.empty();
    }

    /**
     * Whether the state {@code prefixUps} leave may hold something no dump shows and {@code tail}'s sections depend
     * on, so that a replay of the tail must start from those sections run, not from the checkpoint's text, to fail
     * where a live database or a {@code --clean} replay does (docs/architecture.md §6). False by default: the dump
     * shows all that matters.
     */
    default boolean dumpHidesStateFor(List<Section> prefixUps, List<Section> tail) {
        return false;
    }

    /**
     * Whether {@code schema plan|apply} must prove that a replay's {@code schema.sql} loads into an empty database
     * before writing it: the server may keep an object its own text cannot create again (a view or a default
     * naming a renamed object), so the dump is no fixed point by construction (docs/architecture.md §6). False where
     * it is (PostgreSQL's echoed texts, SQLite's stored ones) or where a scratch load is too dear (BigQuery).
     */
    default boolean checksDumpLoads() {
        return false;
    }

    /** Whether DDL runs inside a transaction and is undone by a rollback (never without {@link #transactions()}). */
    boolean transactionalDdl();

    /**
     * Whether no transaction is open on {@code connection} outside auto-commit, so the statement just run committed
     * what came before it (MySQL DDL's implicit commit): its progress may then commit at once, which keeps the count
     * exact when a later statement that commits nothing is killed (docs/architecture.md §7). False when unknown.
     */
    default boolean committedItself(Connection connection) {
        return false;
    }

    /**
     * Whether the engine has transactions at all. Without them (ClickHouse) every section runs statement by
     * statement in auto-commit with its progress tracked on live databases, whatever the file's {@code transaction}
     * directive says, and a failure names the statements that took effect (docs/architecture.md §7).
     */
    default boolean transactions() {
        return true;
    }

    /**
     * Whether the server runs the statements of one query as one implicit transaction (PostgreSQL), as it runs the
     * one query dbmate sends for a {@code transaction:false} section: Matey then runs such a section in one
     * transaction too, unless a statement of it refuses a transaction block ({@link LintDialect#refusedInTransactionBlock};
     * docs/architecture.md §7).
     */
    default boolean oneQueryIsOneTransaction() {
        return false;
    }

    /**
     * Whether consecutive row-writing statements of a section that runs in one transaction go to the server as one
     * JDBC batch ({@link StatementBatch}): true where the driver pipelines a batch, so that a bulk data migration
     * waits for one round trip a batch (pgjdbc), and DDL is transactional, so that a failed batch can be rolled back
     * to its savepoint and its statements run one at a time to name the one that failed (docs/architecture.md §7).
     */
    default boolean batchesStatements() {
        return false;
    }

    /** Where live databases keep the progress of sections that run outside one transaction (docs/architecture.md §7). */
    default ProgressTable progressTable() {
        return MigrationProgress.STANDARD;
    }

    /** The facts and rules {@code matey lint} needs about this engine's SQL (docs/architecture.md §3). */
    LintDialect lint();

    /**
     * What drift drafts need to know of this engine's tables, on the server {@code connection} is open to (its version
     * may decide the syntax, docs/architecture.md §3).
     */
    default DraftDialect draft(Connection connection) throws SQLException {
        return DraftDialect.FIXED_CONSTRAINTS;
    }

    /**
     * The server and database defaults the dumps of the database {@code connection} is open to depend on beyond
     * the migrations ({@link ServerProfile}, docs/architecture.md §4); empty where they depend on none.
     */
    default Optional<ServerProfile> serverProfile(Connection connection) throws SQLException {
        return Optional.empty();
    }

    /** A {@link ServerProfile}'s family and version as people name them ({@code MariaDB 10.11}). */
    default String serverName(ServerProfile profile) {
        return profile.family() + " " + profile.version();
    }

    /** The service container and test URL {@code init --ci} writes for this engine; empty when it needs none. */
    default Optional<CiService> ciService() {
        return Optional.empty();
    }

    /** Opens a connection to the database the URL names. Fails with a clear message when it does not exist. */
    Connection connect(MateyUrl url) throws SQLException;

    boolean databaseExists(MateyUrl url) throws SQLException;

    /**
     * Connects to the database the URL names, or returns empty when it does not exist. Engines whose server tells
     * a missing database apart at connect time override this, so a live command opens one connection instead of
     * asking the maintenance database first (docs/architecture.md §7).
     */
    default Optional<Connection> connectIfExists(MateyUrl url) throws SQLException {
        return databaseExists(url) ? Optional.of(connect(url)) : Optional.empty();
    }

    /** Creates the database the URL names (a no-op when it exists). */
    void createDatabase(MateyUrl url) throws SQLException;

    /**
     * Creates the database the URL names and says whether this call created it: false when it existed, as when
     * a concurrent {@code db up} created it first, so that only the creator reports it. An engine that cannot
     * tell says true.
     */
    default boolean createDatabaseIfMissing(MateyUrl url) throws SQLException {
        createDatabase(url);
        return true;
    }

    /**
     * {@link #createDatabaseIfMissing(MateyUrl)} with the default character set and collation {@code defaults} records,
     * where the engine's databases have them ({@link #serverProfile}): a database {@code db up} creates gets the
     * replay's, which its check then finds (docs/architecture.md §7). Others create it as without them.
     */
    default boolean createDatabaseIfMissing(MateyUrl url, ServerProfile defaults) throws SQLException {
        return createDatabaseIfMissing(url);
    }

    /** Drops the database the URL names, if it exists. */
    void dropDatabase(MateyUrl url) throws SQLException;

    /**
     * Whether {@link #createCopy} can create a database as a copy of another, rows included: a replay then goes on
     * after an accepted inexact down section from a copy taken before it, as the up sections left the database,
     * rather than from the checkpoint's text, which holds no rows (docs/architecture.md §6).
     */
    default boolean copiesDatabases() {
        return false;
    }

    /**
     * A query listing the connected database's base tables, two columns a row: the schema to qualify the table with
     * (empty where the connection's database holds the tables) and the table's name, unquoted. A replay counts their
     * rows around the round trip of a migration whose up section may write rows (docs/architecture.md §6). Empty,
     * the default, where it does not (BigQuery, whose every query is a job).
     */
    default Optional<String> baseTablesQuery() {
        return Optional.empty();
    }

    /** Creates {@code url} as a copy of {@code source}, rows included; nobody may be connected to {@code source}. */
    default void createCopy(MateyUrl url, MateyUrl source) throws SQLException {
        throw new UnsupportedOperationException(id() + " does not copy databases");
    }

    /**
     * Drops a scratch database, if it exists, whatever a replayed migration left in it that would keep
     * {@link #dropDatabase} from dropping it.
     */
    default void dropScratchDatabase(MateyUrl url) throws SQLException {
        dropDatabase(url);
    }

    /**
     * The names of the databases next to {@code base} (on its server, or in its directory) that start with
     * {@code prefix}, for collecting leftover scratch databases; empty where the engine cannot list them.
     */
    default List<String> databasesNamed(MateyUrl base, String prefix) throws SQLException {
        return List.of();
    }

    /** The roles (users) of the server, which a replay drops when it created them (docs/architecture.md §6). */
    default ServerRoles serverRoles() {
        return ServerRoles.NONE;
    }

    /** The URL of database {@code name} next to (on the same server or in the same directory as) {@code base}. */
    MateyUrl siblingUrl(MateyUrl base, String name);

    /**
     * The scratch base used when no test URL is configured: a temporary directory for SQLite, or empty when
     * the engine needs a server (or a container) for scratch databases.
     */
    default Optional<MateyUrl> defaultScratchBase() {
        return Optional.empty();
    }

    /**
     * The check that a migration statement stays inside the database it runs in (docs/architecture.md §6); run
     * by replay and the live commands before any section executes.
     */
    default WriteGuard writeGuard() {
        return WriteGuard.NONE;
    }

    /** The dbmate-compatible {@code schema_migrations} table. */
    MigrationTable migrationTable();

    /**
     * The migrations table under another name, as dbmate's {@code --migrations-table} gives it; an engine that
     * keeps versions in {@code schema_migrations} only refuses any other name.
     */
    default MigrationTable migrationTable(String name) {
        requireDefaultMigrationsTable(name);
        return migrationTable();
    }

    /** Renders the canonical schema of the connected database, without the migrations block (docs/architecture.md §5). */
    String dumpSchema(Connection connection) throws SQLException;

    /**
     * This engine with dumps that leave out privileges, as a target's {@code privileges = false} asks
     * (docs/architecture.md §5); empty for an engine whose dumps hold none, where the key is refused.
     */
    default Optional<Engine> withoutPrivileges() {
        return Optional.empty();
    }

    /** {@link #dumpSchema(Connection)} leaving out the migrations table {@link #migrationTable(String)} names. */
    default String dumpSchema(Connection connection, String migrationsTable) throws SQLException {
        requireDefaultMigrationsTable(migrationsTable);
        return dumpSchema(connection);
    }

    /**
     * {@link #dumpSchema(Connection)} for a report of a live database ({@code db drift|plan}), which need not be a
     * fixed point: an object whose text the server would not load back (a default calling a function that reads a
     * renamed table) is written as read and named to {@code unloadable} instead of failing the dump
     * (docs/architecture.md §7). Engines without such a check keep this default.
     */
    default String dumpSchemaReporting(Connection connection, Consumer<String> unloadable) throws SQLException {
        return dumpSchema(connection);
    }

    /**
     * {@link #dumpSchema(Connection)} leaving out {@code leftover}, one of {@link #leftoverOf}'s (docs/architecture.md
     * §7). Engines whose statements leave none dump as usual.
     */
    default String dumpSchema(Connection connection, Leftover leftover) throws SQLException {
        return dumpSchema(connection);
    }

    /**
     * What {@code statement}, cut short on the connected database, left behind there without taking effect, which
     * the dump would not cover: the statement after the last one an interrupted section has in effect is asked.
     */
    default Optional<Leftover> leftoverOf(Connection connection, SqlStatement statement) throws SQLException {
        return Optional.empty();
    }

    private void requireDefaultMigrationsTable(String name) {
        if (!name.equals(MigrationTable.NAME)) {
            throw new MateyException(Reason.UNSUPPORTED, "The " + id() + " engine keeps applied versions in "
                    + MigrationTable.NAME + " only; a migrations table named '" + name + "' is not supported there.");
        }
    }

    /** How long live commands wait for a migration lock that another process holds, unless told otherwise. */
    Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Holds the cross-process migration lock for the connected database until the returned handle is closed.
     * Waits at most {@code timeout} for another holder; then fails with a {@link MigrationLockTimeoutException}
     * that names the holder where the engine can tell. When its first try finds the lock held and
     * {@link LockWaiting#told} says so, it tells {@code waiting} who holds it before it waits, so that a caller can
     * say so at once without a try of its own ({@link LockWait}).
     */
    MigrationLock lockMigrations(Connection connection, Duration timeout, LockWaiting waiting) throws SQLException;

    /** {@link #lockMigrations(Connection, Duration, LockWaiting)} telling nobody. */
    default MigrationLock lockMigrations(Connection connection, Duration timeout) throws SQLException {
        return lockMigrations(connection, timeout, LockWaiting.SILENT);
    }

    /** {@link #lockMigrations(Connection, Duration)} with {@link #DEFAULT_LOCK_TIMEOUT}. */
    default MigrationLock lockMigrations(Connection connection) throws SQLException {
        return lockMigrations(connection, DEFAULT_LOCK_TIMEOUT);
    }

    /** Told once, when the first try finds the migration lock held by another, before the wait for it. */
    @FunctionalInterface
    interface LockWaiting {

        /**
         * Nobody listens: the lock does not look its holder up. A class, not a lambda: a lambda of an interface
         * that initialises fields is not kept in the class-data cache, so each process would spin it
         * (docs/architecture.md §8).
         */
        LockWaiting SILENT = new LockWaiting() {
            @Override
            public void waiting(String lock, String holder) {
                // nobody listens
            }
        };

        /**
         * @param lock   the lock, as {@link MigrationLockTimeoutException#lock} names it
         * @param holder who holds it; empty when the engine cannot tell
         */
        void waiting(String lock, String holder);

        /** Whether a lock whose first try failed tells this: someone listens, and there is a wait to tell of. */
        default boolean told(Duration timeout) {
            return this != SILENT && !timeout.isZero();
        }
    }

    /**
     * Whether a quick look proves the connected database holds nothing its dump would show, sparing the dump
     * where a database is usually new ({@code db up|bootstrap} refusing a database that predates Matey); false
     * proves nothing, so an engine without such a look keeps this default.
     */
    default boolean provablyEmpty(Connection connection) throws SQLException {
        return false;
    }

    /**
     * An artifact's dump ({@code schema.sql} or a checkpoint) as it reads in the connected database, to compare with
     * that database's dump: unchanged but where the artifact names what the database sees otherwise
     * (docs/architecture.md §5, PostgreSQL's default privileges of the migrating role).
     */
    default String expectedIn(Connection connection, String expected) throws SQLException {
        return expected;
    }

    /** The expected schema text of a database with nothing applied. */
    default String zeroBaseline() {
        return "";
    }

    /**
     * Executes a dump (schema.sql or a checkpoint) statement by statement. The migrations block ends the dump, after
     * any object that may read its table (a view on schema_migrations), so its {@code CREATE TABLE IF NOT EXISTS}
     * runs first instead, where an empty database would lack it (docs/architecture.md §3).
     */
    default void load(Connection connection, String dump) throws SQLException {
        List<SqlStatement> statements = new ArrayList<>(new StatementSplitter(dialect()).split(dump));
        for (int i = statements.size() - 1; i > 0; i--) {
            if (statements.get(i).sql().strip().startsWith(SchemaDump.MIGRATIONS_MARKER)) {
                statements.add(0, statements.remove(i));
                break;
            }
        }
        for (SqlStatement statement : statements) {
            DebugLog.log(Engine.class, () -> "load line " + statement.line() + ": " + statement.summary());
            try (Statement st = connection.createStatement()) {
                RunningStatements.execute(this, st, statement);
            } catch (SQLException e) {
                throw new SQLException("line " + statement.line() + ": " + failureMessage(e) + " in statement: "
                        + statement.summary(), e.getSQLState(), e.getErrorCode(), e);
            }
        }
    }

    /**
     * Loads a dump in one transaction where DDL is transactional (a failure leaves nothing behind, and one
     * commit is faster than one per statement); elsewhere statement by statement.
     */
    default void loadAtomically(Connection connection, String dump) throws SQLException {
        boolean transactional = transactionalDdl();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(!transactional);
        try {
            load(connection, dump);
            if (transactional) {
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            if (transactional) {
                connection.rollback();
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Creates the database {@code url} already holding {@code dump}, from a cached copy where the engine can
     * clone databases (PostgreSQL template databases), so an incremental replay need not load its anchor
     * statement by statement. {@code cacheGroup} names the family of cached copies: the canonical directory of
     * the target, so that each checkout of a workspace and each target has its own; older copies of the group
     * are dropped. Returns false when the engine has no such cache or it is busy: the caller then creates the
     * database and loads the dump itself.
     */
    default boolean createFromCachedDump(MateyUrl url, String cacheGroup, String dump) throws SQLException {
        return false;
    }

    /** A held migration lock. */
    interface MigrationLock extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }
}
