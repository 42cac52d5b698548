package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.MateyTools;
import io.matey.testing.TestWorkspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance items 5 and 6 of the replay issue (base-aware replay, journal recovery, concurrency), on SQLite. */
class ReplaySafetyTest {

    @TempDir
    Path dir;

    @Test
    void baseRefReplaysOnlyWhatDiffersFromTheMergeBase() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "sqlite");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            ws.migration("001_one.sql", ws.createTable("one"), "DROP TABLE one;");
            ws.apply();
            git.add().addFilepattern(".").call();
            git.commit().setMessage("one").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
            git.checkout().setCreateBranch(true).setName("feature").call();
            ws.migration("002_two.sql", ws.createTable("two"), "DROP TABLE two;");

            SchemaPlanResult plan = ws.plan(new ReplayOptions("main", null, false, false));
            assertThat(plan.divergence()).hasValue(2);
            assertThat(plan.anchorIndex()).isEqualTo(1);
            assertThat(plan.tailCount()).isEqualTo(1);
            assertThat(plan.downChecked()).containsExactly("migrations/002_two.sql");
            assertThat(plan.replaySql()).contains("one", "two");
        }
    }

    @Test
    void interruptedWriteIsRolledBackBeforeTheNextCommandReads() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "sqlite");
        ws.migration("001_one.sql", ws.createTable("one"), "DROP TABLE one;");
        ws.apply();
        String committed = ws.read("db/core/schema.sql");
        // A crash while renaming: schema.sql already replaced, the journal still says "applying".
        Path tx = ws.target().resolve(".matey/tx/1-manual");
        Files.createDirectories(tx.resolve("backup"));
        Files.writeString(tx.resolve("backup/schema.sql"), committed, StandardCharsets.UTF_8);
        Files.writeString(tx.resolve("manifest.json"), "{\n  \"created_ns\": 1,\n  \"deletes\": [],\n  \"version\": 1,\n"
                + "  \"writes\": [\n    \"schema.sql\"\n  ]\n}\n", StandardCharsets.UTF_8);
        Files.writeString(tx.resolve("state"), "applying\n", StandardCharsets.UTF_8);
        ws.write("db/core/schema.sql", "half written");

        SchemaApplyResult result = ws.apply();
        assertThat(result.changed()).isFalse();
        assertThat(ws.read("db/core/schema.sql")).isEqualTo(committed);
        assertThat(Files.exists(ws.target().resolve(".matey/tx"))).isFalse();
    }

    @Test
    void concurrentAppliesBothSucceedAndExactlyOneWrites() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "sqlite");
        ws.migration("001_one.sql", ws.createTable("one"), "DROP TABLE one;");
        ws.migration("002_two.sql", ws.createTable("two"), "DROP TABLE two;");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<SchemaApplyResult>> runs = new ArrayList<>();
            Callable<SchemaApplyResult> apply = ws::apply;
            runs.add(pool.submit(apply));
            runs.add(pool.submit(apply));
            int wrote = 0;
            for (Future<SchemaApplyResult> run : runs) {
                wrote += run.get().changed() ? 1 : 0;
            }
            assertThat(wrote).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(new MateyTools(ws.matey()).schemaStatus(TestWorkspace.TARGET, false).get(0).clean()).isTrue();
        assertThat(Files.exists(ws.target().resolve(".matey"))).isFalse();
    }

    @Test
    void richSqliteSchemaSurvivesTheDownRoundTripAndFixedPoint() {
        TestWorkspace ws = new TestWorkspace(dir, "sqlite");
        ws.migration("001_tables.sql", """
                CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);
                CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), total REAL CHECK (total >= 0));
                CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID;
                CREATE TABLE measures (id INTEGER PRIMARY KEY, value REAL NOT NULL) STRICT;""",
                "DROP TABLE measures; DROP TABLE kv; DROP TABLE orders; DROP TABLE users;");
        ws.migration("002_objects.sql", """
                CREATE INDEX orders_user ON orders (user_id);
                CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100;
                CREATE TRIGGER orders_touch AFTER INSERT ON orders BEGIN
                  UPDATE users SET email = email WHERE id = NEW.user_id;
                END;""",
                "DROP TRIGGER orders_touch; DROP VIEW big_orders; DROP INDEX orders_user;");
        ws.apply();
        ws.migration("003_more.sql", "CREATE TABLE audit (id INTEGER PRIMARY KEY);", "DROP TABLE audit;");
        SchemaApplyResult incremental = ws.apply();
        assertThat(incremental.downChecked()).containsExactly("migrations/003_more.sql");
        assertThat(ws.read("db/core/schema.sql")).contains("WITHOUT ROWID", "STRICT", "CREATE TRIGGER orders_touch", "audit");
        assertThat(ws.plan(new ReplayOptions(null, null, true, false)).replaySql()).isEqualTo(ws.read("db/core/schema.sql"));
    }
}
