package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.Engine;
import io.matey.engine.LockNotices;
import io.matey.engine.LockWait;
import io.matey.error.MateyException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A migration merged from another branch with a timestamp older than the last applied one: every live command
 * names it as out of order with the rename that fixes it, and drift calls the database diverged, not drifted.
 */
class OutOfOrderMigrationTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void anOlderMergedMigrationIsNamedWithItsRename(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, engine)) {
            h.ws.migration("001_one.sql", h.ws.createTable("it_one"), "DROP TABLE it_one;");
            h.ws.migration("003_three.sql", h.ws.createTable("it_three"), "DROP TABLE it_three;");
            h.ws.apply();
            h.up();
            h.ws.migration("002_merged.sql", h.ws.createTable("it_two"), "DROP TABLE it_two;");
            h.ws.apply();

            LiveStatus status = h.status();
            assertThat(status.prefix().relation()).isEqualTo(LivePrefix.Relation.OUT_OF_ORDER);
            assertThat(status.prefix().line()).startsWith("migration migrations/002_merged.sql is older than the "
                    + "last applied one (version 003)").containsPattern("`mv db/core/migrations/002_merged.sql "
                    + "db/core/migrations/\\d{14}_merged.sql`, then `matey schema apply --path db/core`");
            LiveDatabase inTarget = new LiveDatabase(h.ws.env(), line -> { }, new LockWait(Engine.DEFAULT_LOCK_TIMEOUT, LockNotices.NONE), CallerTerms.CLI, h.ws.target());
            assertThat(inTarget.status(h.target(), h.url()).prefix().fix()).as("run inside the target: git takes paths "
                    + "from there, matey's --path from the workspace root").containsPattern("`mv "
                    + "migrations/002_merged.sql migrations/\\d{14}_merged.sql`, then `matey schema apply --path db/core`");

            LiveDrift drift = h.drift();
            assertThat(drift.status()).isEqualTo("diverged");
            assertThat(drift.drifted()).as("--exit-code still fails").isTrue();
            assertThat(h.plan().prefix().problem()).startsWith("migration migrations/002_merged.sql is older than");
            for (Runnable command : new Runnable[] {h::up, () -> h.down(1)}) {
                assertThatThrownBy(command::run).isInstanceOf(MateyException.class)
                        .hasMessageContaining("migrations/002_merged.sql is older than the last applied one")
                        .hasMessageNotContaining("Check out the migrations");
            }
        }
    }
}
