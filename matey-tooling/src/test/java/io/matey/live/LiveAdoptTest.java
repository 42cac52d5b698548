package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.Engines;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.testing.EngineMatrix;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code db adopt} on databases built by hand, on every engine: one equal to checkpoint 3 of 5 is adopted at 3
 * (dry run first, recording nothing), then {@code db migrate} applies 4 and 5; one equal to no checkpoint is
 * refused with the closest index and its diff.
 */
class LiveAdoptTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix
    void aDatabaseBuiltByHandToEqualCheckpoint3Of5IsAdoptedAt3ThenMigrated(String engine) throws Exception {
        try (LiveHarness h = fiveMigrations(LiveHarness.created(dir, engine))) {
            for (String table : new String[] {"it_1", "it_2", "it_3"}) {
                h.db.execute(h.ws.createTable(table).replace(";", ""));
            }

            LiveAdoption dryRun = h.live.adopt(h.target(), h.url(), false);
            assertThat(dryRun.index()).isEqualTo(3);
            assertThat(dryRun.head()).isEqualTo(5);
            assertThat(dryRun.source()).isEqualTo("checkpoints/003_three.sql");
            assertThat(dryRun.versions()).containsExactly("001", "002", "003");
            assertThat(dryRun.applied()).isFalse();
            assertThat(h.status().applied()).as("a dry run records nothing").isZero();

            LiveAdoption adopted = h.live.adopt(h.target(), h.url(), true);
            assertThat(adopted.applied()).isTrue();
            assertThat(adopted.pending()).isEqualTo(2);
            assertThat(h.recordedVersions()).isEqualTo(3);
            assertThat(h.drift().drifted()).isFalse();

            LiveChange migrated = h.migrate();
            assertThat(migrated.before()).isEqualTo(3);
            assertThat(migrated.after()).isEqualTo(5);
            assertThat(migrated.migrations()).extracting(MigrationTiming::file)
                    .containsExactly("migrations/004_four.sql", "migrations/005_five.sql");

            LiveAdoption again = h.live.adopt(h.target(), h.url(), true);
            assertThat(again.index()).isEqualTo(5);
            assertThat(again.versions()).as("nothing left to record").isEmpty();
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void anOutOfBandChangeCapturedInANewMigrationIsRecordedWithoutRunningIt(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine).twoMigrations()) {
            h.up();
            h.db.execute("ALTER TABLE it_two ADD COLUMN note VARCHAR(20)");
            assertThat(h.drift().drifted()).isTrue();
            h.ws.migration("003_keep_note.sql", "ALTER TABLE it_two ADD COLUMN note VARCHAR(20);",
                    "ALTER TABLE it_two DROP COLUMN note;");
            h.ws.apply();

            LiveAdoption adopted = h.live.adopt(h.target(), h.url(), true);
            assertThat(adopted.index()).isEqualTo(3);
            assertThat(adopted.versions()).containsExactly("003");
            assertThat(h.recordedVersions()).isEqualTo(3);
            assertThat(h.drift().drifted()).isFalse();
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void aDatabaseMatchingNoCheckpointIsRefusedWithTheClosestIndexAndItsDiff(String engine) throws Exception {
        try (LiveHarness h = fiveMigrations(LiveHarness.created(dir, engine))) {
            h.db.execute(h.ws.createTable("it_1").replace(";", ""));
            h.db.execute(h.ws.createTable("it_2").replace(";", ""));
            h.db.execute("CREATE INDEX it_2_by_name ON it_2 (name)");

            assertThatThrownBy(() -> h.live.adopt(h.target(), h.url(), true)).isInstanceOf(MateyException.class)
                    .hasFieldOrPropertyWithValue("reason", Reason.ADOPTION_REFUSED)
                    .hasMessageContaining("equals no committed state of target 'db/core' (indexes 0..5). Closest: index 2"
                            + " (checkpoints/002_two.sql)")
                    .hasMessageContaining("--- checkpoints/002_two.sql\n+++ live/schema.sql")
                    .hasMessageContaining("it_2_by_name").hasMessageContaining("nothing was recorded");
            assertThat(h.status().applied()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void recordedVersionsThatDisagreeWithTheLiveSchemaAreRefusedSayingWhichAreRecorded(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine).twoMigrations()) {
            h.up();
            h.db.execute("DROP TABLE it_two");

            assertThatThrownBy(() -> h.live.adopt(h.target(), h.url(), false)).isInstanceOf(MateyException.class)
                    .hasMessageContaining("(indexes 2..2; schema_migrations already records versions 1..2, so no "
                            + "lower index can be adopted). Closest: index 2");
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void upRefusesADatabaseThatPredatesMateyUntilItIsAdopted(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine).twoMigrations()) {
            h.db.execute(h.ws.createTable("it_one").replace(";", ""));

            assertThatThrownBy(h::up).isInstanceOf(MateyException.class)
                    .extracting(e -> ((MateyException) e).reason()).isEqualTo(Reason.DATABASE_NOT_EMPTY);
            assertThatThrownBy(h::migrate).hasMessage("db migrate refused: " + h.db.url() + " holds schema objects but"
                    + " records no migrations: it predates Matey. Adopt it: `matey db adopt --path db/core --url '"
                    + h.db.url() + "'` (a dry run) then with `--apply`, which finds the committed state it equals and"
                    + " records its versions; in a Spring Boot app set `matey.adopt-on-startup=true`. Nothing was"
                    + " changed.");
            try (Connection c = h.db.connect()) {
                assertThat(Engines.byId(engine).migrationTable().exists(c)).as("no schema_migrations left behind")
                        .isFalse();
            }

            h.live.adopt(h.target(), h.url(), true);
            LiveChange up = h.up();
            assertThat(up.before()).isEqualTo(1);
            assertThat(up.after()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void statusDriftAndPlanSayADatabaseThatPredatesMateyIsToBeAdopted(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine).twoMigrations()) {
            h.db.execute(h.ws.createTable("it_one").replace(";", ""));
            String predates = h.db.url() + " holds schema objects but records no migrations: it predates Matey. Adopt"
                    + " it: `matey db adopt --path db/core --url '" + h.db.url() + "'` (a dry run) then with `--apply`";

            assertThat(h.status().prefix().relation()).isEqualTo(LivePrefix.Relation.UNADOPTED);
            assertThat(h.status().prefix().line()).startsWith(predates);
            LiveDrift drift = h.drift();
            assertThat(drift.status()).isEqualTo("unadopted");
            assertThat(drift.prefix().line()).startsWith(predates);
            assertThatThrownBy(drift::keepingDraft).hasMessageContaining(predates).hasMessageEndingWith("Nothing written.");
            LivePlan plan = h.plan();
            assertThat(plan.status()).isEqualTo("unadopted");
            assertThat(plan.prefix().line()).startsWith(predates);
            assertThat(plan.pendingOnly()).isFalse();

            h.live.adopt(h.target(), h.url(), true);
            assertThat(h.drift().status()).as("adopted at index 1").isEqualTo("clean");
            assertThat(h.plan().status()).isEqualTo("pending");
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void aDatabaseHoldingNothingIsBehindNotUnadopted(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine).twoMigrations()) {
            assertThat(h.status().prefix().relation()).isEqualTo(LivePrefix.Relation.BEHIND);
            assertThat(h.drift().status()).isEqualTo("clean");
            assertThat(h.plan().status()).isEqualTo("pending");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void anEmptySchemaMigrationsTableDoesNotMakeAPredatingDatabaseRunnable(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine).twoMigrations()) {
            h.db.execute(h.ws.createTable("it_one").replace(";", ""));
            try (Connection c = h.db.connect()) {
                Engines.byId(engine).migrationTable().ensure(c);
            }

            assertThatThrownBy(h::up).hasMessageContaining("holds schema objects but records no migrations");
            assertThat(h.recordedVersions()).isZero();
        }
    }

    private static LiveHarness fiveMigrations(LiveHarness h) {
        String[] names = {"one", "two", "three", "four", "five"};
        for (int i = 1; i <= 5; i++) {
            h.ws.migration("00" + i + "_" + names[i - 1] + ".sql", h.ws.createTable("it_" + i), "DROP TABLE it_" + i + ";");
        }
        h.ws.apply();
        return h;
    }
}
