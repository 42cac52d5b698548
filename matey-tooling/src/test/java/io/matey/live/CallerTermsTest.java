package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.Engine;
import io.matey.engine.LockNotices;
import io.matey.engine.LockWait;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live commands open their messages with the work as their caller's terms name it, asked for at the message, never
 * rewritten after it (docs/architecture.md §8): the CLI's {@code db migrate}, an application's own wording.
 */
class CallerTermsTest {

    /** Names the command and its step as no real caller does, so that every opening it words is told apart. */
    private static final CallerTerms MARKED = new CallerTerms() {
        @Override
        public String opening(String command, String step) {
            return "<" + command + (step.isEmpty() ? "" : " | " + step) + ">";
        }

        @Override
        public String lockBound() {
            return CLI.lockBound();
        }

        @Override
        public String createCommand(String target, LiveEndpoint endpoint) {
            return CLI.createCommand(target, endpoint);
        }

        @Override
        public String migrate() {
            return CLI.migrate();
        }

        @Override
        public String whereCommandsRun() {
            return CLI.whereCommandsRun();
        }
    };

    @TempDir
    Path dir;

    @Test
    void theCliOpensWithTheCommandAndItsStep() {
        assertThat(CallerTerms.CLI.opening("db migrate", "")).isEqualTo("db migrate");
        assertThat(CallerTerms.CLI.opening("db up", "post-status")).isEqualTo("db up post-status");
        assertThat(CallerTerms.CLI.opening("db up", "--resume")).isEqualTo("db up --resume");
    }

    @Test
    void aMissingDatabaseOpensWithTheCallersWork() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "sqlite").twoMigrations()) {
            assertThatThrownBy(() -> marked(h).migrate(h.target(), h.url())).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith("<db migrate> failed: live database " + h.db.url() + " does not exist. `"
                            + "matey db up --path db/core");
        }
    }

    @Test
    void refusalsOpenWithTheCallersWork() throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, "sqlite").twoMigrations()) {
            LiveDatabase live = marked(h);
            assertThatThrownBy(() -> live.down(h.target(), h.url(), 1))
                    .hasMessage("<db down> refused: it would roll back the latest migration, but only 0 migration(s) "
                            + "are applied; nothing was rolled back.");
            h.db.execute("CREATE TABLE it_before_matey (id INT)");
            assertThatThrownBy(() -> live.migrate(h.target(), h.url())).isInstanceOf(MateyException.class)
                    .hasFieldOrPropertyWithValue("reason", Reason.DATABASE_NOT_EMPTY)
                    .hasMessageStartingWith("<db migrate> refused: " + h.db.url() + " holds schema objects");
            assertThatThrownBy(() -> live.adopt(h.target(), h.url(), true)).isInstanceOf(MateyException.class)
                    .hasFieldOrPropertyWithValue("reason", Reason.ADOPTION_REFUSED)
                    .hasMessageStartingWith("<db adopt> refused: the schema of " + h.db.url());
        }
    }

    @Test
    void driftBeforePendingMigrationsOpensWithTheCallersWork() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "sqlite")) {
            h.ws.migration("001_one.sql", h.ws.createTable("it_one"), "DROP TABLE it_one;");
            h.ws.apply();
            h.up();
            h.ws.migration("002_two.sql", h.ws.createTable("it_two"), "DROP TABLE it_two;");
            h.ws.apply();
            h.db.execute("CREATE TABLE it_by_hand (id INT)");
            assertThatThrownBy(() -> marked(h).up(h.target(), h.url())).isInstanceOf(MateyException.class)
                    .hasFieldOrPropertyWithValue("reason", Reason.DATABASE_DRIFTED)
                    .hasMessageStartingWith("<db up> refused: the live schema differs from the committed state at "
                            + "index 1");
        }
    }

    private static LiveDatabase marked(LiveHarness h) {
        return new LiveDatabase(h.ws.env(), line -> { }, new LockWait(Engine.DEFAULT_LOCK_TIMEOUT, LockNotices.NONE),
                MARKED, h.ws.root());
    }
}
