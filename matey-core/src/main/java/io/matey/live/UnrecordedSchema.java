package io.matey.live;

import io.matey.engine.Engine;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.schema.SchemaDump;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A database that holds schema objects while {@code schema_migrations} records no version predates Matey: running
 * the first migration over it would fail on an object that already exists, so {@code db up|migrate} refuse it up
 * front and point at {@code db adopt}, as Flyway refuses a non-empty schema without history (docs/architecture.md §7).
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
        if (!engine.migrationTable().appliedVersions(connection).isEmpty() || !holdsObjects(engine, connection)) {
            return;
        }
        String adopt = LiveAdopt.command(target);
        throw new MateyException(Reason.DATABASE_NOT_EMPTY, command + " refused: " + target.endpoint()
                + " holds schema objects but records no migrations: it predates Matey. Adopt it: `" + adopt
                + "` (a dry run) then with `--apply`, which finds the committed state it equals and records its "
                + "versions; in a Spring Boot app set `matey.adopt-on-startup=true`. Nothing was changed.");
    }
}
