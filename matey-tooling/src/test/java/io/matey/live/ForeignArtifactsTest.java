package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.MateyTools;
import io.matey.SchemaStatus;
import io.matey.artifact.LockFactory;
import io.matey.artifact.LockFileCodec;
import io.matey.artifact.SchemaLock;
import io.matey.engine.Engines;
import io.matey.error.MateyException;
import io.matey.replay.ReplayOptions;
import io.matey.testing.TestWorkspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A workspace as Python matey leaves it (pg_dump text with its {@code \restrict} line, the same lock layout with
 * Python matey's canonicalizer label): recognised up front, with the command that regenerates it, by every command.
 */
class ForeignArtifactsTest {

    private static final String MYSQL_CANONICALIZER = Engines.byId("mysql").canonicalizer();

    private static final String ADVICE = "Regenerate them from the migrations with `matey schema apply --path db/core --clean`.";

    private static final String PG_DUMP = """
            --
            -- PostgreSQL database dump
            --

            \\restrict 3bQ2tZl0sW9fXk

            SET statement_timeout = 0;
            SET client_encoding = 'UTF8';

            CREATE TABLE public.items (
                id integer NOT NULL
            );

            \\unrestrict 3bQ2tZl0sW9fXk

            --
            -- Dbmate schema migrations
            --

            INSERT INTO public.schema_migrations (version) VALUES
                ('001');
            """;

    @TempDir
    Path dir;

    @Test
    void pythonMateyArtifactsGetTheAdviceBeforeAnythingRuns() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "postgres")) {
            h.ws.migration("001_items.sql", "CREATE TABLE items (id integer PRIMARY KEY);", "DROP TABLE items;");
            writeLocked(h.ws, PG_DUMP, "matey-sql-v0"); // Python matey's layout: its label over pg_dump text

            SchemaStatus status = new MateyTools(h.ws.matey()).schemaStatus(TestWorkspace.TARGET, false).get(0);
            assertThat(status.clean()).isFalse();
            assertThat(status.diagnostics()).singleElement().satisfies(d -> assertThat(d.render())
                    .startsWith("lockfile-canonicalizer-mismatch@schema.lock.toml: Artifacts written by another tool: "
                            + "the lock names canonicalizer 'matey-sql-v0' (Python matey's")
                    .endsWith(ADVICE));

            assertThatThrownBy(() -> h.ws.plan()).isInstanceOf(MateyException.class).hasMessageEndingWith(ADVICE);
            assertThatThrownBy(() -> h.ws.apply()).isInstanceOf(MateyException.class).hasMessageEndingWith(ADVICE);
            for (ThrowingCallable command : List.<ThrowingCallable>of(h::up, h::bootstrap, h::migrate, h::drift)) {
                assertThatThrownBy(command).isInstanceOf(MateyException.class)
                        .hasMessageContaining("before touching the database").hasMessageEndingWith(ADVICE);
            }
            assertThat(h.db.engine().databaseExists(h.db.url())).as("nothing ran").isFalse();

            h.ws.apply(new ReplayOptions(null, null, true, false));
            assertThat(h.ws.read(TestWorkspace.TARGET + "/schema.lock.toml"))
                    .contains("canonicalizer = \"" + SchemaLock.CANONICALIZER + "\"");
            assertThat(new MateyTools(h.ws.matey()).schemaStatus(TestWorkspace.TARGET, false).get(0).clean()).isTrue();
            assertThat(h.up().after()).isEqualTo(1);
        }
    }

    /**
     * MySQL/MariaDB artifacts of the formats before every table (v1) and every function's string result (v2) stated
     * its character set are regenerated, not compared.
     */
    @ParameterizedTest
    @ValueSource(strings = {"matey-catalog-v1", "matey-catalog-v2"})
    void earlierMysqlArtifactsGetTheAdviceAndRegenerate(String label) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "mysql")) {
            h.ws.migration("001_items.sql", "CREATE TABLE items (id integer PRIMARY KEY, name varchar(20));", "DROP TABLE items;");
            h.ws.apply();
            String lock = TestWorkspace.TARGET + "/schema.lock.toml";
            assertThat(h.ws.read(lock)).contains("canonicalizer = \"" + MYSQL_CANONICALIZER + "\"");
            h.ws.write(lock, h.ws.read(lock).replace(MYSQL_CANONICALIZER, label));

            assertThat(new MateyTools(h.ws.matey()).schemaStatus(TestWorkspace.TARGET, false).get(0).diagnostics()).singleElement()
                    .satisfies(d -> assertThat(d.render()).startsWith("lockfile-canonicalizer-mismatch@schema.lock.toml: "
                            + "Artifacts written by an earlier Matey release: the lock names canonicalizer '" + label
                            + "', whose MySQL/MariaDB dumps leave out a " + (label.endsWith("v1") ? "table's"
                                    : "function's string result's") + " character set").endsWith(ADVICE));
            assertThatThrownBy(h::drift).isInstanceOf(MateyException.class).hasMessageEndingWith(ADVICE);

            h.ws.apply(new ReplayOptions(null, null, true, false));
            assertThat(h.ws.read(lock)).contains("canonicalizer = \"" + MYSQL_CANONICALIZER + "\"");
            assertThat(h.up().after()).isEqualTo(1);
        }
    }

    /**
     * MySQL/MariaDB artifacts of an earlier release that state a function's integer result with MariaDB's display
     * width, which dumps now drop: a live database would read as drift, so they are regenerated, not compared.
     */
    @Test
    void earlierMysqlArtifactsWithAFunctionResultsDisplayWidthGetTheAdviceAndRegenerate() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "mysql")) {
            h.ws.migration("001_items.sql", "CREATE TABLE items (id integer PRIMARY KEY);\nCREATE FUNCTION item_count() "
                    + "RETURNS INT READS SQL DATA RETURN (SELECT COUNT(*) FROM items);", "DROP FUNCTION item_count;\nDROP TABLE items;");
            h.ws.apply();
            earlierTextIsRegenerated(h, "() RETURNS int\n", "() RETURNS int(11)\n", MYSQL_CANONICALIZER,
                    "a function's integer result with its display width (RETURNS int(11))", h::drift);
            assertThat(h.up().after()).isEqualTo(1);
        }
    }

    /**
     * PostgreSQL artifacts of an earlier release that state a materialized view unpopulated: a refresh on the live
     * database would read as drift, so they are regenerated, not compared.
     */
    @Test
    void earlierPostgresArtifactsStatingWithNoDataGetTheAdviceAndRegenerate() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "postgres")) {
            h.ws.migration("001_items.sql", "CREATE TABLE items (id integer PRIMARY KEY);\nCREATE MATERIALIZED VIEW "
                    + "item_ids AS SELECT id FROM items WITH NO DATA;", "DROP MATERIALIZED VIEW item_ids;\nDROP TABLE items;");
            h.ws.apply();
            earlierTextIsRegenerated(h, "FROM public.items;\n", "FROM public.items\n WITH NO DATA;\n",
                    SchemaLock.CANONICALIZER, "that a materialized view is not populated (WITH NO DATA)", h::bootstrap);
            assertThat(h.bootstrap().after()).isEqualTo(1);
        }
    }

    /**
     * The same text in a checkpoint before the head, which a database behind the head, or rolled back, is verified
     * against: named, refused before anything runs, and regenerated.
     */
    @Test
    void anEarlierCheckpointStatingWithNoDataIsNamedAndRegenerated() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "postgres")) {
            String view = "CREATE MATERIALIZED VIEW item_ids AS SELECT id FROM items WITH NO DATA;";
            h.ws.migration("001_items.sql", "CREATE TABLE items (id integer PRIMARY KEY);\n" + view,
                    "DROP MATERIALIZED VIEW item_ids;\nDROP TABLE items;");
            h.ws.migration("002_no_view.sql", "DROP MATERIALIZED VIEW item_ids;", view);
            h.ws.apply();
            String checkpoint = TestWorkspace.TARGET + "/checkpoints/001_items.sql";
            String first = h.ws.read(checkpoint);
            String schema = h.ws.read(TestWorkspace.TARGET + "/schema.sql");
            String earlier = first.replace("FROM public.items;\n", "FROM public.items\n WITH NO DATA;\n");
            assertThat(earlier).isNotEqualTo(first);
            assertThat(schema).doesNotContain("item_ids");
            writeLocked(h.ws, List.of("001_items.sql", "002_no_view.sql"), List.of(earlier, schema), schema,
                    SchemaLock.CANONICALIZER);

            assertThat(new MateyTools(h.ws.matey()).schemaStatus(TestWorkspace.TARGET, false).get(0).diagnostics()).singleElement()
                    .satisfies(d -> assertThat(d.render()).startsWith("lockfile-canonicalizer-mismatch@schema.lock.toml: "
                            + "Artifacts written by an earlier Matey release: checkpoints/001_items.sql states that a "
                            + "materialized view is not populated (WITH NO DATA)").endsWith(ADVICE));
            assertThatThrownBy(h::up).isInstanceOf(MateyException.class).hasMessageEndingWith(ADVICE);
            assertThat(h.db.engine().databaseExists(h.db.url())).as("nothing ran").isFalse();

            h.ws.apply(new ReplayOptions(null, null, true, false));
            assertThat(h.ws.read(checkpoint)).isEqualTo(first);
            assertThat(new MateyTools(h.ws.matey()).schemaStatus(TestWorkspace.TARGET, false).get(0).clean()).isTrue();
            assertThat(h.up().after()).isEqualTo(2);
            assertThat(h.down(1).after()).isEqualTo(1);
        }
    }

    /**
     * PostgreSQL artifacts of an earlier release that create a partitioned table's index without {@code ONLY} and
     * leave its partitions' indexes out: a live database would read as drift and a replay from them would build
     * another state, so neither an incremental {@code schema apply} nor {@code db up} starts from them.
     */
    @Test
    void earlierPostgresArtifactsIndexingAPartitionedTableWithoutOnlyGetTheAdviceAndRegenerate() throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, "postgres")) {
            h.ws.migration("001_gauges.sql", """
                    CREATE SCHEMA "Sensor data";
                    CREATE TABLE "Sensor data"."Gauges" (id int, day date) PARTITION BY LIST (day);
                    CREATE TABLE "Sensor data".gauges_1 PARTITION OF "Sensor data"."Gauges" FOR VALUES IN ('2024-01-01');
                    CREATE INDEX "Gauges_id" ON "Sensor data"."Gauges" (id);""", "DROP SCHEMA \"Sensor data\" CASCADE;");
            h.ws.apply();
            String schema = h.ws.read(TestWorkspace.TARGET + "/schema.sql");
            assertThat(new MateyTools(h.ws.matey()).schemaStatus(TestWorkspace.TARGET, false).get(0).clean()).as("a new dump").isTrue();
            String earlier = schema.replace("CREATE INDEX \"Gauges_id\" ON ONLY \"Sensor data\".\"Gauges\" USING",
                    "CREATE INDEX \"Gauges_id\" ON \"Sensor data\".\"Gauges\" USING")
                    .replaceAll("(?m)^(CREATE INDEX gauges_1_id_idx|ALTER INDEX \"Sensor data\".\"Gauges_id\") [^\n]*\n\n", "");
            assertThat(earlier).contains("CREATE INDEX \"Gauges_id\" ON \"Sensor data\".\"Gauges\" USING btree (id);")
                    .doesNotContain("gauges_1_id_idx");
            writeLocked(h.ws, List.of("001_gauges.sql"), List.of(earlier), earlier, SchemaLock.CANONICALIZER);
            h.ws.migration("002_notes.sql", "CREATE TABLE notes (id int);", "DROP TABLE notes;");

            assertThat(new MateyTools(h.ws.matey()).schemaStatus(TestWorkspace.TARGET, false).get(0).diagnostics())
                    .anySatisfy(d -> assertThat(d.render()).startsWith("lockfile-canonicalizer-mismatch@schema.lock.toml: "
                            + "Artifacts written by an earlier Matey release: schema.sql states a partitioned table's "
                            + "index created without ON ONLY").endsWith(ADVICE));
            assertThatThrownBy(() -> h.ws.apply()).isInstanceOf(MateyException.class).hasMessageEndingWith(ADVICE);
            assertThatThrownBy(h::up).isInstanceOf(MateyException.class).hasMessageEndingWith(ADVICE);
            assertThat(h.db.engine().databaseExists(h.db.url())).as("nothing ran").isFalse();

            h.ws.apply(new ReplayOptions(null, null, true, false));
            assertThat(h.ws.read(TestWorkspace.TARGET + "/checkpoints/001_gauges.sql")).isEqualTo(schema);
            assertThat(new MateyTools(h.ws.matey()).schemaStatus(TestWorkspace.TARGET, false).get(0).clean()).isTrue();
            assertThat(h.up().after()).isEqualTo(2);
        }
    }

    /**
     * The applied schema.sql as an earlier release wrote it ({@code from} replaced by {@code to}, as its one
     * checkpoint too): {@code schema status} says what it states with the advice, {@code refused} fails with the
     * advice, and a clean apply writes today's text back.
     */
    private static void earlierTextIsRegenerated(LiveHarness h, String from, String to, String label, String stated,
            ThrowingCallable refused) throws Exception {
        String schema = h.ws.read(TestWorkspace.TARGET + "/schema.sql");
        String earlier = schema.replace(from, to);
        assertThat(earlier).isNotEqualTo(schema);
        writeLocked(h.ws, earlier, label);

        assertThat(new MateyTools(h.ws.matey()).schemaStatus(TestWorkspace.TARGET, false).get(0).diagnostics()).singleElement()
                .satisfies(d -> assertThat(d.render()).startsWith("lockfile-canonicalizer-mismatch@schema.lock.toml: "
                        + "Artifacts written by an earlier Matey release: schema.sql states " + stated).endsWith(ADVICE));
        assertThatThrownBy(refused).isInstanceOf(MateyException.class).hasMessageEndingWith(ADVICE);

        h.ws.apply(new ReplayOptions(null, null, true, false));
        assertThat(h.ws.read(TestWorkspace.TARGET + "/schema.sql")).isEqualTo(schema);
        assertThat(new MateyTools(h.ws.matey()).schemaStatus(TestWorkspace.TARGET, false).get(0).clean()).isTrue();
    }

    /** One step's artifacts holding {@code text} as checkpoint and schema, under a lock labelled {@code label}. */
    private static void writeLocked(TestWorkspace ws, String text, String label) {
        writeLocked(ws, List.of("001_items.sql"), List.of(text), text, label);
    }

    /** The steps of {@code files} holding {@code checkpoints} and {@code schema}, under a lock labelled {@code label}. */
    private static void writeLocked(TestWorkspace ws, List<String> files, List<String> checkpoints, String schema,
            String label) {
        List<LockFactory.StepSource> steps = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String migration = "migrations/" + files.get(i);
            String checkpoint = "checkpoints/" + files.get(i);
            byte[] bytes = ws.read(TestWorkspace.TARGET + "/" + migration).getBytes(StandardCharsets.UTF_8);
            steps.add(LockFactory.StepSource.ofText(files.get(i).substring(0, 3), migration, bytes, checkpoint,
                    checkpoints.get(i)));
            ws.write(TestWorkspace.TARGET + "/" + checkpoint, checkpoints.get(i));
        }
        SchemaLock lock = LockFactory.build(ws.engine(), TestWorkspace.TARGET, steps, schema);
        ws.write(TestWorkspace.TARGET + "/schema.sql", schema);
        ws.write(TestWorkspace.TARGET + "/schema.lock.toml", LockFileCodec.render(lock).replace(SchemaLock.CANONICALIZER,
                label));
    }
}
