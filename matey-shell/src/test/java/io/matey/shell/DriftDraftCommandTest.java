package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeping an out-of-band change as a new user does: {@code db drift} points at the draft, {@code db drift --draft}
 * prints it, {@code db new --from-drift} writes it, and {@code schema apply} then {@code db adopt --apply} leave the
 * live database recorded and clean (real SQLite, PostgreSQL, MariaDB and ClickHouse).
 */
class DriftDraftCommandTest {

    @TempDir
    Path dir;

    @Test
    void aHotfixOnSqliteIsKeptThroughTheDraftAndAdopted() throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.sqlite3"));
        migratedWorkspace(env, "sqlite");
        sqlite("ALTER TABLE t1 ADD COLUMN note TEXT", "CREATE TABLE hotfix (id INTEGER PRIMARY KEY)");

        keepTheDrift(env, "matey db adopt --apply");
    }

    @Test
    void aHotfixOnPostgresIsKeptThroughTheDraftAndAdopted() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            Map<String, String> env = migratedWorkspace(db, "postgres");
            db.execute("ALTER TABLE t1 ADD COLUMN note text");
            db.execute("CREATE TABLE hotfix (id bigint PRIMARY KEY)");

            keepTheDrift(env, "matey db adopt --apply");
        }
    }

    /**
     * A database built by hand, without schema_migrations, predates Matey: drift, status and plan say so with db up's
     * words (text and JSON), and db new --from-drift refuses with them, rather than reporting drift at index 0.
     */
    @Test
    void aDatabaseThatPredatesMateyIsReportedAsToBeAdoptedNotAsDrift() throws Exception {
        Path live = dir.resolve("live.sqlite3");
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:" + live);
        assertThat(MateyProcess.run(dir, env, "init", "--engine", "sqlite").exitCode()).isZero();
        migration("001_t1.sql", 1);
        migration("002_t2.sql", 2);
        assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
        sqlite("CREATE TABLE t1 (id BIGINT PRIMARY KEY, name TEXT)");
        String predates = "sqlite3:" + live + " holds schema objects but records no migrations: it predates Matey."
                + " Adopt it: `matey db adopt` (a dry run) then with `--apply`";

        MateyProcess.Result drift = MateyProcess.run(dir, env, "db", "drift", "--exit-code");
        assertThat(drift.exitCode()).as(drift.stderr()).isEqualTo(1);
        assertThat(drift.stdout()).contains("Status: unadopted", "Problem: " + predates)
                .doesNotContain("--from-drift", "+++ live/schema.sql");
        MateyProcess.Result status = MateyProcess.run(dir, env, "db", "status");
        assertThat(status.stdout()).as(status.stderr()).contains("Pending: 2\nProblem: " + predates);
        MateyProcess.Result plan = MateyProcess.run(dir, env, "db", "plan");
        assertThat(plan.stdout()).as(plan.stderr()).contains("unadopted", "Problem: " + predates)
                .doesNotContain("What differs");
        for (String command : List.of("drift", "plan", "status")) {
            JsonNode json = new ObjectMapper().readTree(MateyProcess.run(dir, env, "db", command, "--format", "json")
                    .stdout()).get(0);
            assertThat(json.get("problem").asText()).as(command).startsWith(predates);
            if (!command.equals("status")) {
                assertThat(json.get("status").asText()).as(command).isEqualTo("unadopted");
            }
        }
        MateyProcess.Result kept = MateyProcess.run(dir, env, "db", "new", "keep", "--from-drift");
        assertThat(kept.exitCode()).isEqualTo(2);
        assertThat(kept.stderr()).contains(predates).doesNotContain("is behind");
    }

    /** Stale artifacts refuse db new --from-drift in its own name, not db drift's. */
    @Test
    void staleArtifactsRefuseDbNewFromDriftNamingIt() throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.sqlite3"));
        migratedWorkspace(env, "sqlite");
        migration("003_t3.sql", 3);

        MateyProcess.Result kept = MateyProcess.run(dir, env, "db", "new", "keep", "--from-drift");
        assertThat(kept.exitCode()).isEqualTo(2);
        assertThat(kept.stderr()).contains("Worktree schema artifacts of target '.' are not clean; refusing db new "
                + "--from-drift. ").doesNotContain("db drift");
    }

    /**
     * A table renamed by hand under a default whose function reads it: PostgreSQL would not load that default back,
     * and drift still reports the rename (exit 1 with --exit-code), naming the default as Unloadable, as db plan does.
     */
    @Test
    void aRenameUnderAFunctionsDefaultIsDriftWithTheDefaultNamedUnloadableAlsoByDbPlan() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            Map<String, String> env = MateyProcess.init(dir, db, "postgres");
            Files.writeString(dir.resolve("migrations/001_next.sql"), """
                    -- migrate:up
                    CREATE TABLE t_a (id int PRIMARY KEY);
                    CREATE FUNCTION public.next_a() RETURNS int LANGUAGE sql AS $$ SELECT max(id) FROM public.t_a $$;
                    CREATE TABLE t_b (x int DEFAULT public.next_a());
                    -- migrate:down
                    DROP TABLE t_b; DROP FUNCTION public.next_a(); DROP TABLE t_a;
                    """, StandardCharsets.UTF_8);
            assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
            assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();
            db.execute("ALTER TABLE t_a RENAME TO t_alpha");

            MateyProcess.Result drift = MateyProcess.run(dir, env, "db", "drift", "--exit-code");

            assertThat(drift.exitCode()).as(drift.stderr()).isEqualTo(1);
            assertThat(drift.stdout()).contains("Status: drifted", "Unloadable: column public.t_b.x would not load again: "
                    + "ERROR: relation \"public.t_a\" does not exist", "+CREATE TABLE public.t_alpha (");

            MateyProcess.Result plan = MateyProcess.run(dir, env, "db", "plan");
            JsonNode json = new ObjectMapper().readTree(MateyProcess.run(dir, env, "db", "plan", "--format", "json")
                    .stdout()).get(0);

            assertThat(plan.stdout()).as("db plan names it as db drift does").contains("mismatch",
                    "Unloadable: column public.t_b.x would not load again: ERROR: relation \"public.t_a\" does not exist");
            assertThat(json.get("unloadable")).hasSize(1);
            assertThat(json.get("unloadable").get(0).asText()).startsWith("column public.t_b.x would not load again");
        }
    }

    /**
     * A hand rename that leaves live text the server would not load again (MariaDB: a default calling a renamed
     * sequence; ClickHouse: a materialized view reading a renamed table): db drift loads the drifted live schema on the
     * test server and names the failure as Unloadable, and the draft says its statements may not run.
     */
    @Test
    void aRenameLeavingUnloadableTextIsNamedOnMariadbAndClickHouseAndTheDraftSaysSo() throws Exception {
        unloadableAfterARename("mysql", """
                CREATE SEQUENCE s1;
                CREATE TABLE o (id BIGINT NOT NULL DEFAULT (NEXT VALUE FOR s1) PRIMARY KEY);""",
                "DROP TABLE o; DROP SEQUENCE s1;", "RENAME TABLE s1 TO s2", "doesn't exist");
        unloadableAfterARename("clickhouse", """
                CREATE TABLE base (id UInt64) ENGINE = MergeTree ORDER BY id;
                CREATE MATERIALIZED VIEW mv ENGINE = MergeTree ORDER BY id AS SELECT id FROM base;""",
                "DROP VIEW mv; DROP TABLE base;", "RENAME TABLE base TO base2", "UNKNOWN_TABLE");
    }

    private void unloadableAfterARename(String engine, String up, String down, String rename, String error)
            throws Exception {
        Path workspace = Files.createDirectories(dir.resolve(engine));
        try (TestDatabase db = TestDatabase.create(engine)) {
            Map<String, String> env = MateyProcess.init(workspace, db, engine);
            Files.writeString(workspace.resolve("migrations/001_renamed.sql"), "-- migrate:up\n" + up
                    + "\n-- migrate:down\n" + down + "\n", StandardCharsets.UTF_8);
            assertThat(MateyProcess.run(workspace, env, "schema", "apply").exitCode()).isZero();
            assertThat(MateyProcess.run(workspace, env, "db", "up").exitCode()).isZero();
            MateyProcess.Result clean = MateyProcess.run(workspace, env, "db", "drift");
            assertThat(clean.stdout()).as(clean.stderr()).contains("Status: clean").doesNotContain("Unloadable");
            db.execute(rename);

            MateyProcess.Result drift = MateyProcess.run(workspace, env, "db", "drift");
            MateyProcess.Result draft = MateyProcess.run(workspace, env, "db", "drift", "--draft");

            assertThat(drift.stdout()).as(drift.stderr()).contains("Status: drifted",
                    "Unloadable: the live schema would not load into an empty database: ", error);
            assertThat(draft.stdout()).as(draft.stderr()).contains("Unloadable: the live schema would not load",
                    "-- Warning: drafted from live text the server would not load again, so statements below may not run");
        }
    }

    /**
     * Hand changes in a schema outside the search path: the draft's down section drops each object by its qualified
     * name (an index by its table's schema), so schema apply's down check replays it and adopt records it.
     */
    @Test
    void handChangesInAnotherSchemaOnPostgresAreKeptAndTheirDownSectionReplays() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            Map<String, String> env = appWorkspace(db);
            db.execute("""
                    CREATE INDEX flags_key_lower_idx ON app.flags (lower(key));
                    CREATE INDEX "Flags By Id" ON app.flags (id DESC);
                    CREATE TRIGGER flags_touch BEFORE INSERT ON app.flags FOR EACH ROW EXECUTE FUNCTION app.trg();
                    CREATE POLICY flags_policy ON app.flags USING (id > 0);
                    CREATE FUNCTION app.flag_count(since bigint DEFAULT 0) RETURNS bigint LANGUAGE sql
                        AS $$ SELECT count(*) FROM app.flags WHERE id > since $$;
                    COMMENT ON INDEX app.flags_key_lower_idx IS 'case-blind lookups';
                    """);

            MateyProcess.Result draft = MateyProcess.run(dir, env, "db", "drift", "--draft");
            assertThat(draft.stdout()).contains("DROP INDEX app.flags_key_lower_idx;", "DROP INDEX app.\"Flags By Id\";",
                    "DROP TRIGGER flags_touch ON app.flags;", "DROP POLICY flags_policy ON app.flags;",
                    "DROP FUNCTION app.flag_count(since bigint);");

            keepAndAdopt(env, "Down checked: 1");
        }
    }

    /**
     * An enum value added by hand is drafted as ADD VALUE; PostgreSQL cannot remove it, so the down section is a
     * comment saying so, which schema apply's down check skips.
     */
    @Test
    void anEnumValueAddedByHandOnPostgresIsAddedAndItsDownSaysItStays() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            Map<String, String> env = appWorkspace(db);
            db.execute("ALTER TYPE app.status ADD VALUE 'legacy' BEFORE 'closed'");

            MateyProcess.Result draft = MateyProcess.run(dir, env, "db", "drift", "--draft");
            assertThat(draft.stdout()).contains("no transaction:false is needed",
                    "ALTER TYPE app.status ADD VALUE IF NOT EXISTS 'legacy' BEFORE 'closed';",
                    "-- migrate:down\n-- Not undone: PostgreSQL cannot remove a value from an enum type");

            keepAndAdopt(env, "Down skipped: 1");
        }
    }

    /**
     * An enum value added by hand beside another change: the down section drops the table but keeps the value, so
     * schema apply's down check fails it until it is accepted as inexact, which db new's next step says.
     */
    @Test
    void anEnumValueAddedWithAnotherChangeNamesTheInexactDownInTheNextStep() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            Map<String, String> env = appWorkspace(db);
            db.execute("ALTER TYPE app.status ADD VALUE 'legacy'");
            db.execute("CREATE TABLE app.hotfix (id bigint PRIMARY KEY)");

            MateyProcess.Result created = MateyProcess.run(dir, env, "db", "new", "keep_hotfix", "--from-drift");
            assertThat(created.exitCode()).as(created.stderr()).isZero();
            String file;
            try (var files = Files.list(dir.resolve("migrations"))) {
                file = files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith("_keep_hotfix.sql"))
                        .findFirst().orElseThrow();
            }
            assertThat(created.stdout()).contains("Next: review it, accept its inexact down section under "
                    + "[inexact_downs] in config.toml (\"" + file + "\" = \"<reason>\"");
            MateyProcess.Result refused = MateyProcess.run(dir, env, "schema", "apply");
            assertThat(refused.exitCode()).as(refused.stdout()).isNotZero();

            Files.writeString(dir.resolve("config.toml"), "\n[inexact_downs]\n\"" + file + "\" = \"legacy stays\"\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            MateyProcess.Result apply = MateyProcess.run(dir, env, "schema", "apply");
            assertThat(apply.exitCode()).as(apply.stdout() + apply.stderr()).isZero();
            assertThat(apply.stdout()).contains("Down accepted inexact: 1");
        }
    }

    /**
     * A CHECK and a UNIQUE constraint added by hand to an existing table and objects whose DROP names more than a
     * name: the draft adds and drops each exactly, so schema apply's down check replays it and adopt records it.
     */
    @Test
    void constraintsAndObjectsDroppedBySignatureOnPostgresAreKeptAndTheirDownSectionReplays() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            Map<String, String> env = appWorkspace(db);
            db.execute("""
                    ALTER TABLE app.flags ADD CONSTRAINT flags_key_check CHECK (key <> '');
                    ALTER TABLE app.flags ADD CONSTRAINT "Flags Key Status" UNIQUE (key, status);
                    CREATE FUNCTION app.addi(integer, integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT $1 + $2 $$;
                    CREATE AGGREGATE app."My Sum"(integer) (SFUNC = app.addi, STYPE = integer, INITCOND = '0');
                    CREATE FUNCTION app.eqi(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 = $2 $$;
                    CREATE OPERATOR app.=== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = app.eqi);
                    CREATE OPERATOR FAMILY app.fam USING btree;
                    CREATE TEXT SEARCH CONFIGURATION app.cfg (COPY = simple);
                    CREATE TYPE app.pair AS (a integer, b integer);
                    CREATE FUNCTION app.pair_of(integer) RETURNS app.pair LANGUAGE sql IMMUTABLE AS $$ SELECT ROW($1, $1)::app.pair $$;
                    CREATE CAST (integer AS app.pair) WITH FUNCTION app.pair_of(integer);
                    CREATE PUBLICATION app_pub FOR TABLE app.flags;
                    """);

            MateyProcess.Result draft = MateyProcess.run(dir, env, "db", "drift", "--draft");
            assertThat(draft.stdout()).contains("ALTER TABLE app.flags ADD CONSTRAINT flags_key_check CHECK ((key <> ''::text));",
                    "ALTER TABLE app.flags DROP CONSTRAINT \"Flags Key Status\";", "DROP AGGREGATE app.\"My Sum\"(integer);",
                    "DROP OPERATOR app.=== (integer, integer);", "DROP OPERATOR FAMILY app.fam USING btree;",
                    "DROP TEXT SEARCH CONFIGURATION app.cfg;", "DROP CAST (integer AS app.pair);",
                    "DROP PUBLICATION app_pub;").doesNotContain("Not drafted", "-- Undo");

            keepAndAdopt(env, "Down checked: 1");
        }
    }

    /**
     * Privileges changed by hand are drift ({@code --exit-code} exits 1, the diff shows the line) and are drafted with
     * their own statement, undone with the other verb, so schema apply's down check replays it and adopt records it.
     */
    @Test
    void privilegesChangedByHandOnPostgresAreDriftAndAreKept() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            Map<String, String> env = appWorkspace(db);
            db.execute("""
                    GRANT SELECT, UPDATE (key) ON app.flags TO PUBLIC;
                    REVOKE EXECUTE ON FUNCTION app.trg() FROM PUBLIC;
                    """);

            MateyProcess.Result drift = MateyProcess.run(dir, env, "db", "drift", "--exit-code");
            assertThat(drift.exitCode()).as(drift.stdout() + drift.stderr()).isEqualTo(1);
            assertThat(drift.stdout()).contains("GRANT SELECT ON TABLE app.flags TO PUBLIC;",
                    "GRANT UPDATE (key) ON TABLE app.flags TO PUBLIC;", "REVOKE EXECUTE ON FUNCTION app.trg() FROM PUBLIC;");
            MateyProcess.Result draft = MateyProcess.run(dir, env, "db", "drift", "--draft");
            assertThat(draft.stdout()).contains("REVOKE SELECT ON TABLE app.flags FROM PUBLIC;",
                    "GRANT EXECUTE ON FUNCTION app.trg() TO PUBLIC;").doesNotContain("-- Undo");

            keepAndAdopt(env, "Down checked: 1");
        }
    }

    /**
     * On MariaDB a CHECK is dropped as a constraint, a UNIQUE constraint as its index and a foreign key as one, all
     * kept and adopted.
     */
    @Test
    void constraintsAddedByHandOnMariadbAreKeptAndTheirDownSectionReplays() throws Exception {
        try (TestDatabase db = TestDatabase.create("mysql")) {
            Map<String, String> env = migratedWorkspace(db, "mysql");
            db.execute("ALTER TABLE t1 ADD CONSTRAINT t1_id CHECK (id > 0);\n"
                    + "ALTER TABLE t1 ADD CONSTRAINT t1_name UNIQUE (id, name(20));\n"
                    + "ALTER TABLE t2 ADD CONSTRAINT t2_t1 FOREIGN KEY (id) REFERENCES t1 (id);\n");

            MateyProcess.Result draft = MateyProcess.run(dir, env, "db", "drift", "--draft");
            assertThat(draft.stdout()).contains("ALTER TABLE `t1` DROP CONSTRAINT `t1_id`;",
                    "ALTER TABLE `t1` DROP INDEX `t1_name`;", "ALTER TABLE `t2` DROP FOREIGN KEY `t2_t1`;")
                    .doesNotContain("Not drafted");

            keepAndAdopt(env, "Down checked: 1");
        }
    }

    /**
     * A projection added on ClickHouse by hand is drafted as a projection (added, then materialized for the rows
     * already there; dropped in down), never as a column, and the draft is kept and adopted.
     */
    @Test
    void aProjectionAddedByHandOnClickhouseIsKeptAsAProjection() throws Exception {
        try (TestDatabase db = TestDatabase.create("clickhouse")) {
            Map<String, String> env = MateyProcess.init(dir, db, "clickhouse");
            Files.writeString(dir.resolve("migrations/001_events.sql"), "-- migrate:up\nCREATE TABLE events (id UInt32, "
                    + "grp String, v UInt64) ENGINE = MergeTree ORDER BY id;\n-- migrate:down\nDROP TABLE events;\n",
                    StandardCharsets.UTF_8);
            assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
            assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();
            db.execute("ALTER TABLE events ADD PROJECTION p_grp (SELECT grp, sum(v) GROUP BY grp)");

            MateyProcess.Result draft = MateyProcess.run(dir, env, "db", "drift", "--draft");
            assertThat(draft.stdout()).contains("ALTER TABLE events ADD PROJECTION p_grp\n",
                    ", MATERIALIZE PROJECTION p_grp;\n\n-- migrate:down\nALTER TABLE events DROP PROJECTION p_grp;")
                    .doesNotContain("COLUMN", "Not drafted");

            keepAndAdopt(env, "Down checked: 1");
        }
    }

    /**
     * dbmate runs one ClickHouse statement per section: a draft of several statements is written as several
     * migrations, one statement each with its undo, which lint accepts (no L015), schema apply replays with each down
     * check, and adopt records; a column is put back in its place and the table's TTL, settings and comment follow.
     */
    @Test
    void aClickhouseDraftIsOneMigrationPerStatementThatLintAccepts() throws Exception {
        try (TestDatabase db = TestDatabase.create("clickhouse")) {
            Map<String, String> env = MateyProcess.init(dir, db, "clickhouse");
            Files.writeString(dir.resolve("migrations/001_events.sql"), "-- migrate:up\nCREATE TABLE events (id UInt32, "
                    + "at Date, v UInt64) ENGINE = MergeTree ORDER BY id;\n-- migrate:down\nDROP TABLE events;\n",
                    StandardCharsets.UTF_8);
            assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
            assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();
            db.execute("ALTER TABLE events ADD COLUMN grp String AFTER id");
            db.execute("ALTER TABLE events MODIFY TTL at + INTERVAL 30 DAY");
            db.execute("ALTER TABLE events MODIFY SETTING merge_with_ttl_timeout = 3600");
            db.execute("ALTER TABLE events MODIFY COMMENT 'events'");

            MateyProcess.Result created = MateyProcess.run(dir, env, "db", "new", "keep", "--from-drift");
            assertThat(created.exitCode()).as(created.stderr()).isZero();
            assertThat(created.stdout()).contains("(4 migrations of one statement each");
            try (var files = Files.list(dir.resolve("migrations"))) {
                assertThat(files.map(file -> file.getFileName().toString()).filter(file -> file.contains("_keep_"))
                        .sorted().map(file -> file.replaceFirst("^\\d+_", ""))).containsExactly("keep_1.sql",
                        "keep_2.sql", "keep_3.sql", "keep_4.sql");
            }
            MateyProcess.Result lint = MateyProcess.run(dir, env, "lint");
            assertThat(lint.stdout() + lint.stderr()).doesNotContain("L015");
            MateyProcess.Result apply = MateyProcess.run(dir, env, "schema", "apply");
            assertThat(apply.exitCode()).as(apply.stdout() + apply.stderr()).isZero();
            assertThat(apply.stdout()).contains("Down checked: 4");
            assertThat(MateyProcess.run(dir, env, "db", "adopt", "--apply").exitCode()).isZero();
            MateyProcess.Result after = MateyProcess.run(dir, env, "db", "drift", "--exit-code");
            assertThat(after.exitCode()).as(after.stdout()).isZero();
        }
    }

    /**
     * Every kind of ClickHouse object changed by hand is drafted as ClickHouse runs it: a table and a materialized view
     * renamed ({@code RENAME TABLE}), a materialized view dropped and one created ({@code DROP VIEW}), a dictionary
     * replaced ({@code CREATE OR REPLACE DICTIONARY}), one created and one dropped, a view replaced, a column added,
     * an index added: the migrations lint accepts, schema apply replays with each down check, and adopt records.
     */
    @Test
    void everyClickhouseDraftKindIsKeptThroughSchemaApply() throws Exception {
        try (TestDatabase db = TestDatabase.create("clickhouse")) {
            Map<String, String> env = MateyProcess.init(dir, db, "clickhouse");
            String dictionary = "CREATE DICTIONARY %s (k String, v String DEFAULT '%s') PRIMARY KEY k "
                    + "SOURCE(CLICKHOUSE(TABLE 'src')) LIFETIME(MIN 0 MAX 0) LAYOUT(COMPLEX_KEY_HASHED())";
            // one statement a section, as dbmate runs on ClickHouse: the object and the statement that drops it
            List<List<String>> objects = List.of(
                    List.of("CREATE TABLE c (id UInt64, s String) ENGINE = MergeTree ORDER BY id", "DROP TABLE c"),
                    List.of("CREATE TABLE src (k String, v String) ENGINE = MergeTree ORDER BY k", "DROP TABLE src"),
                    List.of("CREATE MATERIALIZED VIEW mv_old ENGINE = MergeTree ORDER BY v AS SELECT v FROM src",
                            "DROP VIEW mv_old"),
                    List.of("CREATE MATERIALIZED VIEW mv2 ENGINE = MergeTree ORDER BY k AS SELECT k FROM src",
                            "DROP VIEW mv2"),
                    List.of("CREATE VIEW keys AS SELECT k FROM src", "DROP VIEW keys"),
                    List.of(dictionary.formatted("d", ""), "DROP DICTIONARY d"),
                    List.of(dictionary.formatted("d_gone", ""), "DROP DICTIONARY d_gone"));
            for (int i = 0; i < objects.size(); i++) {
                Files.writeString(dir.resolve("migrations/00" + i + "_object.sql"), "-- migrate:up\n"
                        + objects.get(i).get(0) + ";\n-- migrate:down\n" + objects.get(i).get(1) + ";\n",
                        StandardCharsets.UTF_8);
            }
            MateyProcess.Result first = MateyProcess.run(dir, env, "schema", "apply");
            assertThat(first.exitCode()).as(first.stdout() + first.stderr()).isZero();
            assertThat(MateyProcess.run(dir, env, "db", "up").exitCode()).isZero();
            db.execute("RENAME TABLE c TO c2");
            db.execute("RENAME TABLE mv_old TO mv_new");
            db.execute("DROP VIEW mv2");
            db.execute("CREATE MATERIALIZED VIEW mv3 ENGINE = MergeTree ORDER BY k AS SELECT k, v FROM src");
            db.execute("CREATE OR REPLACE " + dictionary.formatted("d", "x").substring("CREATE ".length()));
            db.execute(dictionary.formatted("d2", ""));
            db.execute("DROP DICTIONARY d_gone");
            db.execute("CREATE OR REPLACE VIEW keys AS SELECT k, v FROM src");
            db.execute("ALTER TABLE src ADD COLUMN n UInt32 AFTER k");
            db.execute("ALTER TABLE src ADD INDEX src_v v TYPE bloom_filter GRANULARITY 1");

            MateyProcess.Result draft = MateyProcess.run(dir, env, "db", "drift", "--draft");
            assertThat(draft.stdout()).contains("RENAME TABLE c TO c2;", "RENAME TABLE mv_old TO mv_new;",
                    "DROP VIEW mv2;", "CREATE OR REPLACE DICTIONARY d\n", "DROP DICTIONARY d2;", "DROP VIEW mv3;",
                    "CREATE DICTIONARY d_gone\n").doesNotContain("-- Undo", "Not drafted", "DROP MATERIALIZED", "ALTER TABLE c ");
            MateyProcess.Result created = MateyProcess.run(dir, env, "db", "new", "keep", "--from-drift");
            assertThat(created.exitCode()).as(created.stderr()).isZero();
            MateyProcess.Result lint = MateyProcess.run(dir, env, "lint");
            assertThat(lint.stdout() + lint.stderr()).doesNotContain("L015");
            MateyProcess.Result apply = MateyProcess.run(dir, env, "schema", "apply");
            assertThat(apply.exitCode()).as(apply.stdout() + apply.stderr()).isZero();
            assertThat(apply.stdout()).contains("Down checked: 10");
            assertThat(MateyProcess.run(dir, env, "db", "adopt", "--apply").exitCode()).isZero();
            MateyProcess.Result after = MateyProcess.run(dir, env, "db", "drift", "--exit-code");
            assertThat(after.exitCode()).as(after.stdout()).isZero();
        }
    }

    /**
     * A CHECK added on SQLite by rebuilding the table by hand: the draft rebuilds it in the migration's transaction,
     * which schema apply replays with its down check, adopt records, and {@code db up} runs on another database
     * whose rows (and the rows that reference them ON DELETE CASCADE) it keeps.
     */
    @Test
    void aTableRebuiltByHandOnSqliteIsRebuiltByTheDraftThroughDbUp() throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.sqlite3"));
        String other = "sqlite3:" + dir.resolve("other.sqlite3");
        sqliteWorkspace(env, """
                -- migrate:up
                CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
                CREATE TABLE kids (id INTEGER PRIMARY KEY, note INTEGER REFERENCES notes (id) ON DELETE CASCADE);
                CREATE INDEX notes_body ON notes (body);
                CREATE VIEW bodies AS SELECT body FROM notes;
                -- migrate:down
                DROP VIEW bodies;
                DROP TABLE kids;
                DROP TABLE notes;
                """, other);
        sqlite("PRAGMA legacy_alter_table = ON",
                "CREATE TABLE notes_x (id INTEGER PRIMARY KEY, body TEXT NOT NULL CHECK (body <> ''))",
                "INSERT INTO notes_x SELECT * FROM notes", "DROP TABLE notes", "ALTER TABLE notes_x RENAME TO notes",
                "CREATE INDEX notes_body ON notes (body)");

        MateyProcess.Result draft = MateyProcess.run(dir, env, "db", "drift", "--draft");
        assertThat(draft.stdout()).contains("-- Rebuilds notes", "DROP TABLE notes;",
                "ALTER TABLE notes_new RENAME TO notes;").doesNotContain("transaction:false", "Not drafted");
        keepAndAdopt(env, "Down checked: 1");

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("other.sqlite3"));
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO notes VALUES (1, 'kept')");
            st.execute("INSERT INTO kids VALUES (1, 1)");
        }
        MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up", "--url", other);
        assertThat(up.exitCode()).as(up.stdout() + up.stderr()).isZero();
        MateyProcess.Result drift = MateyProcess.run(dir, env, "db", "drift", "--url", other, "--exit-code");
        assertThat(drift.exitCode()).as(drift.stdout()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("other.sqlite3"));
                Statement st = c.createStatement();
                java.sql.ResultSet rows = st.executeQuery("SELECT (SELECT body FROM notes), (SELECT count(*) FROM kids)")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept");
            assertThat(rows.getInt(2)).isEqualTo(1);
        }
    }

    /**
     * Names holding a comma on SQLite, in brackets or double quotes: the draft splits a table's elements at the commas
     * between them only, so a column added by hand is added, and a table rebuilt by hand (RENAME stores its name in
     * double quotes, as the dump writes it) is rebuilt with every column.
     */
    @Test
    void namesHoldingACommaOnSqliteAreKeptThroughTheDraft() throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.sqlite3"));
        String other = "sqlite3:" + dir.resolve("other.sqlite3");
        sqliteWorkspace(env, """
                -- migrate:up
                CREATE TABLE [a,b] ([x,y] INTEGER PRIMARY KEY, [p,q] TEXT DEFAULT 'z,1');
                CREATE TABLE [c,d] ([x,y] INTEGER PRIMARY KEY, [p,q] TEXT, "r,s" TEXT);
                CREATE INDEX [i,j] ON [c,d] ([p,q], "r,s");
                -- migrate:down
                DROP TABLE [c,d];
                DROP TABLE [a,b];
                """, other);
        sqlite("ALTER TABLE [a,b] ADD COLUMN [m,n] TEXT", "PRAGMA legacy_alter_table = ON",
                "CREATE TABLE [c,d_x] ([x,y] INTEGER PRIMARY KEY, [p,q] TEXT CHECK ([p,q] <> ''), \"r,s\" TEXT)",
                "INSERT INTO [c,d_x] SELECT * FROM [c,d]", "DROP TABLE [c,d]", "ALTER TABLE [c,d_x] RENAME TO [c,d]",
                "CREATE INDEX [i,j] ON \"c,d\" ([p,q], \"r,s\")");

        MateyProcess.Result draft = MateyProcess.run(dir, env, "db", "drift", "--draft");
        assertThat(draft.stdout()).contains("ALTER TABLE \"a,b\" ADD COLUMN [m,n] TEXT;", "-- Rebuilds \"c,d\"",
                "INSERT INTO \"c,d_new\" ([x,y], [p,q], \"r,s\")\n    SELECT [x,y], [p,q], \"r,s\" FROM \"c,d\";")
                .doesNotContain("Not drafted", "looks like a rename");
        keepAndAdopt(env, "Down checked: 1");

        sqlite(dir.resolve("other.sqlite3"), "INSERT INTO \"c,d\" VALUES (1, 'kept', 'too')");
        MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up", "--url", other);
        assertThat(up.exitCode()).as(up.stdout() + up.stderr()).isZero();
        assertThat(rows(dir.resolve("other.sqlite3"), "SELECT count(*) FROM [c,d] WHERE [p,q] = 'kept' AND \"r,s\" = 'too'"))
                .isEqualTo(1);
    }

    /**
     * A foreign key added on SQLite by rebuilding a table by hand: foreign keys are not enforced while the draft's
     * rebuild runs, so it checks the table's rows after it, and {@code db up} on a database holding a row that
     * breaks the key fails, leaving schema and rows as they were; once the row is gone, it runs.
     */
    @Test
    void aForeignKeyAddedByHandOnSqliteFailsDbUpWhereARowBreaksIt() throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.sqlite3"));
        String other = "sqlite3:" + dir.resolve("other.sqlite3");
        sqliteWorkspace(env, """
                -- migrate:up
                CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
                CREATE TABLE kids (id INTEGER PRIMARY KEY, note INTEGER);
                -- migrate:down
                DROP TABLE kids;
                DROP TABLE notes;
                """, other);
        sqlite("CREATE TABLE kids_x (id INTEGER PRIMARY KEY, note INTEGER REFERENCES notes (id))",
                "INSERT INTO kids_x SELECT * FROM kids", "DROP TABLE kids", "ALTER TABLE kids_x RENAME TO kids");

        MateyProcess.Result draft = MateyProcess.run(dir, env, "db", "drift", "--draft");
        assertThat(draft.stdout()).contains("-- Rebuilds kids", "ALTER TABLE kids_new RENAME TO kids;",
                "SELECT count(*) FROM pragma_foreign_key_check('kids');");
        keepAndAdopt(env, "Down checked: 1");
        assertThat(MateyProcess.run(dir, env, "lint").stdout()).as("the check's temporary table held no data")
                .doesNotContain("L401");

        Path otherFile = dir.resolve("other.sqlite3");
        sqlite(otherFile, "INSERT INTO notes VALUES (1, 'kept')", "INSERT INTO kids VALUES (1, 1), (2, 7)");
        MateyProcess.Result failed = MateyProcess.run(dir, env, "db", "up", "--url", other);
        assertThat(failed.exitCode()).as(failed.stdout()).isNotZero();
        assertThat(failed.stderr()).contains("CHECK constraint failed: kids has rows that break a foreign key, which "
                + "PRAGMA foreign_key_check(kids) lists");
        MateyProcess.Result unchanged = MateyProcess.run(dir, env, "db", "drift", "--url", other, "--exit-code");
        assertThat(unchanged.exitCode()).as(unchanged.stdout()).isZero();
        assertThat(unchanged.stdout()).contains("Applied index: 1", "Status: clean");
        assertThat(rows(otherFile, "SELECT count(*) FROM kids")).isEqualTo(2);

        sqlite(otherFile, "DELETE FROM kids WHERE id = 2");
        MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up", "--url", other);
        assertThat(up.exitCode()).as(up.stdout() + up.stderr()).isZero();
        assertThat(rows(otherFile, "SELECT count(*) FROM kids")).isEqualTo(1);
    }

    /** A SQLite workspace whose one migration, {@code migration}, is applied to the live database and {@code other}. */
    private void sqliteWorkspace(Map<String, String> env, String migration, String other) throws Exception {
        assertThat(MateyProcess.run(dir, env, "init", "--engine", "sqlite").exitCode()).isZero();
        Files.writeString(dir.resolve("migrations/001_notes.sql"), migration, StandardCharsets.UTF_8);
        assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
        for (String url : List.of(env.get("DATABASE_URL"), other)) {
            MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up", "--url", url);
            assertThat(up.exitCode()).as(up.stderr()).isZero();
        }
    }

    /** A PostgreSQL workspace whose one migration fills schema {@code app}, applied to {@code db}. */
    private Map<String, String> appWorkspace(TestDatabase db) throws Exception {
        Map<String, String> env = MateyProcess.init(dir, db, "postgres");
        Files.writeString(dir.resolve("migrations/001_app.sql"), """
                -- migrate:up
                CREATE SCHEMA app;
                CREATE TYPE app.status AS ENUM ('active', 'closed');
                CREATE TABLE app.flags (id bigint PRIMARY KEY, key text NOT NULL, status app.status);
                CREATE FUNCTION app.trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                -- migrate:down
                DROP SCHEMA app CASCADE;
                """, StandardCharsets.UTF_8);
        MateyProcess.Result apply = MateyProcess.run(dir, env, "schema", "apply");
        assertThat(apply.exitCode()).as(apply.stderr()).isZero();
        MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up");
        assertThat(up.exitCode()).as(up.stderr()).isZero();
        return env;
    }

    /** Writes the draft, replays it (with its down check) and records it: the live database is then clean. */
    private void keepAndAdopt(Map<String, String> env, String downCheck) throws Exception {
        MateyProcess.Result created = MateyProcess.run(dir, env, "db", "new", "keep_hotfix", "--from-drift");
        assertThat(created.exitCode()).as(created.stderr()).isZero();
        MateyProcess.Result apply = MateyProcess.run(dir, env, "schema", "apply");
        assertThat(apply.exitCode()).as(apply.stdout() + apply.stderr()).isZero();
        assertThat(apply.stdout()).contains(downCheck);
        MateyProcess.Result adopt = MateyProcess.run(dir, env, "db", "adopt", "--apply");
        assertThat(adopt.exitCode()).as(adopt.stderr()).isZero();
        MateyProcess.Result after = MateyProcess.run(dir, env, "db", "drift", "--exit-code");
        assertThat(after.exitCode()).as(after.stdout()).isZero();
    }

    @Test
    void fromDriftWithAnUrlHoldingAPasswordNamesAPlaceholderInTheNextStep() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            Map<String, String> env = Map.of("TEST_DATABASE_URL", TestDatabase.serverBase("postgres").raw(),
                    "DATABASE_URL", db.url().raw());
            migratedWorkspace(env, "postgres");
            db.execute("CREATE TABLE hotfix (id bigint PRIMARY KEY)");
            String url = db.url().raw().replace("postgres://postgres@", "postgres://postgres:s3cret@");

            MateyProcess.Result created = MateyProcess.run(dir, Map.of(), "db", "new", "keep", "--from-drift",
                    "--url", url);

            assertThat(created.exitCode()).as(created.stderr()).isZero();
            assertThat(created.stdout()).contains("`matey db adopt --url '" + url.replace("s3cret", "<password>") + "' --apply`").doesNotContain("s3cret")
                    .doesNotContain("****");
        }
    }

    @Test
    void hintsInAWorkspaceOfSeveralTargetsRepeatThePathAndUrlAndRunAsPrinted() throws Exception {
        for (String target : List.of("a", "b")) {
            assertThat(MateyProcess.run(dir, Map.of(), "init", "--path", target, "--engine", "sqlite").exitCode()).isZero();
        }
        Files.writeString(dir.resolve("a/migrations/001_t1.sql"), "-- migrate:up\nCREATE TABLE t1 (id INTEGER);\n"
                + "-- migrate:down\nDROP TABLE t1;\n", StandardCharsets.UTF_8);
        assertThat(MateyProcess.run(dir, Map.of(), "schema", "apply", "--path", "a").exitCode()).isZero();
        String url = "sqlite3:" + dir.resolve("live.sqlite3");
        String same = "--path a --url '" + url + "'";

        MateyProcess.Result missing = MateyProcess.run(dir, Map.of(), "db", "status", "--path", "a", "--url", url);
        assertThat(missing.stdout()).contains("`matey db up " + same + "` creates it");
        assertThat(runPrinted(missing.stdout(), "matey db up ").exitCode()).isZero();
        sqlite("CREATE TABLE hotfix (id INTEGER PRIMARY KEY)");

        MateyProcess.Result drift = MateyProcess.run(dir, Map.of(), "db", "drift", "--path", "a", "--url", url);
        assertThat(drift.stdout()).contains("`matey db drift " + same + " --draft` prints a draft migration, "
                + "`matey db new NAME " + same + " --from-drift` writes it.");
        MateyProcess.Result draft = runPrinted(drift.stdout(), "matey db drift ");
        assertThat(draft.exitCode()).as(draft.stderr()).isZero();
        assertThat(draft.stdout()).contains("CREATE TABLE hotfix");
        MateyProcess.Result plan = MateyProcess.run(dir, Map.of(), "db", "plan", "--path", "a", "--url", url);
        assertThat(plan.stdout()).contains("What differs: `matey db plan " + same + " --diff`.");
        assertThat(runPrinted(plan.stdout(), "matey db plan ").stdout()).contains("--- schema.sql\n+++ live/schema.sql");

        MateyProcess.Result kept = MateyProcess.run(dir, Map.of(), "db", "new", "keep", "--path", "a", "--url", url,
                "--from-drift");
        assertThat(kept.stdout()).as(kept.stderr()).contains("Next: review it, run `matey schema apply --path a`, "
                + "then `matey db adopt " + same + " --apply`");
        MateyProcess.Result replayed = runPrinted(kept.stdout(), "matey schema apply ");
        assertThat(replayed.exitCode()).as(replayed.stderr()).isZero();
    }

    /** Runs the command quoted in backticks that starts with {@code prefix}, as a shell would split it. */
    private MateyProcess.Result runPrinted(String output, String prefix) throws Exception {
        int start = output.indexOf("`" + prefix) + 1;
        String command = output.substring(start + "matey ".length(), output.indexOf('`', start));
        List<String> words = java.util.regex.Pattern.compile("'[^']*'|\\S+").matcher(command).results()
                .map(m -> m.group().replace("'", "")).toList();
        return MateyProcess.run(dir, Map.of(), words.toArray(String[]::new));
    }

    @Test
    void fromDriftRefusesWithoutDriftOrBehindTheHeadAndWritesNothing() throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.sqlite3"));
        migratedWorkspace(env, "sqlite");
        List<Path> before = migrations();

        MateyProcess.Result clean = MateyProcess.run(dir, env, "db", "new", "keep", "--from-drift");
        assertThat(clean.exitCode()).isEqualTo(2);
        assertThat(clean.stderr()).contains("No drift to keep", "equals the committed state at index 2",
                "Nothing written");
        assertThat(migrations()).isEqualTo(before);

        sqlite("CREATE TABLE hotfix (id INTEGER PRIMARY KEY)");
        migration("003_t3.sql", 3);
        assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();
        before = migrations();
        MateyProcess.Result behind = MateyProcess.run(dir, env, "db", "new", "keep", "--from-drift");
        assertThat(behind.exitCode()).isEqualTo(2);
        assertThat(behind.stderr()).contains("behind the worktree (applied index 2)", "Nothing written");
        assertThat(migrations()).isEqualTo(before);
    }

    /**
     * A column type changed where no cast converts the values (text to integer), which PostgreSQL's draft leaves to
     * the author: no migration without SQL to run is written.
     */
    @Test
    void fromDriftRefusesADraftWithoutExecutableUpSqlAndWritesNothing() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            Map<String, String> env = migratedWorkspace(db, "postgres");
            db.execute("ALTER TABLE t1 ALTER COLUMN name TYPE integer USING length(name)");
            List<Path> before = migrations();

            MateyProcess.Result refused = MateyProcess.run(dir, env, "db", "new", "keep", "--from-drift");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.stderr()).contains("nothing of the drift could be drafted as SQL",
                    "Not drafted: Not drafted as SQL: column name's type text has no implicit or assignment cast to "
                            + "integer", "Nothing written");
            assertThat(migrations()).isEqualTo(before);
        }
    }

    @Test
    void planWithoutDiffNamesDiffWhenItDoesNotMatch() throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.sqlite3"));
        migratedWorkspace(env, "sqlite");
        assertThat(MateyProcess.run(dir, env, "db", "plan").stdout()).doesNotContain("--diff");

        sqlite("CREATE TABLE hotfix (id INTEGER PRIMARY KEY)");

        MateyProcess.Result plan = MateyProcess.run(dir, env, "db", "plan");
        assertThat(plan.stdout()).contains("mismatch", "What differs: `matey db plan --diff`");
        assertThat(MateyProcess.run(dir, env, "db", "plan", "--diff").stdout()).doesNotContain("What differs");
    }

    /** A database only behind the head is pending, as db status counts it, with the db up that applies the rest. */
    @Test
    void planOfADatabaseOnlyBehindSaysPendingAndNamesDbUp() throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:" + dir.resolve("live.sqlite3"));
        migratedWorkspace(env, "sqlite");
        migration("003_t3.sql", 3);
        migration("004_t4.sql", 4);
        assertThat(MateyProcess.run(dir, env, "schema", "apply").exitCode()).isZero();

        MateyProcess.Result plan = MateyProcess.run(dir, env, "db", "plan");
        assertThat(plan.stdout()).contains("2        4       pending", "Pending: 2 (`matey db up` applies them; the "
                + "schema is the committed state at index 2).").doesNotContain("mismatch", "--diff");
        assertThat(MateyProcess.run(dir, env, "db", "status").stdout()).contains("Pending: 2");

        sqlite("CREATE TABLE hotfix (id INTEGER PRIMARY KEY)");
        assertThat(MateyProcess.run(dir, env, "db", "plan").stdout()).as("behind and drifted")
                .contains("mismatch", "What differs: `matey db plan --diff`").doesNotContain("Pending:");
    }

    private void keepTheDrift(Map<String, String> env, String adoptCommand) throws Exception {
        MateyProcess.Result drift = MateyProcess.run(dir, env, "db", "drift");
        assertThat(drift.stdout()).contains("Status: drifted", "+++ live/schema.sql",
                "To keep it: `matey db drift --draft` prints a draft migration, `matey db new NAME --from-drift` writes it.");

        MateyProcess.Result draft = MateyProcess.run(dir, env, "db", "drift", "--draft");
        assertThat(draft.exitCode()).as(draft.stderr()).isZero();
        assertThat(draft.stdout()).contains("Status: drifted", "-- migrate:up", "-- migrate:down", "DROP TABLE")
                .containsPattern("CREATE TABLE (public\\.)?hotfix").containsPattern("ALTER TABLE (public\\.)?t1 ADD COLUMN note")
                .doesNotContain("+++ live/schema.sql");
        String draftText = draft.stdout().substring(draft.stdout().indexOf("-- migrate:up"));

        JsonNode json = new ObjectMapper().readTree(MateyProcess.run(dir, env, "db", "drift", "--format", "json")
                .stdout()).get(0);
        assertThat(json.get("draft").asText()).isEqualTo(draftText.strip() + "\n");

        MateyProcess.Result created = MateyProcess.run(dir, env, "db", "new", "keep_hotfix", "--from-drift");
        assertThat(created.exitCode()).as(created.stderr()).isZero();
        assertThat(created.stdout()).contains("Created ", "_keep_hotfix.sql", "`matey schema apply`",
                "`" + adoptCommand + "`");
        Path file = migrations().get(migrations().size() - 1);
        assertThat(file.getFileName().toString()).endsWith("_keep_hotfix.sql");
        assertThat(Files.readString(file)).isEqualTo(json.get("draft").asText());

        MateyProcess.Result apply = MateyProcess.run(dir, env, "schema", "apply");
        assertThat(apply.exitCode()).as(apply.stdout() + apply.stderr()).isZero();
        MateyProcess.Result adopt = MateyProcess.run(dir, env, adoptCommand.substring("matey ".length()).split(" "));
        assertThat(adopt.exitCode()).as(adopt.stderr()).isZero();
        assertThat(adopt.stdout()).contains("Adopted: recorded 1 version(s)");

        MateyProcess.Result after = MateyProcess.run(dir, env, "db", "drift", "--exit-code");
        assertThat(after.exitCode()).as(after.stdout()).isZero();
        assertThat(after.stdout()).contains("Applied index: 3  Status: clean").doesNotContain("--draft");
        assertThat(MateyProcess.run(dir, env, "db", "drift", "--format", "json").stdout())
                .contains("\"draft\": null");
    }

    /** The workspace below on a server engine: {@code db} is its live database, the server its scratch place. */
    private Map<String, String> migratedWorkspace(TestDatabase db, String engine) throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", db.url().raw(), "TEST_DATABASE_URL",
                TestDatabase.serverBase(engine).raw());
        migratedWorkspace(env, engine);
        return env;
    }

    /** A workspace with two one-table migrations, replayed and applied to the live database. */
    private void migratedWorkspace(Map<String, String> env, String engine) throws Exception {
        MateyProcess.Result init = MateyProcess.run(dir, env, "init", "--engine", engine);
        assertThat(init.exitCode()).as(init.stderr()).isZero();
        migration("001_t1.sql", 1);
        migration("002_t2.sql", 2);
        MateyProcess.Result apply = MateyProcess.run(dir, env, "schema", "apply");
        assertThat(apply.exitCode()).as(apply.stderr()).isZero();
        MateyProcess.Result up = MateyProcess.run(dir, env, "db", "up");
        assertThat(up.exitCode()).as(up.stderr()).isZero();
    }

    private void migration(String name, int i) throws Exception {
        Files.writeString(dir.resolve("migrations/" + name), "-- migrate:up\nCREATE TABLE t" + i
                + " (id BIGINT PRIMARY KEY, name TEXT);\n-- migrate:down\nDROP TABLE t" + i + ";\n", StandardCharsets.UTF_8);
    }

    private List<Path> migrations() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("migrations"))) {
            return files.sorted().toList();
        }
    }

    private void sqlite(String... statements) throws Exception {
        sqlite(dir.resolve("live.sqlite3"), statements);
    }

    private static void sqlite(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
    }

    private static int rows(Path file, String count) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery(count)) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }
}
