package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration whose file name is not UTF-8 is refused by every command that lists migrations, naming it with its
 * bytes escaped, before any artifact is written; lint as its L201 finding (real SQLite; the name made by the shell, as Java cannot).
 */
class NonUtf8FileNameCommandTest {

    @TempDir
    Path dir;

    @Test
    void aMigrationNamedInBytesThatAreNotUtf8IsRefusedByEveryCommand() throws Exception {
        Map<String, String> env = GitWorkspace.initSqlite(dir);
        Files.writeString(dir.resolve("migrations/001_a.sql"), "-- migrate:up\nCREATE TABLE a (id INTEGER);\n"
                + "-- migrate:down\nDROP TABLE a;\n", StandardCharsets.UTF_8);
        assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
        assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();
        byte[] lock = Files.readAllBytes(dir.resolve("schema.lock.toml"));
        Process copy = new ProcessBuilder("sh", "-c", "sed s/a/b/g migrations/001_a.sql > \"migrations/002_b$(printf "
                + "'\\377\\376').sql\"").directory(dir.toFile()).inheritIO().start();
        assertThat(copy.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(copy.exitValue()).isZero();
        String refusal = "error: migrations/002_b\\xff\\xfe.sql: the file name is not UTF-8 (byte 0xFF at offset 5 of "
                + "the name), and Matey records and names files in UTF-8. Rename it: mv $'migrations/002_b\\xff\\xfe.sql' "
                + "'migrations/002_b.sql'\n";

        // lint reports what stops it reading the artifacts as an L201 finding, as it does a symlink.
        MateyProcess.Result lint = MateyProcess.run(dir, env, "lint");
        assertThat(lint.exitCode()).isEqualTo(1);
        assertThat(lint.stdout()).contains("ERROR   L201 . " + refusal.substring("error: ".length(), refusal.length() - 1)
                + "\n        hint: make migrations/ and checkpoints/ hold readable regular files named in UTF-8");
        for (String[] command : new String[][] {{"schema", "plan"}, {"schema", "apply"},
                {"schema", "status"}, {"db", "up"}, {"db", "status"}}) {
            MateyProcess.Result result = MateyProcess.run(dir, env, command);
            assertThat(result.exitCode()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(result.stderr()).as(String.join(" ", command)).isEqualTo(refusal);
        }
        assertThat(Files.readAllBytes(dir.resolve("schema.lock.toml"))).isEqualTo(lock);
        try (Stream<Path> checkpoints = Files.list(dir.resolve("checkpoints"))) {
            assertThat(checkpoints.map(p -> p.getFileName().toString())).containsExactly("001_a.sql");
        }

        MateyProcess.Result dbmate = MateyProcess.run(dir, env, "dbmate", "-d", "migrations", "-u",
                "sqlite3:" + dir.resolve("dbmate.sqlite3"), "status");
        assertThat(dbmate.exitCode()).isEqualTo(2);
        assertThat(dbmate.stderr()).isEqualTo(refusal);
    }

    /**
     * A UTF-8 name that the locale's character set cannot hold (LC_ALL=C: Java reads names as ASCII whatever its
     * options say) is refused saying how to run, rather than read as U+FFFD and failing on a file that does not exist.
     */
    @Test
    void aUtf8NameAJvmInTheCLocaleCannotReadIsRefusedNamingTheLocale() throws Exception {
        Map<String, String> env = GitWorkspace.initSqlite(dir);
        Files.writeString(dir.resolve("migrations/001_caf\u00e9.sql"), "-- migrate:up\nCREATE TABLE a (id INTEGER);\n"
                + "-- migrate:down\nDROP TABLE a;\n", StandardCharsets.UTF_8);
        Map<String, String> c = new java.util.HashMap<>(env);
        c.put("LC_ALL", "C");
        for (String[] command : new String[][] {{"schema", "apply"}, {"db", "up"}}) {
            MateyProcess.Result result = MateyProcess.run(dir, c, command);
            assertThat(result.exitCode()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(result.stderr()).as(String.join(" ", command))
                    .startsWith("error: migrations/001_caf\\xc3\\xa9.sql: the file name is UTF-8, but this Java process "
                            + "reads file names as ")
                    .endsWith(" (from the locale: LC_ALL, LC_CTYPE or LANG), which cannot represent it. Run Matey under "
                            + "a UTF-8 locale, e.g. LC_ALL=C.UTF-8; the ./matey launcher does so itself.\n");
        }
        try (Stream<Path> checkpoints = Files.list(dir.resolve("checkpoints"))) {
            assertThat(checkpoints).isEmpty();
        }

        MateyProcess.Result named = MateyProcess.run(dir, c, "init", "--engine", "sqlite", "--path", "caf\u00e9");
        assertThat(named.exitCode()).as("a file name given as an argument").isEqualTo(2);
        assertThat(named.stderr()).startsWith("error: Cannot name the file 'caf").contains("': this Java process writes "
                + "file names as ").endsWith(", which cannot represent it (Malformed input or input contains unmappable "
                + "characters). Run Matey under a UTF-8 locale, e.g. LC_ALL=C.UTF-8; the ./matey launcher does so itself.\n");
    }
}
