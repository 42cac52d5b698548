package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --base REF} names what is not UTF-8 instead of reading it as other characters: a migration path in the merge
 * base's git tree, and the ref given (real git and SQLite; names in raw bytes made by the shell, as Java cannot).
 */
class GitBaseNonUtf8CommandTest {

    @TempDir
    Path dir;

    @Test
    void aMergeBaseHoldingAMigrationPathThatIsNotUtf8IsRefusedNamingIt() throws Exception {
        Map<String, String> env = GitWorkspace.initSqlite(dir);
        Files.writeString(dir.resolve("migrations/001_a.sql"), "-- migrate:up\nCREATE TABLE a (id INTEGER);\n"
                + "-- migrate:down\nDROP TABLE a;\n", StandardCharsets.UTF_8);
        shell("git init -q -b main && cp migrations/001_a.sql \"migrations/002_b$(printf '\\377').sql\" && git add . "
                + "&& git -c user.name=t -c user.email=t@example.com commit -q -m base && git checkout -q -b feature "
                + "&& git mv \"migrations/002_b$(printf '\\377').sql\" migrations/002_b.sql "
                + "&& git -c user.name=t -c user.email=t@example.com commit -q -m renamed");
        String base = new String(shell("git rev-parse --short=8 main"), StandardCharsets.UTF_8).strip();

        for (String[] command : new String[][] {{"schema", "plan", "--base", "main"}, {"lint", "--base", "main"}}) {
            MateyProcess.Result result = MateyProcess.run(dir, env, command);
            assertThat(result.exitCode()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(result.stderr()).as(String.join(" ", command)).isEqualTo("error: --base main: the merge base "
                    + base + " holds migrations/002_b\\xff.sql, whose path is not UTF-8 (byte 0xFF at offset 16 of the "
                    + "path), and Matey names files in UTF-8. Rename it in a commit both branches share, or compare "
                    + "with a ref whose merge base holds UTF-8 names only.\n");
        }
    }

    @Test
    void aRefThatIsNotUtf8IsRefusedSayingSo() throws Exception {
        GitWorkspace.initSqlite(dir);
        shell("git init -q -b main && git add . && git -c user.name=t -c user.email=t@example.com commit -q -m init");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        byte[] stderr = shell("DATABASE_URL=sqlite3:live.sqlite3 LC_ALL=C.UTF-8 '" + java + "' -XX:TieredStopAtLevel=1 "
                + "-cp '" + System.getProperty("java.class.path") + "' " + MateyShellApplication.class.getName()
                + " schema plan --base \"ma$(printf '\\377')in\" 2>&1 >/dev/null; echo \"exit $?\"");
        assertThat(new String(stderr, StandardCharsets.UTF_8)).isEqualTo("error: --base ma\uFFFDin: the ref name given "
                + "is not UTF-8 (the bytes Java could not decode show as \uFFFD), and git names refs in UTF-8. Name the "
                + "branch, tag or commit in UTF-8, or by its commit id (`git rev-parse`).\nexit 2\n");
    }

    /** Runs {@code script} with sh in the checkout and returns its stdout. */
    private byte[] shell(String script) throws Exception {
        Process process = new ProcessBuilder(List.of("sh", "-c", script)).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(script).isZero();
        return out;
    }
}
