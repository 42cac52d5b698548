package io.matey.live;

import io.matey.engine.Engines;
import static org.assertj.core.api.Assertions.assertThat;

import io.matey.migration.Migration;
import io.matey.testing.EngineMatrix;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * A history that excised migration 002 deletes its recorded version in 003's up and restores it in 003's down, as
 * real dbmate histories do: live commands reason about that row as dbmate does instead of calling it divergence.
 */
class SelfRecordedVersionsTest {

    private static final String EXCISE_UP = "-- 002 was removed from the history\n"
            + "DELETE FROM schema_migrations WHERE version = '002';\n";
    private static final String RESTORE_DOWN = "INSERT INTO schema_migrations (version) VALUES ('002');\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix
    void aMigrationThatEditsSchemaMigrationsRollsBackAndForward(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine)) {
            h.ws.migration("001_one.sql", h.ws.createTable("it_one"), "DROP TABLE it_one;");
            h.ws.migration("003_excise.sql", EXCISE_UP + h.ws.createTable("it_three"),
                    "DROP TABLE it_three;\n" + RESTORE_DOWN);
            h.ws.apply();
            // a database of the old history: 001 and the since excised 002 (which changed nothing) are recorded
            h.up();
            h.down(1);
            assertThat(h.recordedVersions()).isEqualTo(2);

            LiveStatus status = h.status();
            assertThat(status.migrations()).extracting(LiveStatus.Entry::applied).containsExactly(true, false);
            assertThat(status.unknownVersions()).isEmpty();
            assertThat(status.prefix().relation()).isEqualTo(LivePrefix.Relation.BEHIND);
            assertThat(h.drift().drifted()).isFalse();

            assertThat(h.up().after()).isEqualTo(2);
            assertThat(h.recordedVersions()).isEqualTo(2);
            LiveChange down = h.down(1);
            assertThat(down.after()).isEqualTo(1);
            assertThat(h.up().after()).isEqualTo(2);
            assertThat(h.plan().match()).isTrue();
        }
    }

    @Test
    void onlyVersionsThatAStatementWritesIntoTheTableCount() {
        Migration migration = new Migration("003_x.sql", "003", ("-- migrate:up\n" + EXCISE_UP
                + "SELECT * FROM schema_migrations WHERE version = '004';\n"
                + "UPDATE other SET note = '005';\n"
                + "-- migrate:down\n" + RESTORE_DOWN + "INSERT INTO public.schema_migrations VALUES ('006');\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(SelfRecordedVersions.of(List.of(migration), Engines.byId("postgres").dialect())).containsExactlyInAnyOrder("002", "006");
    }
}
