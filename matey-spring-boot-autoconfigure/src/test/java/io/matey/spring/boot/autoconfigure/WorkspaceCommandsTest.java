package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands in start-up reports run as pasted in the application's working directory. */
class WorkspaceCommandsTest {

    @TempDir
    Path cwd;

    @Test
    void aDirectoryWorkspaceIsNamedRelativeToTheWorkingDirectoryWhenBelowIt() {
        assertThat(WorkspaceCommands.of("src/main/resources/db/matey", cwd).command("db drift --path ."))
                .isEqualTo("matey --workspace src/main/resources/db/matey db drift --path .");
        assertThat(WorkspaceCommands.of("file:" + cwd.resolve("db/matey"), cwd).command("schema apply --path db"))
                .isEqualTo("matey --workspace db/matey schema apply --path db");
        assertThat(WorkspaceCommands.of(cwd.toString(), cwd).command("x")).isEqualTo("matey --workspace . x");
        assertThat(WorkspaceCommands.of("src", cwd).where()).isEmpty();
    }

    @Test
    void aDirectoryWorkspaceElsewhereIsNamedAbsoluteAndQuotedForAShell() {
        Path elsewhere = cwd.resolveSibling("other ws");
        assertThat(WorkspaceCommands.of(elsewhere.toString(), cwd.resolve("app")).command("x"))
                .isEqualTo("matey --workspace '" + elsewhere + "' x");
    }

    @Test
    void aClasspathWorkspaceSaysWhereToRunTheCommands() throws Exception {
        WorkspaceCommands missing = WorkspaceCommands.of("classpath:db/matey", cwd);
        assertThat(missing.command("x")).isEqualTo("matey x");
        assertThat(missing.where()).isEqualTo("Run these commands from the workspace directory (the source of "
                + "classpath:db/matey).");
        Files.createDirectories(cwd.resolve("src/main/resources/db/matey"));
        assertThat(WorkspaceCommands.of("classpath*:/db/matey/", cwd).preface()).isEqualTo("Run these commands in "
                + "src/main/resources/db/matey (the source of classpath*:/db/matey/).\n\n");
    }

    /** A masked password cannot log in: the command says where the password goes, and never shows it. */
    @Test
    void aUrlWhosePasswordIsMaskedNamesWhereThePasswordGoes() {
        assertThat(WorkspaceCommands.of("db", cwd).targetArguments(report("clickhouse://default:****@127.0.0.1:18123/app")))
                .isEqualTo("--path db/core --url 'clickhouse://default:<password>@127.0.0.1:18123/app'");
        assertThat(WorkspaceCommands.of("db", cwd).targetArguments(report("jdbc:postgresql://db/app")))
                .isEqualTo("--path db/core --url <its database URL>");
    }

    @Test
    void aUrlWithoutAPasswordIsGivenAsItIs() {
        assertThat(WorkspaceCommands.of("db", cwd).targetArguments(report("sqlite3:app.sqlite3")))
                .isEqualTo("--path db/core --url 'sqlite3:app.sqlite3'");
        assertThat(WorkspaceCommands.of("classpath:db/matey", cwd).targetArguments(report("postgres://app@db/app")))
                .isEqualTo("--path db/core --url 'postgres://app@db/app'");
    }

    /**
     * The driver found a relative database file in the application's working directory: commands run in the
     * workspace's source directory would name (and db up create) another file, so they name it absolute.
     */
    @Test
    void aRelativeDatabaseFileIsNamedAbsoluteWhenTheCommandsRunElsewhere() {
        assertThat(WorkspaceCommands.of("classpath:db/matey", cwd).targetArguments(report("sqlite3:data/p4.sqlite3")))
                .isEqualTo("--path db/core --url 'sqlite3:" + cwd.resolve("data/p4.sqlite3") + "'");
        assertThat(WorkspaceCommands.of("classpath:db/matey", cwd).targetArguments(report("sqlite3:/srv/p4.sqlite3")))
                .isEqualTo("--path db/core --url 'sqlite3:/srv/p4.sqlite3'");
    }

    private static TargetReport report(String connection) {
        return new TargetReport("db/core", "sqlite", connection, null, null, List.of(), TargetReport.CLEAN, List.of(),
                TargetReport.CLEAN, List.of(), null, null, null, null, null, null, null, null);
    }
}
