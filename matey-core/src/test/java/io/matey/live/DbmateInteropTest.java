package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.DbmateBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Matey and the real dbmate share {@code schema_migrations}: each continues where the other stopped. */
class DbmateInteropTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres", "mysql"})
    void mateyContinuesADatabaseMigratedByDbmate(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir.resolve("ws"), engine).twoMigrations()) {
            Path firstOnly = Files.createDirectories(dir.resolve("first-only"));
            Files.copy(h.ws.target().resolve("migrations/001_one.sql"), firstOnly.resolve("001_one.sql"));
            DbmateBinary.Result up = DbmateBinary.installed().run(h.db.url(), firstOnly, "--no-dump-schema", "up");
            assertThat(up.exitCode()).as(up.output()).isZero();

            LiveStatus status = h.status();
            assertThat(status.migrations()).extracting(LiveStatus.Entry::applied).containsExactly(true, false);
            assertThat(status.applied()).isEqualTo(1);
            assertThat(status.pending()).isEqualTo(1);
            assertThat(h.drift().drifted()).as(h.drift().diff()).isFalse();

            LiveChange migrate = h.migrate();
            assertThat(migrate.before()).isEqualTo(1);
            assertThat(migrate.after()).isEqualTo(2);
            assertThat(h.plan().match()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres", "mysql"})
    void dbmateReadsAndRollsBackADatabaseMigratedByMatey(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine).twoMigrations()) {
            h.up();
            Path migrations = h.ws.target().resolve("migrations");
            DbmateBinary dbmate = DbmateBinary.installed();

            DbmateBinary.Result status = dbmate.run(h.db.url(), migrations, "status");
            assertThat(status.exitCode()).as(status.output()).isZero();
            assertThat(status.output()).contains("[X] 001_one.sql", "[X] 002_two.sql", "Applied: 2", "Pending: 0");

            DbmateBinary.Result rollback = dbmate.run(h.db.url(), migrations, "--no-dump-schema", "rollback");
            assertThat(rollback.exitCode()).as(rollback.output()).isZero();
            assertThat(rollback.output()).contains("Rolling back: 002_two.sql");

            assertThat(h.status().applied()).isEqualTo(1);
            assertThat(h.drift().drifted()).isFalse();
            assertThat(h.drift().appliedIndex()).isEqualTo(1);
            assertThat(h.up().after()).isEqualTo(2);
            assertThat(dbmate.run(h.db.url(), migrations, "status").output()).contains("Applied: 2");
        }
    }
}
