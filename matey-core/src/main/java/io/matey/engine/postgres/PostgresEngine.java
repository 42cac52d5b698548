package io.matey.engine.postgres;

import io.matey.ci.CiService;
import io.matey.engine.Engine;
import io.matey.engine.Identifiers;
import io.matey.engine.Leftover;
import io.matey.engine.MateyUrl;
import io.matey.engine.ServerObjectExists;
import io.matey.engine.ServerRoles;
import io.matey.engine.MigrationProgress;
import io.matey.engine.MigrationTable;
import io.matey.engine.ProgressTable;
import io.matey.engine.SessionBaseline;
import io.matey.engine.WriteGuard;
import io.matey.engine.WriteTargets;
import io.matey.lint.LintDialect;
import io.matey.schema.DraftDialect;
import io.matey.migration.ParsedSql;
import io.matey.migration.Section;
import io.matey.migration.SqlDialect.Feature;
import io.matey.migration.SqlDialect;
import io.matey.migration.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.core.BaseConnection;
import org.postgresql.util.PSQLException;

/**
 * PostgreSQL: URLs {@code postgres://user:pass@host:5432/db?sslmode=disable} (also {@code postgresql://}).
 * Databases are created and dropped through the server's {@code postgres} maintenance database.
 */
public final class PostgresEngine implements Engine {

    /** The catalogs' unique name indexes, on which two sessions creating the same object collide. */
    private static final List<String> CATALOG_NAME_INDEXES = List.of("pg_type_typname_nsp_index",
            "pg_class_relname_nsp_index", "pg_namespace_nspname_index");


    /**
     * Database statements, and subscriptions: one connects to its publisher (creating a replication slot there and
     * copying its tables) as soon as it is created, which a replay in a scratch database must not do.
     */
    // A class, not a lambda: the class-data cache keeps no lambda of WriteGuard (docs/architecture.md §8).
    private static final WriteGuard GUARD = new WriteGuard() {
        @Override
        public Optional<String> foreignWrite(ParsedSql statement) {
            return WriteTargets.databaseStatement(statement, Set.of("DATABASE"))
                    .map(head -> head + " acts on a database of its own")
                    .or(() -> WriteTargets.startsWith(statement, "CREATE", "SUBSCRIPTION")
                            ? Optional.of("CREATE SUBSCRIPTION connects to another server, its publisher; create "
                                    + "subscriptions outside migrations")
                            : Optional.empty());
        }
    };

    private static final String DUPLICATE_DATABASE = "42P04";
    /** Implicit and assignment casts by type names without modifiers, as the dump writes them (bpchar as character). */
    private static final String CASTS = "SELECT replace(format_type(castsource, NULL), 'bpchar', 'character'), "
            + "replace(format_type(casttarget, NULL), 'bpchar', 'character') FROM pg_cast WHERE castcontext IN ('i', 'a')";
    /** The materialized views not populated (created WITH NO DATA, never refreshed), named as the dump names them. */
    private static final String UNPOPULATED = "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'm' AND NOT c.relispopulated";
    /** The driver's line for the error's offset in the statement (pgjdbc's ServerErrorMessage.toString). */
    private static final Pattern POSITION = Pattern.compile("\\n\\s*Position: \\d+");
    private static final Pattern ROLE_EXISTS = Pattern.compile("(role \"([^\"]+)\") already exists");
    /** A role another session created while this one's CREATE ROLE waited on it: the unique index says so. */
    private static final Pattern ROLE_CREATED_MEANWHILE = Pattern.compile(
            "\"pg_authid_rolname_index\"[\\s\\S]*Key \\(rolname\\)=\\((.+)\\) already exists");
    /** A database that {@code DROP ROLE}'s detail names: {@code 8 objects in database x}. */
    private static final Pattern IN_DATABASE = Pattern.compile(" in database (\\S+)");
    private static final Pattern ROLE_DEPENDED_ON = Pattern.compile(
            "(role \"([^\"]+)\") cannot be dropped because some objects depend on it");


    /** Dollar-quoted bodies, {@code E'...'} escape strings and nested block comments. */
    static final SqlDialect DIALECT = SqlDialect.of(Feature.DOLLAR_QUOTES, Feature.ESCAPE_STRINGS,
            Feature.NESTED_BLOCK_COMMENTS, Feature.SEMICOLONS_IN_PARENTHESES);

    private static final CiService CI = new CiService("postgres", "postgres:16",
            Map.of("POSTGRES_PASSWORD", "postgres"), 5432, "pg_isready",
            "postgres://postgres:postgres@%s:5432/postgres?sslmode=disable");

    /** Whether dumps carry privileges ({@link PrivilegeReader}): unless a target's config.toml says otherwise. */
    private final boolean privileges;

    public PostgresEngine() {
        this(true);
    }

    private PostgresEngine(boolean privileges) {
        this.privileges = privileges;
    }

    @Override
    public String id() {
        return "postgres";
    }

    @Override
    public List<String> aliases() {
        return List.of("postgresql");
    }

    @Override
    public Optional<String> earlierDumpText(byte[] text) {
        return PostgresEarlierDumps.statedIn(text);
    }

    @Override
    public boolean dumpHidesStateFor(List<Section> prefixUps, List<Section> tail) {
        return UnpopulatedViews.hiddenFrom(prefixUps, tail);
    }

    @Override
    public String pastedParameter(String key, String pair) {
        return PostgresPastedParameters.pasted(key, pair);
    }

    @Override
    public List<String> trainedDriverClasses() {
        return List.of("org/postgresql/");
    }

    @Override
    public SqlDialect dialect() {
        return DIALECT;
    }

    @Override
    public String quote(String identifier) {
        return Identifiers.quoted('"', identifier);
    }

    /**
     * Reads the server's implicit and assignment casts, the type changes drafts make ({@link PostgresColumn}), and its
     * materialized views not populated, which drafts create {@code WITH NO DATA}.
     */
    @Override
    public DraftDialect draft(Connection connection) throws SQLException {
        Set<String> casts = new HashSet<>();
        Set<String> unpopulated = new HashSet<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(CASTS)) {
                while (rows.next()) {
                    casts.add(rows.getString(1) + "\n" + rows.getString(2));
                }
            }
            try (ResultSet rows = statement.executeQuery(UNPOPULATED)) {
                while (rows.next()) {
                    unpopulated.add(rows.getString(1));
                }
            }
        }
        return new PostgresDraftDialect(casts, unpopulated);
    }

    @Override
    public LintDialect lint() {
        return new PostgresLintDialect();
    }

    @Override
    public Optional<CiService> ciService() {
        return Optional.of(CI);
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public boolean oneQueryIsOneTransaction() {
        return true;
    }

    @Override
    public boolean batchesStatements() {
        return true;
    }

    /**
     * Without the driver's {@code Position: N} line: an offset within the statement, which reads like one in the file
     * beside the file's line that {@link #failedLine} already derived from it.
     */
    @Override
    public String failureMessage(SQLException failure) {
        String message = failure.getMessage();
        return message == null ? null : POSITION.matcher(message).replaceAll("");
    }

    /**
     * 42710 duplicate_object, for a role (a tablespace is not created by migrations that replay), or 23505 on
     * {@code pg_authid}'s names, when another session committed the role while this one's {@code CREATE} waited.
     */
    @Override
    public Optional<ServerObjectExists> serverObjectExists(SQLException failure) {
        String message = String.valueOf(failure.getMessage());
        Matcher role = ROLE_EXISTS.matcher(message);
        if ("42710".equals(failure.getSQLState()) && role.find()) {
            return Optional.of(new ServerObjectExists(role.group(1), "wrap the statement in `DO $$ BEGIN CREATE ROLE "
                    + role.group(2) + " ...; EXCEPTION WHEN duplicate_object THEN NULL; END $$`"));
        }
        Matcher meanwhile = ROLE_CREATED_MEANWHILE.matcher(message);
        if ("23505".equals(failure.getSQLState()) && meanwhile.find()) {
            return Optional.of(new ServerObjectExists("role \"" + meanwhile.group(1) + "\"", "wrap the statement in "
                    + "`DO $$ BEGIN CREATE ROLE " + meanwhile.group(1) + " ...; EXCEPTION WHEN duplicate_object OR "
                    + "unique_violation THEN NULL; END $$` (another session created it while this one was creating it)"));
        }
        // objects of this database are the file's to drop first; only another database's are the server's
        Matcher dependedOn = ROLE_DEPENDED_ON.matcher(message);
        if ("2BP01".equals(failure.getSQLState()) && dependedOn.find() && message.contains(" in database ")) {
            String guard = "drop it only where nothing depends on it: `DO $$ BEGIN DROP ROLE " + dependedOn.group(2)
                    + "; EXCEPTION WHEN dependent_objects_still_exist THEN NULL; END $$`";
            return Optional.of(new ServerObjectExists(dependedOn.group(1), anchorsDependingOn(message, guard), true));
        }
        return Optional.empty();
    }

    /**
     * The way out of a {@code DROP ROLE} that the databases in {@code message} depend on, where some are Matey's
     * anchor templates (docs/architecture.md §6): those hold the grants of the checkpoint they keep, and any replay
     * builds them again, so they are named as Matey's cache with the statement that drops them; {@code guard} when
     * none is, and after them when other databases depend on the role too.
     */
    private static String anchorsDependingOn(String message, String guard) {
        List<String> anchors = new ArrayList<>();
        boolean others = false;
        Matcher database = IN_DATABASE.matcher(message);
        while (database.find()) {
            if (database.group(1).startsWith(TemplateName.PREFIX)) {
                anchors.add(database.group(1));
            } else {
                others = true;
            }
        }
        if (anchors.isEmpty()) {
            return guard;
        }
        StringBuilder drops = new StringBuilder();
        anchors.forEach(anchor -> drops.append(drops.isEmpty() ? "" : " ").append("DROP DATABASE ").append(anchor)
                .append(';'));
        String cache = String.join(", ", anchors) + (anchors.size() == 1 ? " is" : " are") + " Matey's replay cache "
                + "(the template of the last anchor checkpoint of a replay on this server, which holds the grants the "
                + "migrations gave; the next replay builds it again): drop " + (anchors.size() == 1 ? "it" : "them")
                + " with `" + drops + "`";
        return others ? cache + "; for the other databases, " + guard : cache;
    }

    /**
     * Two sessions creating the same type, relation or schema both pass the "exists already" check; the loser then
     * meets the winner's row in the catalog's name index.
     */
    @Override
    public boolean lostCreationRace(SQLException failure) {
        String message = failure.getMessage();
        return "23505".equals(failure.getSQLState()) && message != null && CATALOG_NAME_INDEXES.stream()
                .anyMatch(message::contains);
    }

    /**
     * A value the server points at in the statement's text (a default's literal, a cast in an UPDATE) is the
     * file's; only a value it met in a row, which it gives no position for, is the data's.
     */
    @Override
    public boolean failedOnData(SQLException failure) {
        return Engine.super.failedOnData(failure) && (failure.getSQLState().startsWith("23") || position(failure) <= 0);
    }

    /** The server gives the 1-based character position of the error in the statement, when it has one. */
    @Override
    public int failedLine(SqlStatement statement, SQLException failure) {
        int position = position(failure);
        if (position <= 0 || position > statement.sql().codePointCount(0, statement.sql().length())) {
            return statement.line();
        }
        return statement.lineAt(statement.sql().offsetByCodePoints(0, position - 1));
    }

    private static int position(SQLException failure) {
        return failure instanceof PSQLException e && e.getServerErrorMessage() != null
                ? e.getServerErrorMessage().getPosition() : 0;
    }

    @Override
    public Connection connect(MateyUrl url) throws SQLException {
        return new PostgresConnector(url).connect();
    }

    @Override
    public Optional<Connection> connectIfExists(MateyUrl url) throws SQLException {
        return new PostgresConnector(url).connectIfExists();
    }

    @Override
    public boolean databaseExists(MateyUrl url) throws SQLException {
        PostgresConnector connector = new PostgresConnector(url);
        try (Connection c = connector.connectMaintenance();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, connector.database());
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
        // Created first and checked only on failure: callers mostly create a database they just found missing,
        // and a maintenance connection and query fewer is felt in db up's start-up.
        try {
            maintenance(url, "CREATE DATABASE %s");
            return true;
        } catch (SQLException e) {
            // It exists (another process may have just created it): a login without CREATEDB is fine then.
            if (DUPLICATE_DATABASE.equals(e.getSQLState()) || databaseExists(url)) {
                return false;
            }
            throw e;
        }
    }

    /** Ordinary tables, partitions included (a partitioned table holds no rows of its own), of every user schema. */
    @Override
    public Optional<String> baseTablesQuery() {
        return Optional.of("SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.relkind = 'r' AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'");
    }

    @Override
    public boolean copiesDatabases() {
        return true;
    }

    /**
     * {@code CREATE DATABASE ... TEMPLATE}, which copies the files (block by block through the WAL since
     * PostgreSQL 15) instead of re-running the migrations, and which no session may share with the source.
     */
    @Override
    public void createCopy(MateyUrl url, MateyUrl source) throws SQLException {
        String template = TemplateCache.quote(new PostgresConnector(source).database());
        try (Connection c = new PostgresConnector(url).connectMaintenance(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + TemplateCache.quote(new PostgresConnector(url).database()) + " TEMPLATE "
                    + template);
        }
    }

    /** Drops with {@code FORCE}: scratch databases must go even when a crashed run left a session behind. */
    @Override
    public void dropDatabase(MateyUrl url) throws SQLException {
        maintenance(url, "DROP DATABASE IF EXISTS %s WITH (FORCE)");
    }

    /**
     * PostgreSQL refuses to drop a database holding a subscription, so those a replayed migration created are
     * dropped first, detached from their replication slot: cleaning up never connects to another server.
     */
    @Override
    public void dropScratchDatabase(MateyUrl url) throws SQLException {
        if (databaseExists(url)) {
            try (Connection c = connect(url)) {
                ScratchSubscriptions.drop(c);
            }
        }
        dropDatabase(url);
    }

    @Override
    public java.util.List<String> databasesNamed(MateyUrl base, String prefix) throws SQLException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Connection c = new PostgresConnector(base).connectMaintenance();
                PreparedStatement ps = c.prepareStatement("SELECT datname FROM pg_database WHERE starts_with(datname, ?) "
                        + "AND NOT datistemplate ORDER BY datname")) {
            ps.setString(1, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static void maintenance(MateyUrl url, String template) throws SQLException {
        PostgresConnector connector = new PostgresConnector(url);
        String name = "\"" + connector.database().replace("\"", "\"\"") + "\"";
        try (Connection c = connector.connectMaintenance(); Statement st = c.createStatement()) {
            st.execute(template.formatted(name));
        }
    }

    @Override
    public ServerRoles serverRoles() {
        return new PostgresRoles();
    }

    @Override
    public MateyUrl siblingUrl(MateyUrl base, String name) {
        return base.withPath(name);
    }

    /**
     * A PostgreSQL statement cannot write to another database (dblink and foreign tables write through
     * connections of their own and are not analysed); only the statements that manage databases name one.
     */
    @Override
    public WriteGuard writeGuard() {
        return GUARD;
    }

    /** Found on the search path, where it is created next to {@code schema_migrations}. */
    private static final ProgressTable PROGRESS = MigrationProgress.checkedBy(
            "SELECT 1 WHERE to_regclass('" + MigrationProgress.TABLE + "') IS NOT NULL");

    @Override
    public ProgressTable progressTable() {
        return PROGRESS;
    }

    @Override
    public SessionBaseline captureSession(Connection connection) throws SQLException {
        return PostgresSessionBaseline.capture(connection);
    }

    @Override
    public MigrationTable migrationTable() {
        return PostgresMigrationTable.DEFAULT;
    }

    @Override
    public MigrationTable migrationTable(String name) {
        return PostgresMigrationTable.named(name);
    }

    @Override
    public boolean provablyEmpty(Connection connection) throws SQLException {
        return EmptyDatabase.proven(new Catalog(connection));
    }

    @Override
    public String expectedIn(Connection connection, String expected) throws SQLException {
        return privileges ? ImplicitDefaultRole.in(connection, expected) : expected;
    }

    @Override
    public Optional<Engine> withoutPrivileges() {
        return Optional.of(privileges ? new PostgresEngine(false) : this);
    }

    @Override
    public String dumpSchema(Connection connection) throws SQLException {
        return dumpSchema(connection, MigrationTable.NAME);
    }

    @Override
    public String dumpSchema(Connection connection, String migrationsTable) throws SQLException {
        return new PostgresSchemaDumper(connection, PostgresMigrationTable.named(migrationsTable).relationName(), 0,
                privileges, null).dump();
    }

    @Override
    public String dumpSchemaReporting(Connection connection, Consumer<String> unloadable) throws SQLException {
        return new PostgresSchemaDumper(connection, PostgresMigrationTable.DEFAULT.relationName(), 0, privileges,
                unloadable).dump();
    }

    @Override
    public String dumpSchema(Connection connection, Leftover leftover) throws SQLException {
        return new PostgresSchemaDumper(connection, PostgresMigrationTable.DEFAULT.relationName(),
                ((InvalidIndex) leftover).oid(), privileges, null).dump();
    }

    @Override
    public Optional<Leftover> leftoverOf(Connection connection, SqlStatement statement) throws SQLException {
        return InvalidIndex.leftOverBy(connection, statement).map(Leftover.class::cast);
    }

    /**
     * Loads with {@code check_function_bodies} off, as pg_restore does: the catalog records no dependency for
     * what a SQL function's string body references, so a dump may create it before the objects it names. The
     * bodies were checked when first created; the session's own setting is back for the migrations that follow.
     * Where the schema the dump's migrations block creates its table in exists, the table is created first, as on
     * every engine; else that schema is created just before the block: not before the rest, which creates that
     * schema itself where it holds more than the table (docs/architecture.md §3). The block is then loaded after as
     * many empty lines as precede it, so that a failure names its line.
     */
    @Override
    public void load(Connection connection, String dump) throws SQLException {
        int block = PostgresMigrationTable.blockStart(dump);
        SessionSettings.with(connection, Map.of("check_function_bodies", "off"), () -> {
            if (PostgresMigrationTable.blockSchemaExists(connection, dump.substring(block))) {
                Engine.super.load(connection, dump);
                return null;
            }
            Engine.super.load(connection, dump.substring(0, block));
            PostgresMigrationTable.prepareBlock(connection, dump.substring(block));
            Engine.super.load(connection, dump.substring(0, block).replaceAll("[^\n]", "") + dump.substring(block));
            return null;
        });
    }

    /** pgjdbc's cancel request, on a connection of its own, for whatever the session runs. */
    @Override
    public void cancelRunning(Connection connection) throws SQLException {
        connection.unwrap(BaseConnection.class).cancelQuery();
    }

    @Override
    public boolean createFromCachedDump(MateyUrl url, String cacheGroup, String dump) throws SQLException {
        return new TemplateCache(this).create(url, cacheGroup, dump);
    }

    @Override
    public MigrationLock lockMigrations(Connection connection, Duration timeout, LockWaiting waiting) throws SQLException {
        return AdvisoryLock.acquire(connection, timeout, waiting);
    }
}
