package io.matey.live;

import io.matey.engine.Engine;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.schema.SchemaDump;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A database that holds schema objects while {@code schema_migrations} records no version predates Matey: running
 * the first migration over it would fail on an object that already exists, so {@code db up|migrate} refuse it up
 * front and point at {@code db adopt}, as Flyway refuses a non-empty schema without history (docs/architecture.md §7);
 * {@code db status|drift|plan} report it with the same words.
 * One that holds only privileges was given them outside the migrations: adopting is no way out of that.
 */
final class UnrecordedSchema {

    private UnrecordedSchema() {
    }

    /** True when the live schema is not the engine's empty baseline ({@code schema_migrations} itself aside). */
    static boolean holdsObjects(Engine engine, Connection connection) throws SQLException {
        return !engine.provablyEmpty(connection)
                && !SchemaDump.sameSchema(engine.dumpSchema(connection), engine.zeroBaseline());
    }

    /**
     * Refuses before anything is created or recorded when no version is recorded and the schema is not empty; the
     * caller asks only when no section was interrupted (that refusal says more).
     */
    static void refuse(LiveTarget target, Connection connection, String command) throws SQLException {
        Engine engine = target.engine();
        if (!unrecorded(engine, connection)) {
            return;
        }
        if (onlyPrivileges(engine, connection)) {
            throw new MateyException(Reason.DATABASE_NOT_EMPTY, target.opening(command) + " refused: " + privilegesOnly(target)
                    + " Nothing was changed.");
        }
        throw new MateyException(Reason.DATABASE_NOT_EMPTY, target.opening(command) + " refused: " + predates(target)
                + " Nothing was changed.");
    }

    /**
     * The one test every command makes: no version is recorded while the schema holds objects, not privileges
     * alone. The reports ({@code db status|drift|plan}) say then what {@code db up} refuses with.
     */
    static boolean predatesMatey(Engine engine, Connection connection) throws SQLException {
        return unrecorded(engine, connection) && !onlyPrivileges(engine, connection);
    }

    private static boolean unrecorded(Engine engine, Connection connection) throws SQLException {
        return engine.migrationTable().appliedVersions(connection).isEmpty() && holdsObjects(engine, connection);
    }

    /** What a database that {@link #predatesMatey predates Matey} is and the way forward: {@code db adopt}. */
    static String predates(LiveTarget target) {
        return target.endpoint() + " holds schema objects but records no migrations: it predates Matey. Adopt it: `"
                + LiveAdopt.command(target) + "` (a dry run) then with `--apply`, which finds the committed state it "
                + "equals and records its versions; in a Spring Boot app set `matey.adopt-on-startup=true`.";
    }

    /**
     * Why a database that {@link #onlyPrivileges holds only privileges} is not empty: they were given outside the
     * migrations, and a target whose privileges are managed so says {@code privileges = false}.
     */
    static String privilegesOnly(LiveTarget target) {
        return target.endpoint() + " records no migrations and holds no schema objects, but privileges other than "
                + "those a new database starts with (a DBA's grant on the public schema, default privileges): "
                + "schema.sql holds the privileges the migrations give, so once migrated it would differ from it. "
                + "Give them in a migration, or, where privileges are managed outside the migrations, set "
                + "`privileges = false` in the config.toml of target " + target.name()
                + " (README: Privileges, under Engine notes).";
    }

    /** Whether the schema without its privileges is the empty baseline: a database given privileges only. */
    static boolean onlyPrivileges(Engine engine, Connection connection) throws SQLException {
        Optional<Engine> without = engine.withoutPrivileges();
        return without.isPresent()
                && SchemaDump.sameSchema(without.get().dumpSchema(connection), without.get().zeroBaseline());
    }
}
