package io.matey.dbmate;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.migration.NewMigration;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code matey dbmate ...}: dbmate's verbs and flags, run natively on Matey's engines, so that a script's
 * {@code dbmate up} can become {@code matey dbmate up}. The URL comes from {@code --url} or {@code DATABASE_URL}
 * (also from {@code .env}), and the migrations directory, the migrations table ({@code schema_migrations} unless
 * {@code --migrations-table}) and the exit codes are dbmate's. Errors are {@link MateyException}s (exit 2, as
 * dbmate's).
 */
public final class Dbmate {

    static final String USAGE = """
            Usage: matey dbmate [global flags] <command> [command flags]

            dbmate's commands, run natively by Matey (no dbmate binary):
              new NAME       create <dir>/<UTC yyyyMMddHHmmss>_<name>.sql (name lower-cased, accents
                             dropped, other characters than a-z and 0-9 as _: 'Café Größe' -> cafe_grosse;
                             unlike dbmate, which keeps the name as given)
              up             create the database if missing, then migrate
              create         create the database
              drop           drop the database (if it exists)
              migrate        apply pending migrations (--strict: refuse out-of-order ones)
              rollback [N]   roll back the most recent migration (N: that many); alias down
                             up, migrate and rollback take --verbose, -v [DBMATE_VERBOSE] after the command:
                             print each section's "Rows affected" (dbmate's "Last insert ID" line is not
                             printed). Like dbmate, they stop at a file without up or down marker or with
                             statements before the up marker
              status         list applied and pending migrations (--exit-code: exit 1 when any is pending;
                             --quiet: print nothing, implies --exit-code)
              dump           write the schema file (Matey's canonical dump and the migrations block)
              load           load the schema file into the database
              wait           wait until the database server answers

            Global flags (before the command), each also read from the variable in brackets:
              --url, -u URL              database URL (default: the variable --env names)
              --env, -e NAME             variable holding the URL (default DATABASE_URL)
              --env-file FILE            file of variables to load, repeatable or comma-separated (default .env;
                                         set variables win)
              --migrations-dir, -d DIR   migrations directory, repeatable or comma-separated (default
                                         ./db/migrations) [DBMATE_MIGRATIONS_DIR]
              --schema-file, -s FILE     schema file (default ./db/schema.sql) [DBMATE_SCHEMA_FILE]
              --no-dump-schema           do not write the schema file after up/migrate/rollback [DBMATE_NO_DUMP_SCHEMA]
              --wait                     wait for the database before the command [DBMATE_WAIT]
              --wait-timeout DURATION    how long to wait (default 1m) [DBMATE_WAIT_TIMEOUT]
              --wait-interval DURATION   time between attempts (default 1s) [DBMATE_WAIT_INTERVAL]
              --driver NAME              engine to use instead of the URL's scheme (postgres, mysql, sqlite, ...)
                                         [DBMATE_DRIVER]
              --migrations-table NAME    table of applied versions (default schema_migrations; SQLite,
                                         PostgreSQL [schema.]name, MySQL) [DBMATE_MIGRATIONS_TABLE]
              --version, -v              print Matey's version and the dbmate release whose command line it follows
              --help, -h                 print this help
            """;

    /**
     * The dbmate release whose command line and output this follows, stated nowhere else: the interop tests run
     * the dbmate of npm beside it and check that it is this release.
     */
    static final String COMPATIBLE_DBMATE = "2.36.0";

    private final String mateyVersion;
    private final Map<String, String> environment;
    private final Path cwd;
    private final PrintStream out;
    private final Clock clock;

    /** dbmate's command words, which the session's Tab completes after {@code dbmate}. */
    public static List<String> commands() {
        return DbmateArguments.VERBS;
    }

    /** Whether a dbmate flag takes a value ({@code --url X}): the session's Tab then offers no verb for it. */
    public static boolean takesValue(String flag) {
        return DbmateArguments.takesValue(flag);
    }

    /**
     * For a flag whose value is a path, whether files are its values too ({@code --schema-file}, {@code --env-file})
     * or directories only ({@code --migrations-dir}); empty for any other flag.
     */
    public static Optional<Boolean> takesPath(String flag) {
        return switch (flag) {
            case "--migrations-dir", "-d" -> Optional.of(false);
            case "--schema-file", "-s", "--env-file" -> Optional.of(true);
            default -> Optional.empty();
        };
    }

    /** {@code mateyVersion}: how {@code matey --version} names this build, for {@code matey dbmate --version}. */
    public Dbmate(String mateyVersion, Map<String, String> environment, Path cwd, PrintStream out, Clock clock) {
        this.mateyVersion = mateyVersion;
        this.environment = environment;
        this.cwd = cwd.toAbsolutePath().normalize();
        this.out = out;
        this.clock = clock;
    }

    /** Runs one dbmate command line; returns its exit code: 0, or 1 from {@code status --exit-code|--quiet}. */
    public int run(List<String> args) {
        DbmateArguments arguments = DbmateArguments.parse(args);
        if (arguments.version()) {
            // Matey is not dbmate: its own version, then the release whose command line it answers to.
            out.println(mateyVersion + ", compatible with dbmate version " + COMPATIBLE_DBMATE);
            return 0;
        }
        if (arguments.help() || arguments.verb().equals("help")) {
            out.print(USAGE);
            return 0;
        }
        List<GivenPath> envFiles = DbmateSettings.envFiles(arguments, cwd);
        DbmateSettings settings = DbmateSettings.resolve(arguments,
                DotEnv.merge(environment, envFiles.stream().map(GivenPath::path).toList()), envFiles, cwd);
        if (arguments.verb().equals("new")) {
            return newMigration(arguments, settings);
        }
        MateyUrl url = settings.url();
        Engine engine = Engines.forUrl(url);
        DbmateDatabase database = new DbmateDatabase(engine, url, settings, out);
        try {
            if (settings.waitFirst() && !arguments.verb().equals("wait")) {
                database.waitForServer();
            }
            return switch (arguments.verb()) {
                case "create" -> database.create();
                case "drop" -> database.drop();
                case "wait" -> database.waitForServer();
                case "dump" -> database.dump();
                case "load" -> database.load();
                default -> new DbmateMigrations(database, settings, out).run(arguments);
            };
        } catch (SQLException e) {
            String cause = engine.maskedFailure(e);
            // the URL once: some connectors' messages already end with it
            throw new MateyException("dbmate " + arguments.verb() + " failed: " + cause
                    + (cause.contains(url.toString()) ? "" : " (" + url + ")"), e);
        }
    }

    private int newMigration(DbmateArguments arguments, DbmateSettings settings) {
        if (arguments.positional().isEmpty()) {
            throw new MateyException("please specify a name for the new migration");
        }
        GivenPath dir = settings.migrationsDirs().get(0);
        Path file = NewMigration.create(dir.path(), arguments.positional().get(0), clock);
        out.println("Creating migration: " + dir.child(file));
        return 0;
    }
}
