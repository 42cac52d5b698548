package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.MateyTools;
import io.matey.engine.Engines;
import io.matey.engine.UrlOption;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.testing.TestWorkspace;
import java.nio.file.Files;
import java.sql.Connection;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An interrupted migration abandoned by hand (partial change undone, file deleted, {@code schema apply} run): the
 * progress marker it left is stale, {@code db status} reports it and every other command refuses naming
 * {@code db up --resume}, which removes it (data apply too, which writes to the schema at head; export only reads);
 * while the schema still differs, the report and refusals show the diff.
 */
class StaleMarkerTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "clickhouse"})
    void anAbandonedInterruptedMigrationsMarkerIsRemovedByResume(String engine) throws Exception {
        boolean clickhouse = engine.equals("clickhouse");
        try (LiveHarness h = LiveHarness.unborn(dir, engine)) {
            h.ws.migration("001_users.sql", clickhouse
                    ? "CREATE TABLE users (id UInt64, email String) ENGINE = MergeTree ORDER BY id;"
                    : "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);", "DROP TABLE users;");
            h.ws.apply();
            h.up();
            h.db.execute("INSERT INTO users (id, email) VALUES (1, 'a@example.com'), (2, 'a@example.com')");
            h.ws.write(TestWorkspace.TARGET + "/data/data.toml", "[all]\nfiles = [{ name = \"users\", table = \"users\", "
                    + "mode = \"replace\", on = [\"id\"] }]\n");
            h.ws.write(TestWorkspace.TARGET + "/migrations/002_retype.sql", "-- migrate:up transaction:false\n"
                    + (clickhouse ? "ALTER TABLE users ADD COLUMN tmp String;\nALTER TABLE users MODIFY COLUMN email UInt64;\n"
                            : "ALTER TABLE users ADD COLUMN tmp TEXT;\nCREATE UNIQUE INDEX users_email ON users (email);\n")
                    + "\n-- migrate:down transaction:false\n" + (clickhouse ? "ALTER TABLE users MODIFY COLUMN email String;\n"
                            : "DROP INDEX users_email;\n") + "ALTER TABLE users DROP COLUMN tmp;\n");
            h.ws.apply();
            assertThatThrownBy(h::up).hasMessageContaining("took effect");
            if (clickhouse) { // the user's undo of the failed type change
                h.db.execute("KILL MUTATION WHERE database = currentDatabase() AND table = 'users' SYNC");
                h.db.execute("ALTER TABLE users MODIFY COLUMN email String");
            }

            Files.delete(h.ws.target().resolve("migrations/002_retype.sql"));
            h.ws.apply();
            String resume = "`matey db up --path db/core" + UrlOption.of(h.db.url()) + " --resume`";
            StaleMarker partial = h.status().staleMarker();
            assertThat(partial.describe()).isEqualTo("progress marker of version 002 (up section, 1 of 2 statements), "
                    + "whose migration is not in the worktree, and the live schema is not the committed state at the "
                    + "applied index 1 (schema.sql)");
            assertThat(partial.diff()).contains("+++ live/schema.sql", "tmp");
            assertThat(h.status().interrupted()).isNull();
            assertThatThrownBy(h::up).hasMessageStartingWith("db up refused: the live database")
                    .hasMessageContaining(partial.describe()).hasMessageContaining(partial.diff())
                    .hasMessageContaining("undo the changes the diff shows by hand");
            assertThatThrownBy(() -> h.live.upResuming(h.target(), h.url()))
                    .hasMessageStartingWith("db up --resume refused:").hasMessageContaining("tmp");

            h.db.execute("ALTER TABLE users DROP COLUMN tmp");
            StaleMarker stale = h.status().staleMarker();
            assertThat(stale.undone()).isTrue();
            assertThat(stale.describe()).endsWith("so its partial changes were undone and the marker is stale");
            assertThatThrownBy(h::up).hasMessageStartingWith("db up refused:").hasMessageContaining(resume);
            assertThatThrownBy(() -> h.down(1)).hasMessageStartingWith("db down refused:").hasMessageContaining(resume);
            assertThat(new MateyTools(h.ws.matey()).dataExport(h.target(), h.url(), "all").files()).as("export only reads").hasSize(1);
            assertThatThrownBy(() -> new MateyTools(h.ws.matey()).dataApply(h.target(), h.url(), "all"))
                    .as("data apply writes to the schema at head, as db up would: refused until the marker is settled")
                    .isInstanceOf(MateyException.class).hasMessageStartingWith("data apply refused: the live database")
                    .hasMessageContaining(stale.describe()).hasMessageContaining(resume)
                    .extracting(e -> ((MateyException) e).reason()).isEqualTo(Reason.MIGRATION_INTERRUPTED);

            LiveChange resumed = h.live.upResuming(h.target(), h.url());
            assertThat(resumed.after()).isEqualTo(1);
            assertThat(h.status().staleMarker()).isNull();
            try (Connection c = h.db.connect()) {
                assertThat(Engines.byId(h.target().engine()).progressTable().exists(c))
                        .as("the run that removed the marker dropped the emptied table").isFalse();
            }
            assertThat(h.drift().drifted()).isFalse();
            h.ws.write(TestWorkspace.TARGET + "/data/users.jsonl", "{\"email\": \"a@example.com\", \"id\": 1}\n");
            assertThat(new MateyTools(h.ws.matey()).dataApply(h.target(), h.url(), "all").files().get(0).deleted()).isEqualTo(1);
            assertThat(h.down(1).after()).isZero();
        }
    }

    /**
     * A process killed after a section recorded its version but before it removed its marker (on ClickHouse two
     * separate writes) leaves a marker Matey's own records prove finished: {@code db status} says so and names plain
     * {@code db up}, which removes it with a notice and goes on; a marker short of its last statement is still refused.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "clickhouse"})
    void aFinishedSectionsLeftoverMarkerIsRemovedByUp(String engine) throws Exception {
        boolean clickhouse = engine.equals("clickhouse");
        try (LiveHarness h = LiveHarness.unborn(dir, engine)) {
            h.ws.migration("001_users.sql", clickhouse
                    ? "CREATE TABLE users (id UInt64) ENGINE = MergeTree ORDER BY id;"
                    : "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;");
            h.ws.apply();
            h.up();
            try (Connection c = h.db.connect()) {
                Engines.byId(h.target().engine()).progressTable().begin(c, "001", "up", 0, 1);
            }
            assertThat(h.status().staleMarker().finished()).as("0 of 1 statements: not proven finished").isFalse();
            assertThatThrownBy(h::up).hasMessageStartingWith("db up refused:").hasMessageContaining("--resume");

            try (Connection c = h.db.connect()) {
                Engines.byId(h.target().engine()).progressTable().advance(c, "001", 1);
            }
            StaleMarker finished = h.status().staleMarker();
            assertThat(finished.finished()).isTrue();
            assertThat(finished.describe()).isEqualTo("progress marker of version 001 (up section, 1 of 1 statement), "
                    + "whose section finished and whose version change is recorded: only the marker's removal was cut short");
            assertThat(finished.wayForward("matey db up")).startsWith("Run `matey db up`: it removes the marker");

            LiveChange up = h.up();
            assertThat(up.notices()).containsExactly("removed the progress marker of version 001 (up section, 1 of 1 "
                    + "statement): its section finished and its version change is recorded; only the marker's removal "
                    + "was cut short");
            assertThat(h.status().staleMarker()).isNull();
            try (Connection c = h.db.connect()) {
                assertThat(Engines.byId(h.target().engine()).progressTable().exists(c)).isFalse();
            }
        }
    }

    /**
     * Reporting or refusing a stale marker reads the applied versions once, as without a marker: the check whether
     * its section finished uses the versions the command already read (a query less on {@code db up}'s start-up).
     */
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aStaleMarkerCostsNoExtraReadOfTheAppliedVersions(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine)) {
            h.ws.migration("001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;");
            h.ws.apply();
            h.up();
            try (Connection c = h.db.connect()) {
                Engines.byId(h.target().engine()).progressTable().begin(c, "001", "up", 0, 1);
            }
            RecordingEndpoint endpoint = new RecordingEndpoint(h.db.url(), h.db.engine());
            assertThat(h.live.status(h.target(), endpoint).staleMarker().finished()).isFalse();
            assertThat(versionReads(endpoint)).as("the applied versions, and the dump's block of them").isEqualTo(2);

            endpoint.queries.clear();
            assertThatThrownBy(() -> h.live.up(h.target(), endpoint)).hasMessageStartingWith("db up refused:");
            assertThat(versionReads(endpoint)).isEqualTo(2);
        }
    }

    private static long versionReads(RecordingEndpoint endpoint) {
        return endpoint.queries.stream().filter(sql -> sql.startsWith("SELECT version FROM")).count();
    }
}
