package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;

/** {@code data apply|export} in the scripted app on SQLite: output, JSON, exit codes, and --set completion. */
class DataCommandsTest {

    @TempDir
    Path dir;

    private MateyProcess.Result matey(String... args) throws Exception {
        return MateyProcess.run(dir, Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.sqlite3")), args);
    }

    private void write(String path, String text) throws Exception {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), text, StandardCharsets.UTF_8);
    }

    /** A workspace whose only target is at head on a live SQLite database, with a data set "core". */
    private void targetAtHead() throws Exception {
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        write("migrations/001_roles.sql", "-- migrate:up\nCREATE TABLE roles (id INTEGER NOT NULL PRIMARY KEY, "
                + "name VARCHAR(20) NOT NULL);\n-- migrate:down\nDROP TABLE roles;\n");
        assertThat(matey("schema", "apply").exitCode()).isZero();
        MateyProcess.Result up = matey("db", "up");
        assertThat(up.exitCode()).as(up.stderr()).isZero();
        write("data/data.toml", "[core]\nfiles = [{ name = \"roles\", table = \"roles\", mode = \"replace\", order_by = \"id\" }]\n");
        write("data/roles.jsonl", "{\"id\": 2, \"name\": \"guest\"}\n{\"id\": 1, \"name\": \"admin\"}\n");
    }

    @Test
    void applyThenExportPrintTheirTables() throws Exception {
        targetAtHead();
        MateyProcess.Result apply = matey("data", "apply");
        assertThat(apply.exitCode()).as(apply.stderr()).isZero();
        assertThat(apply.stdout()).isEqualTo("""
                Data set: core
                File   Table  Mode     Rows  Inserted  Updated  Deleted
                roles  roles  replace  2     2         0        0
                """);

        MateyProcess.Result export = matey("data", "export", "--set", "core");
        assertThat(export.exitCode()).as(export.stderr()).isZero();
        assertThat(export.stdout()).isEqualTo("""
                Data export set: core
                File   Table  Mode     Rows
                roles  roles  replace  2
                Changed files: 1  Unchanged: 0
                """);
        assertThat(Files.readString(dir.resolve("data/roles.jsonl")))
                .isEqualTo("{\"id\": 1, \"name\": \"admin\"}\n{\"id\": 2, \"name\": \"guest\"}\n");

        MateyProcess.Result json = matey("data", "apply", "--format", "json");
        assertThat(json.exitCode()).as(json.stderr()).isZero();
        assertThat(json.stdout()).contains("\"set\": \"core\"", "\"mode\": \"replace\"", "\"rows\": 2", "\"inserted\": 0", "\"updated\": 0");
    }

    /** Rows a ClickHouse table TTL drops at once are named, in text and JSON, apart from the rows inserted. */
    @Test
    void applyNamesTheRowsATtlDropped() throws Exception {
        try (TestDatabase db = TestDatabase.create("clickhouse")) {
            Map<String, String> env = MateyProcess.init(dir, db, "clickhouse");
            write("migrations/001_events.sql", "-- migrate:up\nCREATE TABLE events (id UInt32, at DateTime('UTC')) "
                    + "ENGINE = MergeTree ORDER BY id TTL at + INTERVAL 1 DAY;\n-- migrate:down\nDROP TABLE events;\n");
            assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
            assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();
            write("data/data.toml", "[core]\nfiles = [{ name = \"events\", table = \"events\", mode = \"insert\" }]\n");
            write("data/events.jsonl", "{\"id\": 1, \"at\": \"2099-01-01T00:00:00\"}\n"
                    + "{\"id\": 2, \"at\": \"2020-01-01T00:00:00\"}\n");

            MateyProcess.Result apply = MateyProcess.run(dir, env, "data", "apply");
            assertThat(apply.exitCode()).as(apply.stderr()).isZero();
            assertThat(apply.stdout()).isEqualTo("""
                    Data set: core
                    File    Table   Mode    Rows  Inserted  Updated  Deleted
                    events  events  insert  2     2         0        0
                    Dropped by TTL: 1 of the rows events wrote into events had already expired, so the table did \
                    not keep them.
                    """);
            MateyProcess.Result json = MateyProcess.run(dir, env, "data", "apply", "--format", "json");
            assertThat(json.stdout()).contains("\"inserted\": 2", "\"expired\": 1");
        }
    }

    @Test
    void userErrorsExitWithTwo() throws Exception {
        targetAtHead();
        MateyProcess.Result unknownSet = matey("data", "apply", "--set", "nope");
        assertThat(unknownSet.exitCode()).isEqualTo(2);
        assertThat(unknownSet.stderr()).contains("error: Unknown data set 'nope'. Available sets: core.").doesNotContain("at io.matey");

        write("data/roles.jsonl", "{\"id\": \"one\", \"name\": \"admin\"}\n");
        MateyProcess.Result badValue = matey("data", "apply");
        assertThat(badValue.exitCode()).isEqualTo(2);
        assertThat(badValue.stderr()).contains("error: " + dir.resolve("data/roles.jsonl")
                + ":1: column 'id' (INTEGER): expected an integer, got \"one\".");

        write("migrations/002_more.sql", "-- migrate:up\nCREATE TABLE more (id INTEGER);\n-- migrate:down\nDROP TABLE more;\n");
        assertThat(matey("schema", "apply").exitCode()).isZero();
        MateyProcess.Result behind = matey("data", "export");
        assertThat(behind.exitCode()).isEqualTo(2);
        assertThat(behind.stderr())
                .contains("error: data export requires the live database schema to match the current worktree head.");
    }

    /** Files as editors leave them: a byte-order mark is read past, a stray byte and a missing file are located. */
    @Test
    void aFilesBytesAndAbsenceAreNamedWhereToFixThem() throws Exception {
        targetAtHead();
        Path roles = dir.resolve("data/roles.jsonl");
        Files.write(roles, ("\uFEFF{\"id\": 1, \"name\": \"admin\"}\n").getBytes(StandardCharsets.UTF_8));
        MateyProcess.Result bom = matey("data", "apply");
        assertThat(bom.exitCode()).as(bom.stderr()).isZero();
        assertThat(bom.stdout()).contains("roles  roles  replace  1     1");

        Files.write(roles, new byte[] {'{', '"', 'i', 'd', '"', ':', '2', '}', '\n', '{', '"', 'n', '"', ':', '"',
            (byte) 0xE9, '"', '}', '\n'});
        MateyProcess.Result latin1 = matey("data", "apply");
        assertThat(latin1.exitCode()).isEqualTo(2);
        assertThat(latin1.stderr()).isEqualTo("error: " + roles + ":2: invalid UTF-8: byte 0xE9 at byte offset 15 of the "
                + "file. Save the file as UTF-8.\n");

        Files.delete(roles);
        MateyProcess.Result missing = matey("data", "apply");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).startsWith("error: " + dir.resolve("data/data.toml") + ":2: data set 'core', file 1: "
                + "data file " + roles + " does not exist.");
    }

    @Test
    void setNamesComplete() throws Exception {
        write("matey.toml", "targets = [\"db/core\"]\n");
        write("db/core/config.toml", "engine = \"sqlite\"\nurl_env = \"U\"\ntest_url_env = \"T\"\n");
        write("db/core/data/data.toml", "[core]\nfiles = []\n[demo]\nfiles = []\n");
        System.setProperty(GlobalOptions.WORKSPACE_PROPERTY, dir.toString());
        try {
            List<String> words = List.of("data", "apply", "--path", "db/core", "--set", "");
            List<CompletionProposal> proposals = new Completions().dataSets()
                    .apply(new CompletionContext(words, 5, 0, null, null));
            assertThat(proposals).extracting(CompletionProposal::value).containsExactly("core", "demo");
        } finally {
            System.clearProperty(GlobalOptions.WORKSPACE_PROPERTY);
        }
    }
}
