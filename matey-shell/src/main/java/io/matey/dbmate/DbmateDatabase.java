package io.matey.dbmate;

import io.matey.engine.Engine;
import io.matey.engine.MateyUrl;
import io.matey.engine.RunningStatements;
import io.matey.error.FileFailure;
import io.matey.error.MateyException;
import io.matey.schema.SchemaDump;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** dbmate's verbs on the database as a whole: create, drop, wait, dump and load, with dbmate's output lines. */
final class DbmateDatabase {

    private final Engine engine;
    private final MateyUrl url;
    private final DbmateSettings settings;
    private final PrintStream out;

    DbmateDatabase(Engine engine, MateyUrl url, DbmateSettings settings, PrintStream out) {
        this.engine = engine;
        this.url = url;
        this.settings = settings;
        this.out = out;
    }

    Engine engine() {
        return engine;
    }

    boolean exists() throws SQLException {
        return engine.databaseExists(url);
    }

    /** Creates the database; like dbmate, an existing server database is an error, an existing SQLite file is not. */
    int create() throws SQLException {
        out.println("Creating: " + url.path());
        if (!url.isFile() && exists()) {
            throw new MateyException("database \"" + url.path() + "\" already exists (" + url + ")");
        }
        engine.createDatabase(url);
        return 0;
    }

    int drop() throws SQLException {
        out.println("Dropping: " + url.path());
        engine.dropDatabase(url);
        return 0;
    }

    /** Connects to the database, which must exist on a server; a SQLite file is created, as dbmate's driver does. */
    Connection connect() throws SQLException {
        if (url.isFile()) {
            engine.createDatabase(url);
        } else if (!exists()) {
            throw new MateyException("database \"" + url.path() + "\" does not exist (" + url
                    + "); `matey dbmate create` or `matey dbmate up` creates it");
        }
        return RunningStatements.cancellable(engine, engine.connect(url));
    }

    /** Waits until the server answers (a SQLite file needs no waiting), printing a dot per failed attempt. */
    int waitForServer() throws SQLException {
        if (url.isFile()) {
            return 0;
        }
        // dbmate's loop: attempt, sleep an interval, and give up once the intervals slept reach the timeout
        Duration slept = Duration.ZERO;
        boolean waiting = false;
        while (true) {
            try {
                engine.databaseExists(url);
                if (waiting) {
                    out.println();
                }
                return 0;
            } catch (SQLException e) {
                if (!waiting) {
                    out.print("Waiting for database");
                    waiting = true;
                }
                out.print(".");
                out.flush();
                sleep();
                slept = slept.plus(settings.waitInterval());
                if (slept.compareTo(settings.waitTimeout()) >= 0) {
                    out.println();
                    // the last attempt's failure, worded as the same failure without --wait (Dbmate.run)
                    throw e;
                }
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(settings.waitInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MateyException("Interrupted while waiting for database " + url + ".");
        }
    }

    int dump() throws SQLException {
        try (Connection connection = connect()) {
            writeSchema(connection);
        }
        return 0;
    }

    /** Writes the schema file: Matey's canonical dump followed by the dbmate migrations block. */
    void writeSchema(Connection connection) throws SQLException {
        Path file = settings.schemaFile().path();
        out.println("Writing: " + settings.schemaFile());
        String dump = SchemaDump.dump(engine, settings.migrationsTable(), connection);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, dump, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MateyException("Cannot write schema file " + settings.schemaFile() + ": "
                    + FileFailure.detail(file, e));
        }
    }

    int load() throws SQLException {
        Path file = settings.schemaFile().path();
        String text;
        // as in dbmate, a missing file fails before the "Reading:" line, which a script may take for a start
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new MateyException("schema file " + settings.schemaFile() + " does not exist; `matey dbmate dump` writes one.");
        } catch (IOException e) {
            throw new MateyException("Cannot read schema file " + settings.schemaFile() + ": " + e.getMessage());
        }
        out.println("Reading: " + settings.schemaFile());
        String sql = PsqlMetaCommands.strip(text, settings.schemaFile());
        try (Connection connection = connect()) {
            engine.loadAtomically(connection, sql);
        }
        return 0;
    }
}
