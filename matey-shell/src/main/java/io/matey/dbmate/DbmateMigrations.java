package io.matey.dbmate;

import io.matey.engine.Engine;
import io.matey.engine.MigrationRunner;
import io.matey.engine.MigrationTable;
import io.matey.error.MateyException;
import io.matey.lint.RunnableMigrations;
import io.matey.migration.Migration;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * dbmate's verbs on migrations: up, migrate, rollback and status. Each section runs with its version row in one
 * transaction unless {@code transaction:false} (Matey's {@link MigrationRunner}); like dbmate, without a migration
 * lock. Versions are kept in the table {@code --migrations-table} names ({@code schema_migrations} by default).
 * The schema file is written afterwards unless {@code --no-dump-schema}. Like dbmate, a file it refuses (statements
 * before the up marker, no up or no down marker) or fails on (several statements in a {@code transaction:false}
 * section, one of them refused in a transaction block) stops the run when its turn comes (docs/architecture.md §9).
 */
final class DbmateMigrations {

    private final DbmateDatabase database;
    private final Engine engine;
    private final DbmateSettings settings;
    private final MigrationTable table;
    private final PrintStream out;

    DbmateMigrations(DbmateDatabase database, DbmateSettings settings, PrintStream out) {
        this.database = database;
        this.engine = database.engine();
        this.settings = settings;
        this.table = engine.migrationTable(settings.migrationsTable());
        this.out = out;
    }

    int run(DbmateArguments arguments) throws SQLException {
        List<Migration> migrations = MigrationFiles.in(settings.migrationsDirs());
        return switch (arguments.verb()) {
            case "up" -> {
                if (!database.exists()) {
                    database.create();
                }
                yield migrate(migrations, "up");
            }
            case "migrate" -> migrate(migrations, "migrate");
            case "rollback" -> rollback(migrations, count(arguments.positional()));
            default -> status(migrations, arguments.verbFlags());
        };
    }

    private int migrate(List<Migration> migrations, String verb) throws SQLException {
        if (migrations.isEmpty()) {
            // dbmate's error too: a directory without migrations is more likely a wrong --migrations-dir than a no-op
            throw new MateyException("no migration files found in " + settings.migrationsDirs().stream()
                    .map(GivenPath::given).collect(Collectors.joining(", "))
                    + " (*.sql files whose names start with a version number)");
        }
        try (Connection connection = database.connect()) {
            table.ensure(connection);
            Set<String> applied = new HashSet<>(table.appliedVersions(connection));
            List<Migration> pending = migrations.stream().filter(m -> !applied.contains(m.version())).toList();
            if (settings.strict()) {
                refuseOutOfOrder(pending, applied);
            }
            MigrationRunner runner = new MigrationRunner(engine, table, connection);
            for (Migration migration : pending) {
                out.println("Applying: " + migration.file());
                RunnableMigrations.requireDbmateRuns(migration, engine, verb);
                Duration took = runner.up(migration);
                printVerbose(runner);
                out.println("Applied: " + migration.file() + " in " + GoDuration.format(took));
            }
            dumpUnlessTold(connection);
        }
        return 0;
    }

    private static void refuseOutOfOrder(List<Migration> pending, Set<String> applied) {
        String latest = applied.stream().max(String::compareTo).orElse("");
        for (Migration migration : pending) {
            if (migration.version().compareTo(latest) < 0) {
                throw new MateyException("migration `" + migration.file() + "` is out of order with already applied "
                        + "migrations, the version of the last applied migration is " + latest);
            }
        }
    }

    private static int count(List<String> positional) {
        if (positional.isEmpty()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(positional.get(0));
            if (n >= 1 && positional.size() == 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MateyException("rollback takes an optional count of migrations (a positive number), got: "
                + String.join(" ", positional));
    }

    private int rollback(List<Migration> migrations, int count) throws SQLException {
        try (Connection connection = database.connect()) {
            List<String> applied = table.appliedVersions(connection);
            if (applied.isEmpty()) {
                throw new MateyException("can't rollback: no migrations have been applied");
            }
            if (count > applied.size()) {
                throw new MateyException("can't rollback " + count + " migrations: only " + applied.size()
                        + " have been applied");
            }
            Map<String, Migration> byVersion = migrations.stream()
                    .collect(Collectors.toMap(Migration::version, Function.identity(), (a, b) -> a));
            List<Migration> undo = new ArrayList<>();
            List<String> latest = new ArrayList<>(applied.subList(applied.size() - count, applied.size()));
            Collections.reverse(latest);
            for (String version : latest) {
                Migration migration = byVersion.get(version);
                if (migration == null) {
                    // dbmate would roll back the latest migration that has a file, leaving this one applied under it
                    throw new MateyException("can't find migration file for applied version " + version + " in "
                            + settings.migrationsDirs().stream().map(GivenPath::given).collect(Collectors.joining(", "))
                            + "; nothing was rolled back. Restore the file (from version control) and run again: "
                            + "rolling back an older migration while this one stays applied could fail or lose data.");
                }
                undo.add(migration);
            }
            MigrationRunner runner = new MigrationRunner(engine, table, connection);
            for (Migration migration : undo) {
                out.println("Rolling back: " + migration.file());
                RunnableMigrations.requireDbmateRuns(migration, engine, "rollback");
                InexactRollbacks.warning(settings.migrationsDirs(), migration).ifPresent(out::println);
                Duration took = runner.down(migration);
                printVerbose(runner);
                out.println("Rolled back: " + migration.file() + " in " + GoDuration.format(took));
            }
            dumpUnlessTold(connection);
        }
        return 0;
    }

    /** dbmate's {@code --verbose} line; its "Last insert ID" line is not printed (JDBC does not report it for DDL). */
    private void printVerbose(MigrationRunner runner) {
        if (settings.verbose()) {
            out.println("Rows affected: " + runner.rowsAffected());
        }
    }

    private void dumpUnlessTold(Connection connection) throws SQLException {
        if (!settings.noDumpSchema()) {
            database.writeSchema(connection);
        }
    }

    private int status(List<Migration> migrations, Set<String> flags) throws SQLException {
        Set<String> applied;
        try (Connection connection = database.connect()) {
            applied = new HashSet<>(table.appliedVersions(connection));
        }
        boolean quiet = flags.contains("quiet");
        long pending = migrations.stream().filter(m -> !applied.contains(m.version())).count();
        if (!quiet) {
            StringBuilder text = new StringBuilder();
            migrations.forEach(m -> text.append(applied.contains(m.version()) ? "[X] " : "[ ] ").append(m.file())
                    .append('\n'));
            text.append("\nApplied: ").append(migrations.size() - pending).append("\nPending: ").append(pending);
            out.println(text);
        }
        return (quiet || flags.contains("exit-code")) && pending > 0 ? 1 : 0;
    }
}
