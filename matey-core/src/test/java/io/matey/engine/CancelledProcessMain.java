package io.matey.engine;

import io.matey.migration.Migration;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A process whose interrupt handler has begun ({@link RunningStatements#cancelAll}) between two statements, for
 * {@link RunningStatementsTest}: in its own JVM, since nothing may run in a process once that has begun. Argument:
 * the database's URL. Prints what a migration and a schema load then did, one line each.
 */
public final class CancelledProcessMain {

    private CancelledProcessMain() {
    }

    public static void main(String[] args) throws SQLException {
        MateyUrl url = MateyUrl.parse(args[0]);
        Engine engine = Engines.forUrl(url);
        Migration migration = new Migration("migrations/001_t.sql", "001",
                "-- migrate:up\nCREATE TABLE t (x INTEGER);\n-- migrate:down\nDROP TABLE t;\n"
                        .getBytes(StandardCharsets.UTF_8));
        try (Connection connection = RunningStatements.cancellable(engine, engine.connect(url))) {
            engine.migrationTable().ensure(connection);
            RunningStatements.cancelAll(Duration.ofSeconds(3));
            try {
                new MigrationRunner(engine, engine.migrationTable(), connection).up(migration);
                System.out.println("up: ran");
            } catch (MigrationFailedException e) {
                System.out.println("up: refused");
            }
            try {
                engine.load(connection, "CREATE TABLE u (x INTEGER);\n");
                System.out.println("load: ran");
            } catch (SQLException e) {
                System.out.println("load: refused");
            }
        }
    }
}
