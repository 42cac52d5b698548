package io.matey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.artifact.Snapshot;
import io.matey.engine.Engines;
import io.matey.error.MateyException;
import io.matey.lint.RunnableMigrations;
import io.matey.replay.ReplayOptions;
import io.matey.testing.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Acceptance item 9: bad input gives a precise user error (exit 2) and changes no file. */
class BadInputTest {

    @TempDir
    Path dir;

    private TestWorkspace ws;
    private Map<String, String> before;

    @BeforeEach
    void workspaceWithOneAppliedMigration() {
        ws = new TestWorkspace(dir, "sqlite");
        ws.migration("001_one.sql", ws.createTable("one"), "DROP TABLE one;");
        ws.apply();
        before = ws.files();
    }

    private void assertUnchanged() {
        assertThat(ws.files()).isEqualTo(before);
    }

    @Test
    void malformedToml() {
        ws.write("db/core/config.toml", "engine = \"sqlite\"\nurl_env = \n");
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                .hasMessageContaining("db/core/config.toml:2:").hasMessageContaining("Unable to parse config.toml");
        assertThat(ws.files()).containsAllEntriesOf(Map.of("schema.sql", before.get("schema.sql")));
    }

    @Test
    void unknownConfigKeys() {
        String config = ws.read("db/core/config.toml");
        ws.write("db/core/config.toml", config + "enigne = \"x\"\n");
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                .hasMessageStartingWith(ws.target().resolve("config.toml") + ":4: unsupported target keys: 'enigne'.")
                .hasMessageEndingWith(" Did you mean 'engine'?");
        ws.write("db/core/config.toml", config + "[codegen]\nenabled = true\ngenrator = \"tables\"\n");
        assertThatThrownBy(ws::apply).hasMessageStartingWith(ws.target().resolve("config.toml")
                + ":6: unsupported [codegen] keys: 'genrator'.").hasMessageEndingWith(" Did you mean 'generator'?");
        ws.write("db/core/config.toml", config);
        ws.write("matey.toml", "targets = [\"db/core\"]\n\ntarget = []\n");
        assertThatThrownBy(ws::apply).hasMessageContaining("matey.toml:3: unsupported workspace keys: 'target'")
                .hasMessageEndingWith(" Did you mean 'targets'?");
    }

    @Test
    void invalidEnvVarName() {
        ws.write("db/core/config.toml", "engine = \"sqlite\"\nurl_env = \"bad-name\"\ntest_url_env = \"T\"\n");
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                .hasMessageContaining("config.toml:2: url_env: invalid environment variable name 'bad-name'");
    }

    @Test
    void targetPathOutsideTheWorkspaceOrThroughASymlink() throws Exception {
        ws.write("matey.toml", "targets = [\"../elsewhere\"]\n");
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                .hasMessageContaining("Target path '../elsewhere' must be relative to the workspace root");
        Files.createSymbolicLink(dir.resolve("linked"), ws.target());
        ws.write("matey.toml", "targets = [\"linked\"]\n");
        assertThatThrownBy(() -> ws.matey().target("linked")).isInstanceOf(MateyException.class)
                .hasMessageContaining("symlinked path segment");
        ws.write("matey.toml", "targets = [\"db/core\"]\n");
        assertUnchanged();
    }

    @Test
    void downMarkerBeforeUpMarker() {
        ws.write("db/core/migrations/002_bad.sql", "-- migrate:down\nDROP TABLE two;\n-- migrate:up\nCREATE TABLE two (id int);\n");
        Map<String, String> withBadFile = ws.files();
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                .hasMessageContaining("migrations/002_bad.sql:1: dbmate migrate:down marker appears before an up marker");
        assertThat(ws.files()).isEqualTo(withBadFile);
    }

    @Test
    void unreachableTestServerNeverPrintsThePassword() {
        ws.write("db/core/config.toml", "engine = \"postgres\"\nurl_env = \"U\"\ntest_url_env = \"T\"\n");
        before = ws.files();
        ReplayOptions unreachable = new ReplayOptions(null,
                "postgres://matey:hunter2@127.0.0.1:1/postgres?sslmode=disable&connectTimeout=2", true, false);
        assertThatThrownBy(() -> ws.apply(unreachable)).isInstanceOf(MateyException.class)
                .hasMessageContaining("postgres://matey:****@127.0.0.1:1/")
                .hasMessageNotContaining("hunter2");
        assertUnchanged();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "SQL before the first marker | 002_two.sql | CREATE TABLE stray (id int);\\n-- migrate:up\\nCREATE TABLE two (id int);\\n-- migrate:down\\n | L009 migrations/002_two.sql:1: SQL before the first marker",
            "no markers | 002_two.sql | CREATE TABLE two (id int);\\n | L009 migrations/002_two.sql: Migration has no '-- migrate:up' marker",
            "no down marker | 002_two.sql | -- migrate:up\\nCREATE TABLE two (id int);\\n | L010 migrations/002_two.sql: Migration has no '-- migrate:down' marker",
            "byte-order mark | 002_two.sql | \uFEFF-- migrate:up\\nCREATE TABLE two (id int);\\n-- migrate:down\\n | L009 migrations/002_two.sql:1: File starts with a UTF-8 byte-order mark",
            "subdirectory | sub/002_two.sql | -- migrate:up\\nCREATE TABLE two (id int);\\n-- migrate:down\\n | L008 migrations/sub/002_two.sql: Migration is in a subdirectory",
            "no leading digits | add_two.sql | -- migrate:up\\nCREATE TABLE two (id int);\\n-- migrate:down\\n | L008 migrations/add_two.sql: File name does not start with a version number"})
    void filesDbmateRefusesAreRefusedByEveryCommandThatRunsMigrations(String scenario, String file, String text,
            String finding) throws Exception {
        String live = "sqlite3:" + dir.resolve("live.sqlite3");
        ws.matey().dbUp(ws.matey().target(TestWorkspace.TARGET), live, line -> { });
        String config = ws.read("db/core/config.toml");
        ws.write("db/core/migrations/" + file, text.replace("\\n", "\n"));
        Map<String, String> withBadFile = ws.files();
        for (ThrowingCallable command : List.<ThrowingCallable>of(ws::plan, ws::apply)) {
            assertThatThrownBy(command).as(scenario).isInstanceOf(MateyException.class)
                    .hasMessageContaining("refuses the migrations of target 'db/core'; nothing ran:\n  " + finding)
                    .hasMessageContaining("or set allow_non_dbmate_files = true in " + ws.target().resolve("config.toml"));
        }
        assertThat(ws.files()).isEqualTo(withBadFile);

        // Artifacts written while the target allowed the file; without the setting the live commands refuse it too.
        ws.write("db/core/config.toml", config + "allow_non_dbmate_files = true\n");
        ws.apply();
        ws.write("db/core/config.toml", config);
        for (ThrowingCallable command : List.<ThrowingCallable>of(
                () -> ws.matey().dbUp(ws.matey().target(TestWorkspace.TARGET), live, line -> { }),
                () -> ws.matey().dbDown(ws.matey().target(TestWorkspace.TARGET), live, 1, line -> { }))) {
            assertThatThrownBy(command).as(scenario).isInstanceOf(MateyException.class)
                    .hasMessageContaining("refuses the migrations of target 'db/core'; nothing ran:\n  " + finding);
        }
        assertThat(applied(live)).isEqualTo(1);
        ws.write("db/core/config.toml", config + "allow_non_dbmate_files = true\n");
        ws.matey().dbUp(ws.matey().target(TestWorkspace.TARGET), live, line -> { });
        assertThat(applied(live)).isEqualTo(2);
    }

    @Test
    void aLiveFileThatIsNoDatabaseIsReportedInSqlitesWordsOnly() throws Exception {
        Path notADatabase = dir.resolve("notes.txt");
        Files.writeString(notADatabase, "these are notes, not a database, and they are long enough to have a header");
        assertThatThrownBy(() -> ws.matey().dbStatus(ws.matey().target(TestWorkspace.TARGET), "sqlite3:" + notADatabase))
                .isInstanceOf(MateyException.class).hasMessageContaining("file is not a database")
                .hasMessageNotContaining("SQLITE_NOTADB");
    }

    @Test
    void aClientCommandIsRefusedBeforeAnythingRuns() {
        ws.migration("002_two.sql", "CREATE TABLE two (id int);\nDELIMITER //", "DROP TABLE two;");
        Map<String, String> withClientCommand = ws.files();
        for (ThrowingCallable command : List.<ThrowingCallable>of(ws::plan, ws::apply)) {
            assertThatThrownBy(command).isInstanceOf(MateyException.class).hasMessageContaining(
                    "nothing ran:\n  L011 migrations/002_two.sql:3: 'DELIMITER //' is a command of the mysql client");
        }
        assertThat(ws.files()).isEqualTo(withClientCommand);
    }

    private long applied(String live) {
        return ws.matey().dbStatus(ws.matey().target(TestWorkspace.TARGET), live).migrations().stream()
                .filter(m -> m.applied()).count();
    }

    @Test
    void aStatementFailingInAReplaySaysTheScratchDatabaseIsDiscarded() {
        ws.migration("002_two.sql", "CREATE TABLE two (id int);\nINSERT INTO missing VALUES (1);", "DROP TABLE two;");
        Map<String, String> withFailingFile = ws.files();
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                .hasMessageContaining("migrations/002_two.sql:3: up section failed")
                .hasMessageContaining("It ran in a scratch database, which is discarded: nothing was written")
                .hasMessageNotContaining("version");
        assertThat(ws.files()).isEqualTo(withFailingFile);
    }

    @Test
    void aStatementFailingInAKeptScratchDatabaseNamesTheDatabaseInsteadOfCallingItDiscarded() {
        ws.migration("002_two.sql", "CREATE TABLE two (id int);\nINSERT INTO missing VALUES (1);", "DROP TABLE two;");
        assertThatThrownBy(() -> ws.plan(new ReplayOptions(null, null, true, true))).isInstanceOf(MateyException.class)
                .hasMessageContaining("migrations/002_two.sql:3: up section failed")
                .hasMessageMatching("(?s).*It ran in scratch database sqlite:\\S+_kept_\\S+, which --keep-scratch keeps "
                        + "as the failure left it: nothing was written; fix the file and run again\\..*")
                .hasMessageNotContaining("discarded");
    }

    @Test
    void aRepeatedVersionIsNamedBeforeAnythingRuns() {
        ws.migration("001_again.sql", ws.createTable("again"), "DROP TABLE again;");
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class).hasMessageContaining(
                "L002 migrations/001_one.sql: Duplicate migration version '001'; already used by 'migrations/001_again.sql'.")
                .hasMessageNotContaining("allow_non_dbmate_files");
    }

    @Test
    void concurrentlyInsideATransactionIsRefusedBeforeAnythingRuns() {
        TestWorkspace pg = new TestWorkspace(dir.resolve("pg"), "postgres");
        pg.migration("001_one.sql", pg.createTable("one"), "DROP TABLE one;");
        pg.migration("002_index.sql", "CREATE INDEX CONCURRENTLY one_id ON one (id);", "DROP INDEX one_id;");
        Map<String, String> files = pg.files();
        assertThatThrownBy(pg::apply).isInstanceOf(MateyException.class).hasMessageContaining(
                "L407 migrations/002_index.sql:2: CONCURRENTLY cannot run inside a transaction; add transaction:false "
                        + "to the '-- migrate:up' marker.").hasMessageContaining("nothing ran");
        assertThat(pg.files()).isEqualTo(files);
    }

    @Test
    void aStatementDbmateFailsOnInATransactionFalseSectionIsRefusedUnlessTheTargetAllowsIt() {
        TestWorkspace pg = new TestWorkspace(dir.resolve("pg"), "postgres");
        pg.migration("001_one.sql", pg.createTable("one"), "DROP TABLE one;");
        pg.write("db/core/migrations/002_index.sql", "-- migrate:up transaction:false\nCREATE TABLE two (id int);\n"
                + "CREATE INDEX CONCURRENTLY one_id ON one (id);\n-- migrate:down\n");
        Map<String, String> files = pg.files();
        assertThatThrownBy(pg::apply).isInstanceOf(MateyException.class).hasMessageContaining(
                "L013 migrations/002_index.sql:3: CREATE INDEX CONCURRENTLY cannot run inside a transaction block, and "
                        + "dbmate sends the 2 statements of this '-- migrate:up transaction:false' section as one query")
                .hasMessageContaining("nothing ran")
                .hasMessageContaining("or set allow_non_dbmate_files = true in " + pg.target().resolve("config.toml"));
        assertThat(pg.files()).isEqualTo(files);

        pg.write("db/core/config.toml", pg.read("db/core/config.toml") + "allow_non_dbmate_files = true\n");
        assertThatCode(() -> RunnableMigrations.require(pg.matey().target(TestWorkspace.TARGET),
                Snapshot.ofWorktree(pg.target(), TestWorkspace.TARGET), "schema apply")).doesNotThrowAnyException();
    }

    @Test
    void anUpSectionWithoutSqlIsRefused() {
        ws.migration("002_empty.sql", "-- to do", "");
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class).hasMessageContaining(
                "L005 migrations/002_empty.sql: Migration has no executable up SQL.");
    }

    /** A stale report exits 0 without --exit-code: a lock that cannot be read must not pass for one. */
    @Test
    void aLockThatCannotBeParsedIsAnErrorNotAStaleReport() {
        ws.write("db/core/schema.lock.toml", ws.read("db/core/schema.lock.toml").replace("head_index = 1\n", "<\n"));
        assertThatThrownBy(() -> ws.matey().schemaStatus(TestWorkspace.TARGET, false)).isInstanceOf(MateyException.class)
                .hasMessageStartingWith("The artifacts of target 'db/core' cannot be checked. Fix or delete the file "
                        + "named, then run `matey schema apply --clean --path db/core`. Diagnostics:\n"
                        + "  lockfile-parse-error@schema.lock.toml: Unable to parse lockfile: Unexpected '<'");
    }

    @Test
    void anUnknownEngineIsAnErrorNotAClean() {
        ws.write("db/core/config.toml", ws.read("db/core/config.toml").replace("\"sqlite\"", "\"oracle\""));
        assertThatThrownBy(() -> ws.matey().schemaStatus(TestWorkspace.TARGET, false)).isInstanceOf(MateyException.class)
                .hasMessage(ws.target().resolve("config.toml") + ":1: engine 'oracle' is unknown; set engine to one of "
                        + String.join(", ", Engines.ids()) + ".");
        ws.write("db/core/config.toml", ws.read("db/core/config.toml").replace("engine = \"oracle\"\n", "")
                + "engine = \"postgresx\"\n");
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                .hasMessage(ws.target().resolve("config.toml") + ":3: engine 'postgresx' is unknown; set engine to one of "
                        + String.join(", ", Engines.ids()) + ". Did you mean 'postgres'?");
    }

    /** A live command without a URL names the unknown engine, not the URL: no URL would make the target usable. */
    @Test
    void anUnknownEngineIsNamedBeforeAMissingLiveUrl() {
        ws.write("db/core/config.toml", ws.read("db/core/config.toml").replace("\"sqlite\"", "\"postgress\""));
        String unknown = ws.target().resolve("config.toml") + ":1: engine 'postgress' is unknown; set engine to one of "
                + String.join(", ", Engines.ids()) + ". Did you mean 'postgres'?";
        assertThatThrownBy(() -> ws.matey().dbStatus(ws.matey().target(TestWorkspace.TARGET), (String) null))
                .isInstanceOf(MateyException.class).hasMessage(unknown);
        assertThatThrownBy(() -> ws.matey().dbUp(ws.matey().target(TestWorkspace.TARGET), null, line -> { }))
                .isInstanceOf(MateyException.class).hasMessage(unknown);
    }

    /**
     * An unknown engine is named first, with the known engines, when the config also lacks a key: replacing it is
     * what the user fixes first, and one message names both problems.
     */
    @Test
    void anUnknownEngineIsNamedBeforeAMissingUrlEnv() {
        ws.write("db/core/config.toml", "engine = \"oracle\"\ntest_url_env = \"DB_CORE_TEST_DATABASE_URL\"\n");
        Path config = ws.target().resolve("config.toml");
        assertThatThrownBy(() -> ws.matey().schemaStatus(TestWorkspace.TARGET, false)).isInstanceOf(MateyException.class)
                .hasMessage(config + ":1: engine 'oracle' is unknown; set engine to one of "
                        + String.join(", ", Engines.ids()) + ". Also: " + config + ": 'url_env' is missing. Add url_env "
                        + "= \"DB_CORE_DATABASE_URL\" (the variable holding the live database URL).");
        ws.write("db/core/config.toml", "engine = \"sqlite\"\ntest_url_env = \"DB_CORE_TEST_DATABASE_URL\"\n");
        assertThatThrownBy(ws::apply).as("a known engine: only the missing key")
                .hasMessage(config + ": 'url_env' is missing. Add url_env = \"DB_CORE_DATABASE_URL\" (the variable "
                        + "holding the live database URL).");
    }
}
