package io.matey.dbmate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code matey dbmate up} stopping partway on ClickHouse (no transactions) and MariaDB (DDL commits itself): like
 * dbmate it records no progress, and its failure names the statements in effect and what to do with the group's own
 * commands, never a workspace's ({@code db up --resume}, {@code schema apply}) that the group does not have; the
 * next run, failing at the statement the first left in effect, does not claim that nothing had run.
 */
class DbmatePartialSectionTest {

    @TempDir
    Path dir;

    private static final Map<String, String> HALF_APPLIED = Map.of("clickhouse", """
            -- migrate:up
            CREATE TABLE first_one (id UInt8) ENGINE = MergeTree ORDER BY id;
            CREATE TABLE broken (id UInt8) ENGINE = NoSuchEngine;
            -- migrate:down
            DROP TABLE first_one;
            """, "mysql", """
            -- migrate:up
            CREATE TABLE first_one (id INT);
            CREATE TABLE first_one (id INT);
            -- migrate:down
            DROP TABLE first_one;
            """);

    @ParameterizedTest
    @ValueSource(strings = {"clickhouse", "mysql"})
    void aHalfAppliedSectionIsNamedAndTheNextRunDoesNotClaimNothingHadRun(String engine) throws Exception {
        Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(dir.resolve("db/migrations/20260101000001_two.sql"), HALF_APPLIED.get(engine));
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Dbmate dbmate = new Dbmate("test", Map.of(), dir, out, Clock.systemUTC());
        try (TestDatabase db = TestDatabase.create(engine)) {
            assertThatThrownBy(() -> dbmate.run(List.of("--url", db.url().raw(), "--no-dump-schema", "up")))
                    .hasMessageContaining("Statements at line(s) 2 took effect and stay applied")
                    .hasMessageEndingWith("Undo them or make the migration idempotent before running again: "
                            + "`matey dbmate`, like dbmate, records no progress, so the next run starts the section "
                            + "from its first statement.")
                    .hasMessageNotContainingAny("--resume", "matey db ", "schema apply");
            try (Connection c = db.connect()) {
                assertThat(db.engine().progressTable().read(c)).isEmpty();
            }
            // the first run's table makes the first statement fail now: nothing ran in this run, but not in the first
            assertThatThrownBy(() -> dbmate.run(List.of("--url", db.url().raw(), "--no-dump-schema", "up")))
                    .hasMessageContaining("20260101000001_two.sql:2: up section failed")
                    .hasMessageContaining("No statement of this section took effect in this run; its version is not "
                            + "recorded. `matey dbmate`, like dbmate, records no progress inside a section, so it "
                            + "cannot tell whether an earlier run that failed or was interrupted left some of this "
                            + "section's statements in effect (they stay applied: " + (engine.equals("mysql")
                            ? "mysql commits DDL implicitly" : "clickhouse has no transactions") + ")")
                    .hasMessageNotContainingAny("had run", "--resume", "matey db ");
        }
    }

    /**
     * A section `matey db up` was interrupted in leaves Matey's progress marker (here its first statement in effect,
     * as a kill after it leaves them): dbmate's run fails at that statement and names `matey db up --resume`, which
     * continues after it.
     */
    @Test
    void aSectionThatDbUpWasInterruptedInNamesItsResume() throws Exception {
        Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(dir.resolve("db/migrations/20260101000001_two.sql"), """
                -- migrate:up
                CREATE TABLE first_one (id INT);
                CREATE TABLE second_one (id INT);
                -- migrate:down
                DROP TABLE second_one;
                DROP TABLE first_one;
                """);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (TestDatabase db = TestDatabase.create("mysql")) {
            db.execute("CREATE TABLE first_one (id INT);");
            try (Connection c = db.connect()) {
                db.engine().progressTable().begin(c, "20260101000001", "up", 1, 2);
            }
            assertThatThrownBy(() -> new Dbmate("test", Map.of(), dir, out, Clock.systemUTC())
                    .run(List.of("--url", db.url().raw(), "--no-dump-schema", "up")))
                    .hasMessageContaining("20260101000001_two.sql:2: up section failed")
                    .hasMessageEndingWith("No statement of this section took effect in this run; its version is not "
                            + "recorded. Matey's progress marker of version 20260101000001 (up section, 1 of 2 "
                            + "statements) says that `matey db up` was interrupted in this section with 1 statement(s) "
                            + "in effect, which is likely why this one failed: run `matey db up --resume` (with the "
                            + "target's --path or --url), which continues after them, rather than `matey dbmate`, which "
                            + "records no progress and starts the section from its first statement.");
        }
    }

    /** A bad value in the statement's own text is the file's fault, though its SQLSTATE is a data exception's. */
    @Test
    void aBadLiteralInTheStatementIsTheFilesFaultNotTheDatas() throws Exception {
        Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(dir.resolve("db/migrations/20260101000001_bad.sql"),
                "-- migrate:up\nCREATE TABLE dated (d date DEFAULT '2024-13-45');\n-- migrate:down\nDROP TABLE dated;\n");
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (TestDatabase db = TestDatabase.create("postgres")) {
            assertThatThrownBy(() -> new Dbmate("test", Map.of(), dir, out, Clock.systemUTC())
                    .run(List.of("--url", db.url().raw(), "--no-dump-schema", "up")))
                    .hasMessageContaining("date/time field value out of range")
                    .hasMessageContaining("fix the file").hasMessageNotContaining("data the statement read");
        }
    }

    @Test
    void aNameWithoutLettersIsRefusedWithoutNamingAWorkspaceCommand() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new Dbmate("test", Map.of(), dir, out, Clock.systemUTC()).run(List.of("new", "!!!")))
                .hasMessageStartingWith("Migration name '!!!' has no letter or digit Matey keeps")
                .hasMessageEndingWith("Give a name such as create_users.").hasMessageNotContaining("matey db ");
        assertThat(Dbmate.USAGE).doesNotContain("matey db ");
    }
}
