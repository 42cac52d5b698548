package io.matey.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.matey.artifact.InterruptedWrite;
import io.matey.engine.Engines;
import io.matey.error.MateyException;
import io.matey.lint.Finding.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinterTest {

    @TempDir
    Path workspace;

    @Test
    void aSymlinkStopsTheTargetWithL201() throws Exception {
        LintFixture fixture = LintFixture.load("clean", workspace).withArtifacts();
        Files.createSymbolicLink(fixture.dir().resolve("migrations/20260103000000_link.sql"),
                fixture.dir().resolve("migrations/20260102000000_add_name.sql"));
        assertThat(fixture.lint()).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(Level.ERROR);
            assertThat(f.code()).isEqualTo("L201");
            assertThat(f.path()).isEqualTo(".");
            assertThat(f.line()).isNull();
            assertThat(f.message()).startsWith("Refusing to read symlinked file: ").endsWith("_link.sql");
        });
    }

    @Test
    void anInterruptedArtifactWriteIsRolledBackBeforeTheRulesRead() throws Exception {
        LintFixture fixture = LintFixture.load("clean", workspace).withArtifacts();
        Path dir = fixture.dir();
        byte[] oldLock = Files.readAllBytes(dir.resolve("schema.lock.toml"));
        // Killed after the new lock was in place but before the checkpoints it names: a mixed set.
        InterruptedWrite.stopAfter("write schema.lock.toml", dir,
                Map.of("schema.lock.toml", "lock_version = 0\n".getBytes(StandardCharsets.UTF_8),
                        "schema.sql", "-- another head\n".getBytes(StandardCharsets.UTF_8)),
                Set.of("checkpoints/20260102000000_add_name.sql"));
        assertThat(dir.resolve("schema.lock.toml")).content().isEqualTo("lock_version = 0\n");

        assertThat(fixture.lint()).isEmpty();
        assertThat(dir.resolve("schema.lock.toml")).hasBinaryContent(oldLock);
        assertThat(dir.resolve(".matey")).doesNotExist();
    }

    @Test
    void l421FollowsAColumnThroughRenamesAndEarlierChanges() {
        LintFixture mysql = LintFixture.load("L421-mysql", workspace.resolve("mysql")).write(
                "migrations/20260103000000_archive.sql", """
                -- migrate:up
                RENAME TABLE legacy TO archived;
                ALTER TABLE archived CHANGE title headline varchar(300);
                ALTER TABLE archived MODIFY headline varchar(30);

                -- migrate:down
                ALTER TABLE archived CHANGE headline title varchar(300);
                RENAME TABLE archived TO legacy;
                """);
        assertThat(mysql.lint()).filteredOn(f -> f.path().endsWith("_archive.sql") && f.code().equals("L421"))
                .singleElement().satisfies(f -> {
                    assertThat(f.line()).isEqualTo(4);
                    assertThat(f.message()).contains("narrows column 'archived.headline' of an existing table from "
                            + "varchar(300) to varchar(30) (a shorter length)");
                });

        LintFixture postgres = LintFixture.load("L421-postgres", workspace.resolve("postgres")).write(
                "migrations/20260103000000_people.sql", """
                -- migrate:up
                ALTER TABLE accounts RENAME COLUMN handle TO nick;
                ALTER TABLE accounts RENAME TO people;
                ALTER TABLE people ALTER COLUMN nick TYPE varchar(10);
                ALTER TABLE people ALTER COLUMN email TYPE varchar(150);

                -- migrate:down
                ALTER TABLE people ALTER COLUMN nick TYPE varchar(60), ALTER COLUMN email TYPE varchar(100);
                ALTER TABLE people RENAME TO accounts;
                ALTER TABLE accounts RENAME COLUMN nick TO handle;
                """);
        assertThat(postgres.lint()).filteredOn(f -> f.path().endsWith("_people.sql")
                && (f.code().equals("L421") || f.code().equals("L417")))
                .extracting(Finding::code, Finding::line)
                .containsExactly(tuple("L417", 4), tuple("L421", 4));
    }

    /**
     * L417's hint on a type change: the column's earlier type, where the earlier migrations tell it, and why
     * PostgreSQL writes every row; where they do not (a table no migration created), which changes it makes in place.
     */
    @Test
    void l417SaysTheEarlierTypeAndWhyTheChangeRewritesWhereTheMigrationsTellIt() {
        LintFixture fixture = LintFixture.load("L417", workspace).write("migrations/20260103000000_more.sql", """
                -- migrate:up
                ALTER TABLE users ALTER COLUMN id TYPE numeric(20);
                ALTER TABLE legacy ALTER COLUMN id TYPE bigint;

                -- migrate:down
                ALTER TABLE users ALTER COLUMN id TYPE bigint;
                """);
        assertThat(fixture.lint()).filteredOn(f -> f.path().endsWith("_more.sql") && f.code().equals("L417"))
                .extracting(Finding::line, f -> f.hint().replaceFirst("; or add .*", "")).containsExactly(
                        tuple(2, "column 'id' was bigint after the earlier migrations, and bigint values are converted "
                                + "to numeric(20), so PostgreSQL writes every row again: add a column of the new type, "
                                + "fill it in batches in a later migration, and swap it in"),
                        tuple(3, "add a column of the new type, fill it in batches in a later migration, and swap it "
                                + "in (a varchar(n) or numeric(p, s) made longer is not rewritten: accept that)"));
    }

    /** {@code USING c}, the column itself, computes nothing: a widening PostgreSQL makes in place stays one. */
    @Test
    void l417TakesUsingTheColumnItselfForNoUsing() {
        LintFixture fixture = LintFixture.load("L417", workspace).write("migrations/20260103000000_more.sql", """
                -- migrate:up
                ALTER TABLE teams ALTER COLUMN name TYPE varchar(40) USING name;
                ALTER TABLE teams ALTER COLUMN name TYPE varchar(50) USING "name";
                ALTER TABLE teams ALTER COLUMN name TYPE varchar(60) USING upper(name);

                -- migrate:down
                ALTER TABLE teams ALTER COLUMN name TYPE varchar(10);
                """);
        assertThat(fixture.lint()).filteredOn(f -> f.path().endsWith("_more.sql") && f.code().equals("L417"))
                .extracting(Finding::line).containsExactly(4);
    }

    @Test
    void aNulByteInAMigrationIsL014AtItsLine() {
        LintFixture fixture = LintFixture.load("clean", workspace)
                .write("migrations/20260103000000_b.sql",
                        "-- migrate:up\nCREATE TABLE b(id int);\u0000\n-- migrate:down\nDROP TABLE b;\n");
        assertThat(fixture.lint()).filteredOn(f -> f.code().equals("L014")).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(Level.ERROR);
            assertThat(f.path()).isEqualTo("migrations/20260103000000_b.sql");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).startsWith("column 24: a NUL byte");
        });
    }

    @Test
    void aDataManifestThatDataApplyRefusesIsL212() {
        LintFixture fixture = LintFixture.load("clean", workspace).withArtifacts()
                .write("data/data.toml", "[core]\nfiles = [{ name = \"flags\", table = \"flags\", mode = \"merge\" }]\n");
        assertThat(fixture.lint()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("L212");
            assertThat(f.path()).isEqualTo("data/data.toml");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).startsWith("data set 'core', file 1: key 'mode': unsupported data mode 'merge'");
        });
        fixture.write("data/data.toml", "[core\n");
        assertThat(fixture.lint()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("L212");
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.message()).startsWith("Unable to parse data manifest at column ").doesNotContain("data.toml");
        });
    }

    @Test
    void anUnknownEngineRunsOnlyTheRulesThatDoNotReadSql() {
        LintFixture fixture = LintFixture.load("L200", workspace)
                .write("migrations/001_drop.sql", "DROP TABLE users;\n").withArtifacts();
        assertThat(fixture.lint()).extracting(Finding::code, Finding::path)
                .containsExactly(tuple("L009", "migrations/001_drop.sql"), tuple("L010", "migrations/001_drop.sql"),
                        tuple("L200", "schema.lock.toml"));
    }

    @Test
    void aCommentCannotAcceptWhatEveryCommandThatRunsMigrationsRefuses() {
        LintFixture fixture = LintFixture.load("clean", workspace).write("migrations/20260102000000_twin.sql",
                "-- matey:nolint L002,L010 accepted on purpose\n-- migrate:up\nCREATE TABLE twin (id integer);\n");
        assertThat(fixture.lint()).filteredOn(f -> f.path().equals("migrations/20260102000000_twin.sql"))
                .extracting(Finding::code, Finding::hint).containsExactly(
                        tuple("L002", "rename one of the two files to a version after every other (the one `matey db new` "
                                + "would give it now), then run `matey schema apply`"),
                        tuple("L010", "add a '-- migrate:down' line at the end of the file, or set "
                                + "allow_non_dbmate_files = true in config.toml to run it as Matey reads it (dbmate would not)"));

        fixture.write("config.toml", "engine = \"postgres\"\nurl_env = \"DB_CORE_DATABASE_URL\"\n"
                + "test_url_env = \"DB_CORE_TEST_DATABASE_URL\"\nallow_non_dbmate_files = true\n");
        assertThat(fixture.lint()).as("the commands run it now, so the comment accepts it")
                .filteredOn(f -> f.path().equals("migrations/20260102000000_twin.sql"))
                .extracting(Finding::code).containsExactly("L002");
    }

    @Test
    void anEngineWithoutAPlugInInThisBuildIsL200NamingTheEnginesItHas() {
        LintFixture fixture = LintFixture.load("clean", workspace).write("config.toml",
                "engine = \"snowflake\"\nurl_env = \"DB_CORE_DATABASE_URL\"\ntest_url_env = \"DB_CORE_TEST_DATABASE_URL\"\n");
        assertThat(fixture.lint()).filteredOn(f -> f.code().equals("L200")).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("Target engine 'snowflake' is unknown, so its SQL was not checked.");
            assertThat(f.hint()).isEqualTo("set engine in config.toml to one of " + String.join(", ", Engines.ids()))
                    .contains("sqlite, postgres, mysql");
        });
    }

    @Test
    void engineOptionServesTargetsWithoutALockAndDisagreeingWithALockIsL209() {
        LintFixture fixture = LintFixture.load("clean", workspace).write("config.toml",
                "engine = \"oracle\"\nurl_env = \"DB_CORE_DATABASE_URL\"\ntest_url_env = \"DB_CORE_TEST_DATABASE_URL\"\n");
        assertThat(fixture.lint()).extracting(Finding::code).contains("L200");
        Linter.Options postgres = new Linter.Options(Optional.of("postgresql"), true, true);
        assertThat(fixture.lint(postgres)).extracting(Finding::code).doesNotContain("L200", "L209");

        LintFixture locked = LintFixture.load("clean", workspace.resolve("locked")).withArtifacts();
        assertThat(locked.lint(new Linter.Options(Optional.of("mysql"), true, true)))
                .filteredOn(f -> f.code().equals("L209")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).isEqualTo("Provided engine 'mysql' does not match lock engine 'postgres'.");
                    assertThat(f.hint()).as("--engine disagrees, not config.toml")
                            .isEqualTo("leave out --engine: config.toml's engine, 'postgres', is the lock's");
                });
    }

    @Test
    void styleRulesReportLayoutAndEitherKindCanBeSkipped() {
        LintFixture fixture = LintFixture.load("clean", workspace).withArtifacts()
                .write("migrations/20260103000000_add_email.sql", "-- migrate:up\nALTER TABLE users ADD COLUMN email text; \n"
                        + "-- migrate:down\nALTER TABLE users DROP COLUMN email;");
        assertThat(fixture.lint()).extracting(Finding::code, Finding::line).contains(tuple("SF.LT01", 2),
                tuple("SF.LT12", 4), tuple("L204", null));
        assertThat(fixture.lint(new Linter.Options(Optional.empty(), true, false))).extracting(Finding::code)
                .doesNotContain("SF.LT01", "SF.LT12").contains("L204");
        assertThat(fixture.lint(new Linter.Options(Optional.empty(), false, true))).extracting(Finding::code)
                .containsExactly("SF.LT01", "SF.LT12");
        assertThatThrownBy(() -> new Linter.Options(Optional.empty(), false, false)).isInstanceOf(MateyException.class)
                .hasMessage("Lint must run at least one of semantic or style checks.");
    }

    @Test
    void everyKindThePostgresDumpRendersLintsCleanAndASubscriptionIsAForeignWrite() {
        LintFixture fixture = LintFixture.load("clean", workspace).write("migrations/20260103000000_kinds.sql", """
                -- matey:nolint L101,L103
                -- migrate:up
                CREATE TYPE mood AS ENUM ('happy', 'sad');
                CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;
                CREATE SUBSCRIPTION replica CONNECTION 'host=primary password=hunter2' PUBLICATION everything;
                CREATE TEXT SEARCH PARSER words (start = prsd_start, gettoken = prsd_nexttoken, end = prsd_end,
                    lextypes = prsd_lextype);
                CREATE TYPE opaque_thing;
                CREATE TABLE plain (id int);
                """).withArtifacts();
        List<Finding> findings = fixture.lint().stream()
                .filter(f -> f.code().startsWith("L3") || f.code().startsWith("L10")).toList();
        assertThat(findings).extracting(Finding::code, Finding::line).containsExactly(tuple("L104", 5));
        assertThat(findings.get(0).message()).contains("CREATE SUBSCRIPTION connects to another server, its publisher;"
                + " create subscriptions outside migrations. Statement: 'CREATE SUBSCRIPTION replica CONNECTION"
                + " 'host=primary password=****' PUBLICATION everything'");
    }

    @Test
    void aPsqlMetaCommandLineDoesNotHideTheStatementAfterIt() {
        LintFixture fixture = LintFixture.load("clean", workspace).write("migrations/20260103000000_other.sql",
                "-- migrate:up\n\\connect foo\n\n-- the other database\nCREATE DATABASE other2;\n").withArtifacts();
        assertThat(fixture.lint()).extracting(Finding::code, Finding::line)
                .contains(tuple("L011", 2), tuple("L104", 5));
    }

    @Test
    void aFileDbmateIgnoresIsInNoOrder() {
        LintFixture fixture = LintFixture.load("clean", workspace).write("migrations/sub/20250101000000_old.sql",
                "-- migrate:up\nCREATE TABLE old (id int);\n-- migrate:down\nDROP TABLE old;\n").withArtifacts();
        assertThat(fixture.lint()).filteredOn(f -> f.path().equals("migrations/sub/20250101000000_old.sql"))
                .extracting(Finding::code).contains("L008").doesNotContain("L003");
    }

    @Test
    void severalTargetsAreSeparatedByABlankLineAndFormOneJsonArray() {
        Finding finding = new Finding(Level.WARNING, "L106", "db/core", "migrations/001_a.sql", 1,
                "Migration uses transaction:false.", "add \"-- matey:nolint L106\" on the line above");
        List<LintReport> reports = List.of(new LintReport(".", List.of()), new LintReport("db/core", List.of(finding)));
        assertThat(LintOutput.text(reports)).isEqualTo("""
                target: .
                no findings

                target: db/core
                WARNING L106 migrations/001_a.sql:1 Migration uses transaction:false.
                        hint: add "-- matey:nolint L106" on the line above
                """);
        assertThat(LintOutput.json(reports)).isEqualTo("""
                [
                  {
                    "target": ".",
                    "findings": []
                  },
                  {
                    "target": "db/core",
                    "findings": [
                      {
                        "level": "warning",
                        "code": "L106",
                        "path": "migrations/001_a.sql",
                        "line": 1,
                        "message": "Migration uses transaction:false.",
                        "hint": "add \\"-- matey:nolint L106\\" on the line above"
                      }
                    ]
                  }
                ]
                """);
        assertThat(reports.get(1).hasErrors()).isFalse();
    }
}
