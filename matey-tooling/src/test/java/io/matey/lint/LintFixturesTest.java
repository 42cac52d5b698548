package io.matey.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One fixture per lint code under {@code src/test/resources/lint/}: a target's files and its exact text and JSON
 * output, line numbers included. Migration fixtures get coherent artifacts; artifact fixtures break them on purpose.
 */
class LintFixturesTest {

    @TempDir
    Path workspace;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"clean", "L001", "L002", "L003", "L005", "L006", "L007", "L008", "L009", "L010", "L011", "L012", "L013", "L101",
            "L102", "L103", "L104-L105", "L106", "L106-postgres", "L107", "L108", "L108-do-block", "L108-mysql", "L110", "L401",
            "L401-rebuild-sqlite", "L401-rebuild-postgres", "L401-partition-mysql", "L401-system-versioning-mysql", "L402", "L402-mysql", "L403", "L403-mysql", "L404", "L405", "L405-set-schema", "L406", "L407", "L410", "L411", "L412", "L413", "L414", "L415", "L416", "L417", "L418", "L419", "L420", "L421-mysql", "L421-postgres",
            "nolint-statement", "nolint-file"})
    void migrationFixture(String name) {
        assertOutput(LintFixture.load(name, workspace).withArtifacts());
    }

    @Test
    void l004UndecodableMigration() {
        byte[] latin1 = {'-', '-', ' ', 'm', 'i', 'g', 'r', 'a', 't', 'e', ':', 'u', 'p', '\n', 'S', 'E', 'L', 'E', 'C',
                'T', ' ', '\'', 'c', 'a', 'f', (byte) 0xE9, '\'', ';', '\n'};
        assertOutput(LintFixture.load("L004", workspace).write("migrations/002_latin1.sql", latin1).withArtifacts());
    }

    @Test
    void l200UnknownEngine() {
        assertOutput(LintFixture.load("L200", workspace).withArtifacts().delete("schema.lock.toml").delete("schema.sql"));
    }

    @Test
    void l201UnreadableLock() {
        assertOutput(LintFixture.load("L201", workspace).withArtifacts().write("schema.lock.toml", "lock_version = [\n"));
    }

    @Test
    void l202OrphanCheckpoint() {
        assertOutput(LintFixture.load("L202", workspace).withArtifacts().write("checkpoints/002_gone.sql", "\n"));
    }

    @Test
    void l203MissingSchema() {
        assertOutput(LintFixture.load("L203", workspace).withArtifacts().delete("schema.sql"));
    }

    @Test
    void l204MigrationEditedAfterApply() {
        assertOutput(LintFixture.load("L204", workspace).withArtifacts()
                .write("migrations/001_create_a.sql", "-- migrate:up\nCREATE TABLE a (id INTEGER, b TEXT);\n\n"
                        + "-- migrate:down\nDROP TABLE a;\n"));
    }

    @Test
    void l205L206L208NoLock() {
        assertOutput(LintFixture.load("L205-L206-L208", workspace).withArtifacts().delete("schema.lock.toml"));
    }

    @Test
    void l209ConfigEngineDiffersFromLock() {
        assertOutput(LintFixture.load("L209", workspace).withArtifacts().write("config.toml",
                "engine = \"postgres\"\nurl_env = \"DB_CORE_DATABASE_URL\"\ntest_url_env = \"DB_CORE_TEST_DATABASE_URL\"\n"));
    }

    @Test
    void l210LockRecordsOtherAcceptedDowns() {
        assertOutput(LintFixture.load("L210", workspace).withArtifacts().write("config.toml",
                "engine = \"postgres\"\nurl_env = \"DB_CORE_DATABASE_URL\"\ntest_url_env = \"DB_CORE_TEST_DATABASE_URL\"\n"));
    }

    private static void assertOutput(LintFixture fixture) {
        assertThat(fixture.text()).isEqualTo(fixture.expected("expected.txt"));
        assertThat(fixture.json()).isEqualTo(fixture.expected("expected.json"));
    }
}
