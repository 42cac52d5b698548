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
import java.util.ArrayList;
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
            applied(h, List.of("002_more.sql"), "002_more.sql", "ALTER TYPE mood ADD VALUE 'b';\nCREATE TABLE t (id int);",
                    "DROP TABLE t;");
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

    /**
     * Rolled back past a plain migration too, the accepted one is not the next: {@code db up} still names it, with the
     * up sections to finish and the index adopt finds; {@code db down}'s refusal names ways that keep the rows.
     */
    @Test
    void anAcceptedInexactDownAmongThePendingMigrationsIsNamedAndDbDownKeepsTheRowsInView() throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, "postgres")) {
            applied(h, List.of("003_more.sql"), "002_plain.sql", "CREATE TABLE p (id int);", "DROP TABLE p;",
                    "003_more.sql", "ALTER TYPE mood ADD VALUE 'b';\nCREATE TABLE t (id int);", "DROP TABLE t;");
            String advised = "matey dbmate --url '" + h.url() + "' -d db/core/migrations --no-dump-schema rollback";
            assertThatThrownBy(() -> h.down(1)).hasMessageContaining("refused: the down section of migrations/"
                    + "003_more.sql is accepted as inexact (enum values stay): its replay's round trip left the schema, "
                    + "or the row counts it checks, unlike the committed state before it, so rolling it back cannot be "
                    + "verified; nothing was rolled back. Make its down section exact, remove its "
                    + "[inexact_downs] entry and run `matey schema apply --path db/core`; or roll it back with `"
                    + advised + "`, which runs the section and leaves what it does not undo (`matey db up --path "
                    + "db/core --url '" + h.url() + "'` then names how to record the migration again); or, if the "
                    + "database's data may be lost, drop the database and rebuild it with `matey db bootstrap --path "
                    + "db/core --url '" + h.url() + "'`.");

            // the advice works as printed, from where matey ran (dbmate's defaults are ./db/migrations, ./db/schema.sql)
            List<String> words = new ArrayList<>(List.of(advised.replace("'" + h.url() + "'", "URL").split(" ")));
            words.replaceAll(word -> word.equals("URL") ? h.url() : word);
            assertThat(dbmate(h).run(words.subList(2, words.size()))).isZero();
            assertThat(rollback(h, 1)).isZero();
            String wayOn = "They may be what rolling back migrations/003_more.sql left: its down section is accepted as"
                    + " inexact in [inexact_downs] (enum values stay), which `matey db down --path db/core --url '"
                    + h.url() + "'` refuses to run but `matey dbmate rollback` and dbmate run. Run by hand what of the"
                    + " up sections of migrations/002_plain.sql and migrations/003_more.sql the database lacks, until"
                    + " `matey db adopt --path db/core --url '" + h.url() + "'` finds index 3 (";
            assertThatThrownBy(h::up).hasMessageContaining(wayOn);

            h.db.execute("CREATE TABLE p (id int);\nCREATE TABLE t (id int)");
            assertThat(h.live.adopt(h.target(), h.url(), true)).isNotNull();
            assertThat(h.drift().drifted()).isFalse();
        }
    }

    /** Several pending migrations accepted as inexact: any of them may have left the changes. */
    @Test
    void severalAcceptedInexactDownsAmongThePendingMigrationsAreEachNamed() throws Exception {
        try (LiveHarness h = LiveHarness.created(dir, "postgres")) {
            applied(h, List.of("002_more.sql", "003_most.sql"),
                    "002_more.sql", "ALTER TYPE mood ADD VALUE 'b';\nCREATE TABLE t (id int);", "DROP TABLE t;",
                    "003_most.sql", "ALTER TYPE mood ADD VALUE 'c';\nCREATE TABLE u (id int);", "DROP TABLE u;");
            assertThat(rollback(h, 2)).isZero();
            assertThatThrownBy(h::up).hasMessageContaining("They may be what rolling back migrations/002_more.sql (enum"
                    + " values stay) or migrations/003_most.sql (enum values stay) left: their down sections are"
                    + " accepted as inexact in [inexact_downs], which ")
                    .hasMessageContaining("Run by hand what of the up sections of migrations/002_more.sql and"
                            + " migrations/003_most.sql the database lacks, until `matey db adopt --path db/core --url '"
                            + h.url() + "'` finds index 2 (")
                    .hasMessageContaining(") or index 3 (")
                    .hasMessageContaining("), whichever was rolled back last, and record them with `matey db adopt");
        }
    }

    /**
     * Applies {@code 001_mood.sql} (enum {@code mood}) and {@code migrations} (name, up and down of each) at the head,
     * those named in {@code accepted} accepted as inexact ("enum values stay").
     */
    private static void applied(LiveHarness h, List<String> accepted, String... migrations) {
        h.ws.migration("001_mood.sql", "CREATE TYPE mood AS ENUM ('a');", "DROP TYPE mood;");
        for (int i = 0; i < migrations.length; i += 3) {
            h.ws.migration(migrations[i], migrations[i + 1], migrations[i + 2]);
        }
        String config = TestWorkspace.TARGET + "/config.toml";
        StringBuilder entries = new StringBuilder("\n[inexact_downs]\n");
        for (String file : accepted) {
            entries.append('"').append(file).append("\" = \"enum values stay\"\n");
        }
        h.ws.write(config, h.ws.read(config) + entries);
        h.ws.apply();
        h.up();
    }

    /** {@code matey dbmate rollback N}, as dbmate runs it; returns the exit code. */
    private static int rollback(LiveHarness h, int steps) {
        return dbmate(h).run(List.of("-u", h.url(), "-d", TestWorkspace.TARGET + "/migrations", "--no-dump-schema",
                "rollback", Integer.toString(steps)));
    }

    /** {@code matey dbmate} run where the harness runs matey, its output dropped. */
    private static Dbmate dbmate(LiveHarness h) {
        return new Dbmate("test", Map.of(), h.ws.root(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), Clock.systemUTC());
    }
}
