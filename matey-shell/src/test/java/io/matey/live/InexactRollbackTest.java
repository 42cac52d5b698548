package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.dbmate.Dbmate;
import io.matey.testing.TestWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration whose down section is accepted as inexact, rolled back outside {@code db down} (which refuses it):
 * {@code matey dbmate rollback} runs it as dbmate does and warns, and {@code db up} and {@code db adopt}, which find
 * the schema at no committed state, name the way on (docs/architecture.md §7).
 */
class InexactRollbackTest {

    @TempDir
    Path dir;

    @Test
    void aRollbackOfAnAcceptedInexactDownIsWarnedAndDbUpAndAdoptNameTheWayOn() throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, "postgres")) {
            h.ws.migration("001_mood.sql", "CREATE TYPE mood AS ENUM ('a');", "DROP TYPE mood;");
            h.ws.migration("002_more.sql", "ALTER TYPE mood ADD VALUE 'b';\nCREATE TABLE t (id int);", "DROP TABLE t;");
            String config = TestWorkspace.TARGET + "/config.toml";
            h.ws.write(config, h.ws.read(config) + "\n[inexact_downs]\n\"002_more.sql\" = \"enum values stay\"\n");
            h.ws.apply();
            h.up();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            Dbmate dbmate = new Dbmate("test", Map.of(), h.ws.root(),
                    new PrintStream(printed, true, StandardCharsets.UTF_8), Clock.systemUTC());

            assertThat(dbmate.run(List.of("-u", h.url(), "-d", TestWorkspace.TARGET + "/migrations",
                    "--no-dump-schema", "rollback"))).isZero();
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Warning: the down section of 002_more.sql is"
                    + " accepted as inexact in [inexact_downs] (enum values stay): it leaves what it does not undo");

            String wayOn = "They may be what rolling back migrations/002_more.sql left: its down section is accepted as"
                    + " inexact in [inexact_downs] (enum values stay), which `matey db down --path db/core --url '"
                    + h.url() + "'` refuses to run but `matey dbmate rollback` and dbmate run. Run by hand what of its"
                    + " up section the database lacks, until `matey db adopt --path db/core --url '" + h.url()
                    + "'` finds index 2";
            assertThatThrownBy(h::up).hasMessageContaining(wayOn);
            assertThatThrownBy(() -> h.live.adopt(h.target(), h.url(), false)).hasMessageContaining(wayOn);

            h.db.execute("CREATE TABLE t (id int)");
            assertThat(h.live.adopt(h.target(), h.url(), true)).isNotNull();
            assertThat(h.drift().drifted()).isFalse();
        }
    }
}
