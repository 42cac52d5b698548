package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code matey lint} as a CI script runs it: output formats and exit codes 0 (clean or warnings), 1 (errors), 2. */
class LintCommandTest {

    @TempDir
    Path dir;

    private MateyProcess.Result matey(String... args) throws Exception {
        return MateyProcess.run(dir, Map.of(), args);
    }

    private void migration(String name, String up, String down) throws Exception {
        Files.writeString(dir.resolve("migrations").resolve(name), "-- migrate:up\n" + up + "\n\n-- migrate:down\n"
                + down + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void engineAndRuleKindOptions() throws Exception {
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        Files.writeString(dir.resolve("migrations/001_users.sql"), "-- migrate:up\nCREATE TABLE users (id INT); \n"
                + "-- migrate:down\nDROP TABLE users;\n");
        MateyProcess.Result styleOnly = matey("lint", "--no-semantic", "--engine", "postgres");
        assertThat(styleOnly.exitCode()).as(styleOnly.stderr()).isZero();
        assertThat(styleOnly.stdout()).contains("WARNING SF.LT01 migrations/001_users.sql:2 Trailing whitespace.")
                .doesNotContain("L204");
        assertThat(matey("lint", "--no-style").stdout()).contains("L204").doesNotContain("SF.LT01");
        MateyProcess.Result neither = matey("lint", "--no-semantic", "--no-style");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.stderr()).contains("Lint must run at least one of semantic or style checks.");
    }

    @Test
    void exitCodeFollowsTheWorstFinding() throws Exception {
        assertThat(matey("init", "--engine", "sqlite").exitCode()).isZero();
        migration("001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);", "DROP TABLE users;");
        assertThat(matey("schema", "apply").exitCode()).isZero();
        MateyProcess.Result clean = matey("lint");
        assertThat(clean.exitCode()).as(clean.stderr()).isZero();
        assertThat(clean.stdout()).isEqualTo("target: .\nno findings\n");

        migration("002_rename.sql", "ALTER TABLE users RENAME COLUMN name TO full_name;",
                "ALTER TABLE users RENAME COLUMN full_name TO name;");
        assertThat(matey("schema", "apply").exitCode()).isZero();
        MateyProcess.Result warnings = matey("lint");
        assertThat(warnings.exitCode()).as(warnings.stderr()).isZero();
        assertThat(warnings.stdout()).isEqualTo("""
                target: .
                WARNING L405 migrations/002_rename.sql:2 Renaming column 'users.name' to 'full_name' breaks running \
                code that still uses the old name.
                        hint: add "-- matey:nolint L405" on the line above to accept this on purpose
                """);

        migration("003_drop.sql", "DROP TABLE users;", "CREATE TABLE users (id INTEGER PRIMARY KEY, full_name TEXT);");
        MateyProcess.Result errors = matey("lint");
        assertThat(errors.exitCode()).isEqualTo(1);
        assertThat(errors.stdout()).contains("ERROR   L401 migrations/003_drop.sql:2 Dropping table 'users' deletes its data.\n"
                + "        hint: add \"-- matey:nolint L401\" on the line above to accept this on purpose\n",
                "ERROR   L204 migrations/003_drop.sql Migration is not in the lockfile.\n");
        assertThat(errors.stderr()).isEmpty();

        MateyProcess.Result json = matey("lint", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(1);
        JsonNode targets = new ObjectMapper().readTree(json.stdout());
        assertThat(targets.size()).isEqualTo(1);
        assertThat(targets.get(0).get("target").asText()).isEqualTo(".");
        JsonNode drop = StreamSupport.stream(targets.get(0).get("findings").spliterator(), false)
                .filter(finding -> finding.get("code").asText().equals("L401")).findFirst().orElseThrow();
        assertThat(drop).hasToString("{\"level\":\"error\",\"code\":\"L401\",\"path\":\"migrations/003_drop.sql\","
                + "\"line\":2,\"message\":\"Dropping table 'users' deletes its data.\",\"hint\":\"add \\\"-- matey:nolint L401\\\" "
                + "on the line above to accept this on purpose\"}");

        Files.writeString(dir.resolve("migrations/003_drop.sql"), "-- matey:nolint L401 users moved to accounts\n"
                + Files.readString(dir.resolve("migrations/003_drop.sql")));
        assertThat(matey("schema", "apply").exitCode()).isZero();
        assertThat(matey("lint").stdout()).doesNotContain("L401", "ERROR");
    }

    @Test
    void aColumnNarrowedFromItsEarlierTypeIsAWarningUntilAccepted() throws Exception {
        assertThat(matey("init", "--engine", "mysql").exitCode()).isZero();
        migration("001_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, name varchar(100) NOT NULL) "
                + "DEFAULT CHARSET=utf8mb4;", "DROP TABLE users;");
        migration("002_names.sql", "ALTER TABLE users MODIFY name varchar(50) NOT NULL;\n"
                + "ALTER TABLE users MODIFY id bigint unsigned;",
                "ALTER TABLE users MODIFY name varchar(100) NOT NULL, MODIFY id bigint;");
        MateyProcess.Result narrowed = matey("lint", "--no-style");
        assertThat(narrowed.stdout()).contains("WARNING L421 migrations/002_names.sql:2 'ALTER TABLE users MODIFY name "
                + "varchar(50) NOT NULL' narrows column 'users.name' of an existing table from varchar(100) to "
                + "varchar(50) (a shorter length)", "hint: check first that no row holds such a value (SELECT "
                + "max(char_length(name)) FROM users)").contains("WARNING L421 migrations/002_names.sql:3 'ALTER "
                + "TABLE users MODIFY id bigint unsigned' narrows column 'users.id' of an existing table from bigint to "
                + "bigint unsigned (a smaller range)");

        migration("002_names.sql", "-- matey:nolint L421 checked: no name is longer than 50 characters\n"
                + "ALTER TABLE users MODIFY name varchar(50) NOT NULL;\nALTER TABLE users MODIFY id bigint;",
                "ALTER TABLE users MODIFY name varchar(100) NOT NULL;");
        assertThat(matey("lint", "--no-style").stdout()).doesNotContain("L421");
    }

    @Test
    void everyTargetIsReportedAndABadFormatIsAUserError() throws Exception {
        assertThat(matey("init", "--path", "db/a", "--engine", "sqlite").exitCode()).isZero();
        assertThat(matey("init", "--path", "db/b", "--engine", "sqlite").exitCode()).isZero();
        MateyProcess.Result all = matey("lint", "--all");
        assertThat(all.exitCode()).as(all.stderr()).isZero();
        assertThat(all.stdout()).isEqualTo("target: db/a\nno findings\n\ntarget: db/b\nno findings\n");

        MateyProcess.Result badFormat = matey("lint", "--all", "--format", "yaml");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.stderr()).contains("error: Invalid value 'yaml' for --format: expected text, json.");
        assertThat(badFormat.stdout()).isEmpty();
    }

    @Test
    void allReportsTheOtherTargetsWhenOneConfigCannotBeRead() throws Exception {
        for (String target : new String[] {"db/a", "db/b", "db/c"}) {
            assertThat(matey("init", "--path", target, "--engine", "sqlite").exitCode()).isZero();
        }
        Files.writeString(dir.resolve("db/b/config.toml"), "engine = 3\n");
        Files.writeString(dir.resolve("db/c/migrations/001_a.sql"), "-- migrate:up\nCREATE TABLE a (id INT);\n");

        MateyProcess.Result text = matey("lint", "--all", "--no-style");
        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.stdout()).startsWith("target: db/a\nno findings\n\ntarget: db/b\n\ntarget: db/c\n")
                .contains("ERROR   L010 migrations/001_a.sql");
        assertThat(text.stderr()).contains("error: db/b: " + dir.resolve("db/b/config.toml") + ":1: 'engine' must be a string.");

        MateyProcess.Result json = matey("lint", "--all", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(2);
        JsonNode targets = new ObjectMapper().readTree(json.stdout());
        assertThat(targets).extracting(t -> t.get("target").asText()).containsExactly("db/a", "db/b", "db/c");
        assertThat(targets.get(0).get("findings")).isEmpty();
        assertThat(targets.get(1).get("error").asText()).endsWith("config.toml:1: 'engine' must be a string.");
        assertThat(targets.get(2).get("findings")).isNotEmpty();

        MateyProcess.Result one = matey("lint", "--path", "db/a");
        assertThat(one.exitCode()).as("one target reads its own config only: " + one.stderr()).isZero();
        MateyProcess.Result broken = matey("lint", "--path", "db/b");
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.stderr()).contains("config.toml:1: 'engine' must be a string.");
        assertThat(matey("lint", "--all", "--path", "db/a").stderr()).contains("Cannot combine --path with --all.");
    }
}
