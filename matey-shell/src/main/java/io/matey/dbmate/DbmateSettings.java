package io.matey.dbmate;

import io.matey.engine.MateyUrl;
import io.matey.engine.MigrationTable;
import io.matey.error.MateyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a dbmate command runs with, after {@code .env} files: each flag, else its {@code DBMATE_*} variable, else
 * dbmate's default; the URL from {@code --url}, else the variable {@code --env} names ({@code DATABASE_URL}).
 */
record DbmateSettings(String urlText, String urlVariable, List<GivenPath> envFiles, List<GivenPath> migrationsDirs,
        String migrationsTable, GivenPath schemaFile, boolean noDumpSchema, boolean waitFirst, Duration waitTimeout,
        Duration waitInterval, boolean strict, boolean verbose) {

    /** The {@code --env-file} files given, else dbmate's default {@code .env}. */
    static List<GivenPath> envFiles(DbmateArguments args, Path cwd) {
        return (args.envFiles().isEmpty() ? List.of(".env") : args.envFiles()).stream()
                .map(f -> GivenPath.of(f, cwd)).toList();
    }

    /** {@code env} already holds the variables of {@code envFiles}; they are kept to name them when the URL is not set. */
    static DbmateSettings resolve(DbmateArguments args, Map<String, String> env, List<GivenPath> envFiles, Path cwd) {
        String table = value(args, env, "migrations-table", "DBMATE_MIGRATIONS_TABLE", MigrationTable.NAME).strip();
        if (table.isEmpty()) {
            throw new MateyException("--migrations-table (or DBMATE_MIGRATIONS_TABLE) is empty; name the table that "
                    + "records applied versions, or leave it unset for " + MigrationTable.NAME + ".");
        }
        String variable = args.globals().getOrDefault("env", "DATABASE_URL");
        // an empty --url is unset for dbmate (urfave/cli), so the variable still counts
        String given = args.globals().getOrDefault("url", "");
        String url = withDriver(value(args, env, "driver", "DBMATE_DRIVER", ""),
                (given.isEmpty() ? env.getOrDefault(variable, "") : given).strip());
        List<String> dirs = args.migrationsDirs();
        if (dirs.isEmpty()) {
            dirs = DbmateArguments.listValue(env.getOrDefault("DBMATE_MIGRATIONS_DIR", "./db/migrations"));
        }
        return new DbmateSettings(url.strip(), variable, envFiles, dirs.stream().map(d -> GivenPath.of(d, cwd)).toList(),
                table,
                GivenPath.of(value(args, env, "schema-file", "DBMATE_SCHEMA_FILE", "./db/schema.sql"), cwd),
                flag(args, env, "no-dump-schema", "DBMATE_NO_DUMP_SCHEMA"), flag(args, env, "wait", "DBMATE_WAIT"),
                GoDuration.parse("--wait-timeout", value(args, env, "wait-timeout", "DBMATE_WAIT_TIMEOUT", "1m")),
                GoDuration.parse("--wait-interval", value(args, env, "wait-interval", "DBMATE_WAIT_INTERVAL", "1s")),
                args.verbFlags().contains("strict") || truthy(env.get("DBMATE_STRICT")),
                args.verbFlags().contains("verbose") || truthy(env.get("DBMATE_VERBOSE")));
    }

    /**
     * dbmate's {@code --driver}: the engine named instead of the one the URL's scheme derives, so the URL keeps
     * everything but its scheme ({@code --driver postgres} with {@code redshift://h/db} is {@code postgres://h/db}).
     */
    private static String withDriver(String driver, String url) {
        int colon = url.indexOf(':');
        if (driver.isEmpty() || colon < 0) {
            return url;
        }
        return driver.strip() + url.substring(colon);
    }

    /** The database URL; dbmate's own words when it is missing, naming the env files read and those missing. */
    MateyUrl url() {
        if (urlText.isEmpty()) {
            List<String> missing = envFiles.stream().filter(f -> !Files.exists(f.path())).map(GivenPath::given)
                    .toList();
            throw new MateyException("invalid url, have you set your --url flag or " + urlVariable
                    + " environment variable (or " + urlVariable + " in "
                    + String.join(" or ", envFiles.stream().map(GivenPath::given).toList()) + ")?"
                    + (missing.isEmpty() ? "" : " " + String.join(" and ", missing)
                            + (missing.size() == 1 ? " does" : " do") + " not exist."));
        }
        return MateyUrl.parse(urlText);
    }

    private static String value(DbmateArguments args, Map<String, String> env, String flag, String variable,
            String fallback) {
        String given = args.globals().get(flag);
        return given != null ? given : env.getOrDefault(variable, fallback);
    }

    private static boolean flag(DbmateArguments args, Map<String, String> env, String flag, String variable) {
        String given = args.globals().get(flag);
        return given != null ? truthy(given) : truthy(env.get(variable));
    }

    private static boolean truthy(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("t"));
    }
}
