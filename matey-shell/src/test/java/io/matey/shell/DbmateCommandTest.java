package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.MateyUrl;
import io.matey.schema.SchemaDump;
import io.matey.testing.DbmateBinary;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * {@code matey dbmate} against the real dbmate binary on the same migrations and databases: each continues where
 * the other stopped, both record the same {@code schema_migrations}, and both exit alike on common failures.
 */
class DbmateCommandTest {

    @TempDir
    Path dir;

    private Path migrations() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(migrations.resolve("001_users.sql"),
                "-- migrate:up\nCREATE TABLE users (id INT PRIMARY KEY);\n\n-- migrate:down\nDROP TABLE users;\n");
        Files.writeString(migrations.resolve("002_teams.sql"),
                "-- migrate:up\nCREATE TABLE teams (id INT PRIMARY KEY);\n\n-- migrate:down\nDROP TABLE teams;\n");
        Files.writeString(migrations.resolve("003_roles.sql"),
                "-- migrate:up\nCREATE TABLE roles (id INT PRIMARY KEY);\n\n-- migrate:down\nDROP TABLE roles;\n");
        return migrations;
    }

    private MateyProcess.Result matey(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("dbmate"));
        command.addAll(List.of(args));
        return MateyProcess.run(dir, env, command.toArray(String[]::new));
    }

    private static List<String> versions(TestDatabase db) throws Exception {
        return versions(db, "schema_migrations");
    }

    private static List<String> versions(TestDatabase db, String table) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version FROM " + table + " ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    @ParameterizedTest
    @EngineMatrix
    void interoperatesWithDbmateBothWays(String engine) throws Exception {
        Path migrations = migrations();
        DbmateBinary dbmate = DbmateBinary.installed();
        try (TestDatabase ours = TestDatabase.unborn(engine); TestDatabase theirs = TestDatabase.unborn(engine)) {
            // DATABASE_URL from .env, the default ./db/migrations, and the schema file written after up.
            Files.writeString(dir.resolve(".env"), "# dbmate's .env\nDATABASE_URL=\"" + DbmateBinary.url(ours.url()) + "\"\n");
            MateyProcess.Result up = matey(Map.of(), "up");
            assertThat(up.exitCode()).as(up.stderr()).isZero();
            assertThat(up.stdout()).contains("Applying: 001_users.sql", "Applied: 003_roles.sql", "Writing: ");
            assertThat(Files.readString(dir.resolve("db/schema.sql"))).contains("roles", "-- Dbmate schema migrations");

            DbmateBinary.Result status = dbmate.run(ours.url(), migrations, "status");
            assertThat(status.output()).contains("[X] 001_users.sql", "[X] 003_roles.sql", "Applied: 3", "Pending: 0");
            DbmateBinary.Result rollback = dbmate.run(ours.url(), migrations, "--no-dump-schema", "rollback");
            assertThat(rollback.exitCode()).as(rollback.output()).isZero();
            MateyProcess.Result afterRollback = matey(Map.of(), "status", "--exit-code");
            assertThat(afterRollback.exitCode()).isEqualTo(1);
            assertThat(afterRollback.stdout()).contains("[X] 002_teams.sql", "[ ] 003_roles.sql", "Applied: 2",
                    "Pending: 1");
            MateyProcess.Result down = matey(Map.of(), "--no-dump-schema", "rollback");
            assertThat(down.exitCode()).as(down.stderr()).isZero();
            assertThat(down.stdout()).contains("Rolling back: 002_teams.sql");
            assertThat(versions(ours)).containsExactly("001");

            // The other way: dbmate applies the first migration, matey dbmate the rest (URL from the environment).
            Path firstOnly = Files.createDirectories(dir.resolve("first"));
            Files.copy(migrations.resolve("001_users.sql"), firstOnly.resolve("001_users.sql"));
            assertThat(dbmate.run(theirs.url(), firstOnly, "--no-dump-schema", "up").exitCode()).isZero();
            MateyProcess.Result migrate = matey(Map.of("THEIR_URL", DbmateBinary.url(theirs.url())), "--env",
                    "THEIR_URL", "-d", "db/migrations", "--no-dump-schema", "migrate");
            assertThat(migrate.exitCode()).as(migrate.stderr()).isZero();
            assertThat(migrate.stdout()).doesNotContain("001_users.sql").contains("Applied: 002_teams.sql");
            assertThat(dbmate.run(theirs.url(), migrations, "--no-dump-schema", "rollback").exitCode()).isZero();
            assertThat(dbmate.run(theirs.url(), migrations, "--no-dump-schema", "up").exitCode()).isZero();
            assertThat(versions(theirs)).containsExactly("001", "002", "003");

            assertThat(dbmate.run(ours.url(), migrations, "--no-dump-schema", "migrate").exitCode()).isZero();
            assertThat(versions(ours)).isEqualTo(versions(theirs));
            MateyProcess.Result drop = matey(Map.of(), "drop");
            assertThat(drop.exitCode()).as(drop.stderr()).isZero();
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void keepsVersionsInTheTableMigrationsTableNamesAsDbmateDoes(String engine) throws Exception {
        Path migrations = migrations();
        DbmateBinary dbmate = DbmateBinary.installed();
        String custom = "custom_migrations";
        try (TestDatabase ours = TestDatabase.create(engine); TestDatabase theirs = TestDatabase.create(engine);
                TestDatabase loaded = TestDatabase.create(engine)) {
            // dbmate records in the custom table; matey dbmate reads it and rolls back from it.
            String theirUrl = DbmateBinary.url(theirs.url());
            assertThat(dbmate.run(theirs.url(), migrations, "--migrations-table", custom, "--no-dump-schema", "up")
                    .exitCode()).isZero();
            MateyProcess.Result status = matey(Map.of("DBMATE_MIGRATIONS_TABLE", custom), "--url", theirUrl, "status");
            assertThat(status.stdout()).as(status.stderr()).contains("[X] 003_roles.sql", "Applied: 3", "Pending: 0");
            MateyProcess.Result rollback = matey(Map.of(), "--url", theirUrl, "--migrations-table", custom,
                    "--no-dump-schema", "rollback");
            assertThat(rollback.exitCode()).as(rollback.stderr()).isZero();
            assertThat(rollback.stdout()).contains("Rolling back: 003_roles.sql");
            assertThat(versions(theirs, custom)).containsExactly("001", "002");
            assertThat(matey(Map.of(), "--url", theirUrl, "status").stdout()).contains("Applied: 0", "Pending: 3");

            // matey dbmate records in the custom table; dbmate reads it and rolls back from it.
            String ourUrl = DbmateBinary.url(ours.url());
            MateyProcess.Result up = matey(Map.of(), "--url", ourUrl, "--migrations-table", custom, "up");
            assertThat(up.exitCode()).as(up.stderr()).isZero();
            assertThat(dbmate.run(ours.url(), migrations, "--migrations-table", custom, "status").output())
                    .contains("[X] 003_roles.sql", "Applied: 3", "Pending: 0");
            assertThat(dbmate.run(ours.url(), migrations, "--migrations-table", custom, "--no-dump-schema",
                    "rollback").exitCode()).isZero();
            assertThat(versions(ours, custom)).containsExactly("001", "002");
            assertThat(matey(Map.of("DBMATE_MIGRATIONS_TABLE", custom), "--url", ourUrl, "status", "--exit-code")
                    .exitCode()).isEqualTo(1);

            // The dump leaves both tables to its migrations block, which writes the custom one; load brings it back.
            MateyProcess.Result dump = matey(Map.of(), "--url", ourUrl, "--migrations-table", custom, "dump");
            assertThat(dump.exitCode()).as(dump.stderr()).isZero();
            String schema = Files.readString(dir.resolve("db/schema.sql"));
            assertThat(SchemaDump.withoutMigrations(schema)).contains("teams").doesNotContain(custom);
            assertThat(schema.substring(schema.indexOf(SchemaDump.MIGRATIONS_MARKER)))
                    .contains(custom, "'001'", "'002'").doesNotContain("'003'", "schema_migrations");
            MateyProcess.Result load = matey(Map.of(), "--url", DbmateBinary.url(loaded.url()), "--migrations-table",
                    custom, "load");
            assertThat(load.exitCode()).as(load.stderr()).isZero();
            assertThat(dbmate.run(loaded.url(), migrations, "--migrations-table", custom, "status").output())
                    .contains("[X] 002_teams.sql", "[ ] 003_roles.sql", "Applied: 2", "Pending: 1");
        }
    }

    @Test
    void migrationsTableOtherThanSchemaMigrationsIsRefusedWhereTheEngineKeepsOnlyThat() throws Exception {
        migrations();
        MateyProcess.Result clickhouse = matey(Map.of(), "--url", "clickhouse://u:secret@127.0.0.1:1/db",
                "--migrations-table", "custom_migrations", "status");
        assertThat(clickhouse.exitCode()).isEqualTo(2);
        assertThat(clickhouse.stderr()).contains("clickhouse", "custom_migrations", "schema_migrations only")
                .doesNotContain("secret");
        MateyProcess.Result empty = matey(Map.of("DBMATE_MIGRATIONS_TABLE", " "), "--url", "sqlite:db.sqlite3",
                "status");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.stderr()).contains("--migrations-table", "empty");
    }

    @ParameterizedTest
    @EngineMatrix
    void failsWithDbmatesExitCodes(String engine) throws Exception {
        Path migrations = migrations();
        Files.writeString(migrations.resolve("004_broken.sql"),
                "-- migrate:up\nCREATE TABLE broken (id INT PRIMARY KEY);\nNOT SQL AT ALL;\n-- migrate:down\nDROP TABLE broken;\n");
        DbmateBinary dbmate = DbmateBinary.installed();
        try (TestDatabase ours = TestDatabase.create(engine); TestDatabase theirs = TestDatabase.create(engine)) {
            String url = DbmateBinary.url(ours.url());
            MateyProcess.Result nothing = matey(Map.of(), "--url", url, "--no-dump-schema", "rollback");
            assertThat(nothing.exitCode()).isEqualTo(dbmate.run(theirs.url(), migrations, "--no-dump-schema",
                    "rollback").exitCode()).isEqualTo(2);
            assertThat(nothing.stderr()).contains("no migrations have been applied");

            MateyProcess.Result failing = matey(Map.of("DATABASE_URL", url), "--no-dump-schema", "up");
            assertThat(failing.exitCode()).isEqualTo(dbmate.run(theirs.url(), migrations, "--no-dump-schema", "up")
                    .exitCode()).isEqualTo(2);
            assertThat(failing.stderr()).contains("004_broken.sql");
            assertThat(versions(ours)).isEqualTo(versions(theirs)).containsExactly("001", "002", "003");

            MateyProcess.Result pending = matey(Map.of(), "--url", url, "status", "--quiet");
            assertThat(pending.exitCode()).isEqualTo(dbmate.run(theirs.url(), migrations, "status", "--quiet")
                    .exitCode()).isEqualTo(1);
            assertThat(pending.stdout()).isEmpty();

            MateyProcess.Result noDir = matey(Map.of(), "--url", url, "-d", "nope", "status");
            assertThat(noDir.exitCode()).isEqualTo(dbmate.run(theirs.url(), dir.resolve("nope"), "status").exitCode())
                    .isEqualTo(2);
            assertThat(noDir.stderr()).contains("could not find migrations directory");
        }
    }

    /**
     * A {@code transaction:false} section that fails partway leaves what dbmate leaves: on PostgreSQL nothing (dbmate's
     * one query of the section is one implicit transaction), on MySQL and SQLite the statements before the failure.
     */
    @ParameterizedTest
    @EngineMatrix
    void aTransactionFalseSectionThatFailsPartwayLeavesWhatDbmateLeaves(String engine) throws Exception {
        Path migrations = migrations();
        Files.writeString(migrations.resolve("004_origin.sql"), "-- migrate:up transaction:false\n"
                + "ALTER TABLE users ADD COLUMN origin VARCHAR(10);\nINSERT INTO users (id) VALUES (1);\n"
                + "INSERT INTO users (id) VALUES (1);\n-- migrate:down\n");
        DbmateBinary dbmate = DbmateBinary.installed();
        try (TestDatabase ours = TestDatabase.create(engine); TestDatabase theirs = TestDatabase.create(engine)) {
            MateyProcess.Result up = matey(Map.of(), "--url", DbmateBinary.url(ours.url()), "--no-dump-schema", "up");
            DbmateBinary.Result theirUp = dbmate.run(theirs.url(), migrations, "--no-dump-schema", "up");
            assertThat(up.exitCode()).isEqualTo(theirUp.exitCode()).isEqualTo(2);
            assertThat(versions(ours)).isEqualTo(versions(theirs)).containsExactly("001", "002", "003");
            boolean postgres = engine.equals("postgres");
            assertThat(ours.hasColumn("users", "origin")).isEqualTo(theirs.hasColumn("users", "origin"))
                    .isEqualTo(!postgres);
            assertThat(up.stderr()).contains(postgres ? "The section was rolled back (transaction:false still runs its "
                    + "statements in one transaction, as dbmate's one query of them does on this server)"
                    : "Statements at line(s) 2, 3 took effect and stay applied");
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void verbosePrintsTheRowsAffectedAsDbmateDoes(String engine) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(migrations.resolve("001_seed.sql"), "-- migrate:up\nCREATE TABLE seed (id INT PRIMARY KEY);\n"
                + "INSERT INTO seed (id) VALUES (1), (2);\n-- migrate:down\nDROP TABLE seed;\n");
        DbmateBinary dbmate = DbmateBinary.installed();
        try (TestDatabase ours = TestDatabase.create(engine); TestDatabase theirs = TestDatabase.create(engine)) {
            MateyProcess.Result up = matey(Map.of(), "--url", DbmateBinary.url(ours.url()), "--no-dump-schema", "up",
                    "--verbose");
            DbmateBinary.Result theirUp = dbmate.run(theirs.url(), migrations, "--no-dump-schema", "up", "-v");
            assertThat(up.exitCode()).as(up.stderr()).isZero();
            assertThat(rowsAffected(up.stdout())).isEqualTo(rowsAffected(theirUp.output())).containsExactly("2");
            MateyProcess.Result down = matey(Map.of("DBMATE_VERBOSE", "true"), "--url", DbmateBinary.url(ours.url()),
                    "--no-dump-schema", "rollback");
            assertThat(rowsAffected(down.stdout())).containsExactly("0");
        }
    }

    private static List<String> rowsAffected(String output) {
        return output.lines().filter(l -> l.startsWith("Rows affected: ")).map(l -> l.substring(15)).toList();
    }

    @Test
    void driverNamesTheEngineInsteadOfTheUrlsScheme() throws Exception {
        Path migrations = migrations();
        DbmateBinary dbmate = DbmateBinary.installed();
        MateyProcess.Result up = matey(Map.of("DBMATE_DRIVER", "sqlite"), "--url", "legacy:ours.sqlite3",
                "--no-dump-schema", "up");
        assertThat(up.exitCode()).as(up.stderr()).isZero();
        assertThat(Files.exists(dir.resolve("ours.sqlite3"))).isTrue();
        DbmateBinary.Result status = dbmate.run(MateyUrl.parse("sqlite:" + dir.resolve("ours.sqlite3")), migrations, "status");
        assertThat(status.output()).contains("Applied: 3", "Pending: 0");
        MateyProcess.Result flag = matey(Map.of(), "--driver", "sqlite", "--url", "legacy:ours.sqlite3", "status");
        assertThat(flag.stdout()).contains("Applied: 3");
    }

    @Test
    void aFileWithoutADownMarkerStopsTheRunAsInDbmate() throws Exception {
        Path migrations = migrations();
        Files.writeString(migrations.resolve("004_nodown.sql"), "-- migrate:up\nCREATE TABLE nodown (id INT);\n");
        DbmateBinary dbmate = DbmateBinary.installed();
        try (TestDatabase ours = TestDatabase.create("sqlite"); TestDatabase theirs = TestDatabase.create("sqlite")) {
            MateyProcess.Result up = matey(Map.of(), "--url", DbmateBinary.url(ours.url()), "--no-dump-schema", "up");
            DbmateBinary.Result theirUp = dbmate.run(theirs.url(), migrations, "--no-dump-schema", "up");
            assertThat(theirUp.output()).contains("requires each migration to define a down block");
            assertThat(up.exitCode()).isEqualTo(theirUp.exitCode()).isEqualTo(2);
            assertThat(up.stderr()).contains("004_nodown.sql: Migration has no '-- migrate:down' marker");
            assertThat(versions(ours)).isEqualTo(versions(theirs)).containsExactly("001", "002", "003");
            try (Connection c = ours.connect(); ResultSet tables = c.getMetaData().getTables(null, null, "nodown", null)) {
                assertThat(tables.next()).isFalse();
            }
        }
    }

    @Test
    void aStatementRefusedInATransactionBlockAmongOthersInATransactionFalseSectionStopsTheRunAsInDbmate()
            throws Exception {
        Path migrations = migrations();
        // dbmate sends the section as one query, which PostgreSQL runs as one implicit transaction.
        Files.writeString(migrations.resolve("004_indexes.sql"), "-- migrate:up transaction:false\n"
                + "CREATE INDEX CONCURRENTLY users_id ON users (id);\nCREATE INDEX CONCURRENTLY teams_id ON teams (id);\n"
                + "-- migrate:down\n");
        DbmateBinary dbmate = DbmateBinary.installed();
        try (TestDatabase ours = TestDatabase.create("postgres"); TestDatabase theirs = TestDatabase.create("postgres")) {
            MateyProcess.Result up = matey(Map.of(), "--url", ours.url().raw(), "--no-dump-schema", "up");
            DbmateBinary.Result theirUp = dbmate.run(theirs.url(), migrations, "--no-dump-schema", "up");
            assertThat(theirUp.output()).contains("CREATE INDEX CONCURRENTLY cannot run inside a transaction block");
            assertThat(up.exitCode()).isEqualTo(theirUp.exitCode()).isEqualTo(2);
            assertThat(up.stderr()).contains("004_indexes.sql:2: CREATE INDEX CONCURRENTLY cannot run inside a "
                    + "transaction block", "move the statement to a migration file of its own");
            assertThat(versions(ours)).isEqualTo(versions(theirs)).containsExactly("001", "002", "003");

            // Alone in its section, with a comment after it, the statement runs under both.
            Files.writeString(migrations.resolve("004_indexes.sql"), "-- migrate:up transaction:false\n"
                    + "CREATE INDEX CONCURRENTLY users_id ON users (id);\n-- teams_id follows in 005\n-- migrate:down\n");
            assertThat(matey(Map.of(), "--url", ours.url().raw(), "--no-dump-schema", "up").exitCode()).isZero();
            assertThat(dbmate.run(theirs.url(), migrations, "--no-dump-schema", "up").exitCode()).isZero();
            assertThat(versions(ours)).isEqualTo(versions(theirs)).containsExactly("001", "002", "003", "004");
        }
    }

    @Test
    void aFileWithConflictMarkersIsRefusedWithTheSameDbmateCommandAsTheWayOn() throws Exception {
        Path migrations = migrations();
        try (TestDatabase ours = TestDatabase.create("sqlite")) {
            String url = DbmateBinary.url(ours.url());
            assertThat(matey(Map.of(), "--url", url, "--no-dump-schema", "up").exitCode()).isZero();
            Files.writeString(migrations.resolve("003_roles.sql"), "-- migrate:up\nCREATE TABLE roles (id INT);\n"
                    + "-- migrate:down\n<<<<<<< HEAD\nDROP TABLE roles;\n=======\nDROP TABLE teams;\n>>>>>>> b\n");
            Files.writeString(migrations.resolve("004_tags.sql"), "-- migrate:up\n<<<<<<< HEAD\nCREATE TABLE a (id INT);"
                    + "\n=======\nCREATE TABLE b (id INT);\n>>>>>>> b\n-- migrate:down\nDROP TABLE a;\n");
            String conflict = ": unresolved merge conflict marker: git left both sides of a conflict in this migration, "
                    + "which no database can run. Resolve the conflict by hand: keep the SQL the merged migration needs, "
                    + "delete the <<<<<<<, ======= and >>>>>>> lines, then run the same `matey dbmate ";
            for (String verb : List.of("up", "migrate")) {
                MateyProcess.Result run = matey(Map.of(), "--url", url, "--no-dump-schema", verb);
                assertThat(run.exitCode()).as(verb).isEqualTo(2);
                assertThat(run.stderr()).as(verb).isEqualTo("error: 004_tags.sql:2" + conflict + verb
                        + "` command again.\n");
            }
            MateyProcess.Result rollback = matey(Map.of(), "--url", url, "--no-dump-schema", "rollback");
            assertThat(rollback.exitCode()).isEqualTo(2);
            assertThat(rollback.stderr()).isEqualTo("error: 003_roles.sql:4" + conflict
                    + "rollback` command again.\n");
            assertThat(versions(ours)).containsExactly("001", "002", "003");
        }
    }

    @Test
    void aCommandFlagBeforeTheCommandIsNamedAsTheCommandsFlag() throws Exception {
        migrations();
        MateyProcess.Result early = matey(Map.of(), "--url", "sqlite:ours.sqlite3", "-v", "rollback");
        assertThat(early.exitCode()).isEqualTo(2);
        assertThat(early.stderr()).contains("-v is a flag of `dbmate rollback`; put it after the command: "
                + "`matey dbmate rollback -v`");
    }

    /** A schema file that cannot be written is named with why: here a file stands where its directory would be. */
    @Test
    void aSchemaFileThatCannotBeWrittenIsNamedWithWhy() throws Exception {
        migrations();
        Files.writeString(dir.resolve("blocker"), "not a directory\n");
        MateyProcess.Result up = matey(Map.of(), "--url", "sqlite:ours.sqlite3", "-s", "blocker/schema.sql", "up");
        assertThat(up.exitCode()).isEqualTo(2);
        assertThat(up.stderr()).isEqualTo("error: Cannot write schema file blocker/schema.sql: " + dir.resolve("blocker")
                + ": a file of that name is in the way\n");
    }

    @Test
    void printsPathsAsTheyWereGivenAsDbmateDoes() throws Exception {
        migrations();
        DbmateBinary dbmate = DbmateBinary.installed();
        Path theirs = Files.createDirectories(dir.resolve("theirs"));
        Files.createDirectories(theirs.resolve("db/migrations"));
        for (List<String> args : List.of(List.of("dump"), List.of("load"), List.of("-s", "./db/../db//schema.sql", "load"),
                List.of("-d", "nodir", "status"), List.of("-d", "db/migrations", "-d", "./none/", "status"))) {
            List<String> command = new ArrayList<>(List.of("--url", "sqlite:x.sqlite3"));
            command.addAll(args);
            MateyProcess.Result ours = matey(Map.of(), command.toArray(String[]::new));
            DbmateBinary.Result their = dbmate.runIn(theirs, command.toArray(String[]::new));
            assertThat(ours.exitCode()).as(args + ": " + ours.stderr()).isEqualTo(their.exitCode());
            String line = their.output().lines().filter(l -> l.startsWith("Writing: ") || l.startsWith("Reading: ")
                    || l.startsWith("Error: could not find")).findFirst().orElseThrow();
            assertThat(ours.stdout() + ours.stderr()).as(args.toString()).contains(line.replace("Error: ", ""));
        }
        assertThat(matey(Map.of(), "--url", "sqlite:x.sqlite3", "-d", "nodir", "status").stderr())
                .contains("`nodir`").doesNotContain(dir.toString());
        for (String migrationsDir : List.of("./db//migrations/", dir.resolve("db/migrations").toString())) {
            String name = migrationsDir.startsWith("/") ? "absolute" : "relative";
            MateyProcess.Result ours = matey(Map.of(), "-d", migrationsDir, "new", "ours_" + name);
            String their = dbmate.runIn(dir, "-d", migrationsDir, "new", "theirs_" + name).output().strip();
            assertThat(ours.stdout().strip().replaceAll("\\d{14}_ours", "V")).as(ours.stderr())
                    .isEqualTo(their.replaceAll("\\d{14}_theirs", "V"))
                    .startsWith("Creating migration: " + (migrationsDir.startsWith("/") ? dir + "/" : "") + "db/migrations/");
        }
    }

    @Test
    void versionIsMateysNamingTheDbmateReleaseItFollowsWhichIsTheOneTheTestsRun() throws Exception {
        DbmateBinary.Result their = DbmateBinary.installed().runIn(dir, "--version");
        assertThat(their.output()).startsWith("dbmate version ");
        String mateyVersion = MateyProcess.run(dir, Map.of(), "--version").stdout().strip();
        assertThat(mateyVersion).startsWith("matey ");
        for (String flag : List.of("--version", "-v")) {
            MateyProcess.Result ours = matey(Map.of(), flag);
            assertThat(ours.exitCode()).as(ours.stderr()).isEqualTo(their.exitCode()).isZero();
            assertThat(ours.stdout().strip()).as("the release the dbmate interop tests ran against")
                    .isEqualTo(mateyVersion + ", compatible with " + their.output().strip());
        }
    }

    @Test
    void bothFormsOfAFlagAreRefusedAsByDbmate() throws Exception {
        migrations();
        DbmateBinary dbmate = DbmateBinary.installed();
        for (List<String> args : List.of(List.of("-u", "sqlite:a.sqlite3", "--url", "sqlite:b.sqlite3"),
                List.of("--url=sqlite:a.sqlite3", "-u=sqlite:b.sqlite3"),
                List.of("-u", "sqlite:a.sqlite3", "-d", "db/migrations", "--migrations-dir", "db/migrations"))) {
            List<String> command = new ArrayList<>(args);
            command.add("up");
            MateyProcess.Result ours = matey(Map.of(), command.toArray(String[]::new));
            DbmateBinary.Result their = dbmate.runIn(dir, command.toArray(String[]::new));
            assertThat(their.output()).contains("Cannot use two forms of the same flag");
            assertThat(ours.exitCode()).as(args + ": " + ours.stderr()).isEqualTo(their.exitCode()).isEqualTo(2);
            assertThat(ours.stderr()).contains("cannot use two forms of the same flag");
        }
        assertThat(dir.resolve("a.sqlite3")).doesNotExist();
        assertThat(dir.resolve("b.sqlite3")).doesNotExist();
    }

    @Test
    void loadsASchemaFileDbmateDumpedWithPgDumpsRestrictLinesAndRefusesOtherMetaCommands() throws Exception {
        Path migrations = migrations();
        DbmateBinary dbmate = DbmateBinary.installed();
        try (TestDatabase theirs = TestDatabase.create("postgres"); TestDatabase ours = TestDatabase.create("postgres")) {
            Path schema = dir.resolve("theirs.sql");
            assertThat(dbmate.run(theirs.url(), migrations, "--schema-file", schema.toString(), "up").exitCode())
                    .isZero();
            // dbmate's dump, as pg_dump writes it (\restrict framing from pg_dump 15.14 on)
            assertThat(Files.readString(schema)).contains("\\restrict ");
            MateyProcess.Result load = matey(Map.of(), "--url", ours.url().raw(), "-s", "theirs.sql", "load");
            assertThat(load.exitCode()).as(load.stderr()).isZero();
            assertThat(versions(ours)).isEqualTo(versions(theirs)).containsExactly("001", "002", "003");

            try (TestDatabase other = TestDatabase.create("postgres")) {
                Files.writeString(schema, "CREATE TABLE kept (id INT);\n\\connect other\n");
                MateyProcess.Result refused = matey(Map.of(), "--url", other.url().raw(), "-s", "theirs.sql", "load");
                assertThat(refused.exitCode()).isEqualTo(2);
                assertThat(refused.stderr()).contains("theirs.sql:2: psql meta-command \\connect", "Remove the line");
                try (Connection c = other.connect(); ResultSet rs = c.getMetaData().getTables(null, null, "kept", null)) {
                    assertThat(rs.next()).as("nothing loaded").isFalse();
                }
            }
        }
    }

    @Test
    void expandsEnvFileVariablesAndReadsColonLinesAsDbmateDoes() throws Exception {
        DbmateBinary dbmate = DbmateBinary.installed();
        String envFile = """
                NAME: walk
                export SUB=x\\$NAME
                DOUBLE="sqlite3:${NAME}_$SUB.sqlite3" # comment
                SINGLE='sqlite3:${NAME}.sqlite3'
                BARE=sqlite3:b_${NAME}_${MATEY_UNSET_VARIABLE}.sqlite3 #x #y
                """;
        List<List<String>> created = new ArrayList<>();
        for (String side : List.of("ours", "theirs")) {
            Path cwd = Files.createDirectories(dir.resolve(side));
            Path migrations = Files.createDirectories(cwd.resolve("db/migrations"));
            Files.writeString(migrations.resolve("001_t.sql"), "-- migrate:up\nCREATE TABLE t (id INT);\n"
                    + "-- migrate:down\nDROP TABLE t;\n");
            Files.writeString(cwd.resolve(".env"), envFile);
            for (String variable : List.of("DOUBLE", "SINGLE", "BARE")) {
                int exitCode = side.equals("ours")
                        ? MateyProcess.run(cwd, Map.of(), "dbmate", "-e", variable, "--no-dump-schema", "up").exitCode()
                        : dbmate.runIn(cwd, "-e", variable, "--no-dump-schema", "up").exitCode();
                assertThat(exitCode).as(side + " " + variable).isZero();
            }
            try (var files = Files.list(cwd)) {
                created.add(files.map(f -> f.getFileName().toString()).filter(f -> f.contains("sqlite3")).sorted()
                        .toList());
            }
        }
        assertThat(created.get(0)).isEqualTo(created.get(1))
                .containsExactly("${NAME}.sqlite3", "b_walk_.sqlite3 #x", "walk_x$NAME.sqlite3");
    }

    @Test
    void aSqliteUrlInAMissingDirectoryFailsAsInDbmateCreatingNothing() throws Exception {
        Path migrations = migrations();
        DbmateBinary dbmate = DbmateBinary.installed();
        Path missing = dir.resolve("mistyped");
        MateyUrl url = MateyUrl.parse("sqlite3:" + missing.resolve("app.sqlite3"));
        MateyProcess.Result up = matey(Map.of(), "--url", DbmateBinary.url(url), "up");
        assertThat(up.exitCode()).isEqualTo(dbmate.run(url, migrations, "--no-dump-schema", "up").exitCode())
                .isEqualTo(2);
        assertThat(up.stderr()).contains("directory " + missing + " does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aFailureOnTheDataAdvisesWhatADbmateUserCanDo() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(migrations.resolve("001_divide.sql"), "-- migrate:up\nSELECT 1/0;\n-- migrate:down\n");
        try (TestDatabase db = TestDatabase.create("postgres")) {
            MateyProcess.Result up = matey(Map.of(), "--url", db.url().raw(), "--no-dump-schema", "up");
            assertThat(up.exitCode()).isEqualTo(2);
            assertThat(up.stderr()).contains("001_divide.sql", "may be caused by the data the statement read",
                    "and run again").doesNotContain("schema apply");
        }
    }

    @Test
    void badOrMissingUrlExitsTwo() throws Exception {
        migrations();
        MateyProcess.Result bad = matey(Map.of(), "--url", "bogus://u:secret@host/db", "status");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr()).contains("Unsupported database URL scheme 'bogus'").doesNotContain("secret");
        // dbmate reads an empty --url as unset: the variable gives the URL
        MateyProcess.Result emptyFlag = matey(Map.of("DATABASE_URL", "sqlite:empty.sqlite3"), "-u", "", "status");
        assertThat(emptyFlag.exitCode()).as(emptyFlag.stderr()).isZero();
        assertThat(emptyFlag.stdout()).contains("Pending: 3");
        MateyProcess.Result missing = matey(Map.of(), "status");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("--url", "DATABASE_URL");
        Files.writeString(dir.resolve(".env"), "OTHER=1\n");
        MateyProcess.Result nope = matey(Map.of(), "--env-file", "nope.env", "--env-file", ".env", "status");
        assertThat(nope.exitCode()).isEqualTo(2);
        assertThat(nope.stderr()).contains("DATABASE_URL in nope.env or .env)? nope.env does not exist.");
        MateyProcess.Result verb = matey(Map.of(), "upp");
        assertThat(verb.exitCode()).isEqualTo(DbmateBinary.installed().runIn(dir, "upp").exitCode()).isEqualTo(3);
        assertThat(verb.stderr()).contains("no command 'upp'");
        MateyProcess.Result help = matey(Map.of(), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("rollback [N]", "--migrations-dir");
    }

    @Test
    void waitNamesTheUrlOnceAndHidesThePassword() throws Exception {
        MateyProcess.Result wait = matey(Map.of(), "--url", "postgres://u:secret@127.0.0.1:1/x?sslmode=disable",
                "--wait-timeout", "300ms", "--wait-interval", "100ms", "wait");
        assertThat(wait.exitCode()).isEqualTo(2);
        assertThat(wait.stderr()).contains("dbmate wait failed: ").doesNotContain("secret");
        assertThat(wait.stderr().split("127\\.0\\.0\\.1:1/x", -1)).as(wait.stderr()).hasSize(2);
    }

    /** A server that never answers fails a command in the same words whether it was waited for or not. */
    @Test
    void aFailedConnectionReadsTheSameWithAndWithoutWait() throws Exception {
        migrations();
        String url = "postgres://u:secret@127.0.0.1:1/x?sslmode=disable";
        MateyProcess.Result plain = matey(Map.of(), "--url", url, "status");
        MateyProcess.Result waited = matey(Map.of(), "--url", url, "--wait", "--wait-timeout", "300ms",
                "--wait-interval", "100ms", "status");
        assertThat(plain.exitCode()).isEqualTo(waited.exitCode()).isEqualTo(2);
        assertThat(plain.stderr()).startsWith("error: dbmate status failed: ").contains("u:****@127.0.0.1:1/x")
                .doesNotContain("secret");
        assertThat(waited.stdout()).startsWith("Waiting for database...");
        assertThat(waited.stderr()).isEqualTo(plain.stderr());
    }
}
