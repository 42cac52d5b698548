package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.MateyTools;
import io.matey.error.MateyException;
import io.matey.testing.TestWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Migrations the server accepts that leave an object its own text cannot create again (docs/architecture.md §6):
 * {@code schema apply} proves the head's {@code schema.sql} loads into an empty database before writing anything, and
 * names the first migration after which the schema stopped loading, found by bisecting the checkpoints.
 */
class UnloadableHeadTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "clickhouse | CREATE TABLE base (id UInt64) ENGINE = MergeTree ORDER BY id; | DROP TABLE base;"
                + " | CREATE MATERIALIZED VIEW mv ENGINE = MergeTree ORDER BY id AS SELECT id FROM base; | DROP VIEW mv;"
                + " | RENAME TABLE base TO base2; | RENAME TABLE base2 TO base;"
                + " | CREATE MATERIALIZED VIEW mv",
        "mysql | CREATE SEQUENCE s1; | DROP SEQUENCE s1;"
                + " | CREATE TABLE o (id BIGINT NOT NULL DEFAULT (NEXT VALUE FOR s1) PRIMARY KEY); | DROP TABLE o;"
                + " | RENAME TABLE s1 TO s2; | RENAME TABLE s2 TO s1;"
                + " | CREATE TABLE `o`",
        "mysql | CREATE TABLE h (id INT PRIMARY KEY, v INT) WITH SYSTEM VERSIONING PARTITION BY SYSTEM_TIME"
                + " (PARTITION p_hist HISTORY, PARTITION p_cur CURRENT); | DROP TABLE h;"
                + " | CREATE TABLE later (id INT PRIMARY KEY); | DROP TABLE later;"
                + " | ALTER TABLE h ADD PARTITION (PARTITION p_hist2 HISTORY); | ALTER TABLE h DROP PARTITION p_hist2;"
                + " | no rotation condition for multiple HISTORY partitions"})
    void anApplyWhoseHeadWouldNotLoadWritesNothingAndNamesTheMigration(String engine, String up1, String down1,
            String up2, String down2, String up3, String down3, String object) {
        TestWorkspace ws = new TestWorkspace(dir, engine);
        ws.migration("001_first.sql", up1, down1);
        ws.migration("002_second.sql", up2, down2);
        ws.migration("003_third.sql", up3, down3);
        ws.migration("004_fourth.sql", "CREATE TABLE fourth (id INT PRIMARY KEY)"
                + (engine.equals("clickhouse") ? " ENGINE = MergeTree ORDER BY id;" : ";"), "DROP TABLE fourth;");
        Map<String, String> before = ws.files();

        assertThatThrownBy(ws::plan).isInstanceOf(MateyException.class)
                .hasMessageContaining("the schema stopped loading after migrations/003_third.sql,");
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                .hasMessageContaining("schema.sql would not load into an empty database, so schema apply writes nothing")
                .hasMessageContaining("the schema stopped loading after migrations/003_third.sql, whose checkpoint fails")
                .hasMessageContaining(object)
                .hasMessageContaining("add a migration after it");
        assertThat(ws.files()).isEqualTo(before);
    }

    /**
     * The bisection reads each checkpoint where it is (docs/architecture.md §6): a committed one from the worktree, one
     * apply staged from the journal; only a plan's changed ones, which are nowhere else, go to a temporary directory,
     * deleted when the replay ends.
     */
    @Test
    void theBisectionReadsCheckpointsWhereTheyAreAndLeavesNoCopyBehind() {
        String base = "base_" + UUID.randomUUID().toString().replace("-", "");
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_first.sql", "CREATE TABLE " + base + " (id UInt64) ENGINE = MergeTree ORDER BY id;",
                "DROP TABLE " + base + ";");
        ws.migration("002_second.sql", "CREATE MATERIALIZED VIEW mv ENGINE = MergeTree ORDER BY id AS SELECT id FROM "
                + base + ";", "DROP VIEW mv;");
        ws.apply();
        ws.migration("003_third.sql", "RENAME TABLE " + base + " TO renamed;", "RENAME TABLE renamed TO " + base + ";");
        ws.migration("004_fourth.sql", "CREATE TABLE fourth (id UInt64) ENGINE = MergeTree ORDER BY id;",
                "DROP TABLE fourth;");
        ReplayOptions clean = new ReplayOptions(null, null, true, false);
        Map<String, String> before = ws.files();
        List<Path> copied = new ArrayList<>();

        assertThatThrownBy(() -> new MateyTools(ws.matey()).schemaApply(TestWorkspace.TARGET, clean,
                line -> copied.addAll(copies(base))))
                .isInstanceOf(MateyException.class)
                .hasMessageContaining("the schema stopped loading after migrations/003_third.sql, whose checkpoint fails");
        assertThat(copied).as("apply reads the committed and the staged checkpoints in place").isEmpty();
        assertThatThrownBy(() -> ws.plan(clean)).isInstanceOf(MateyException.class)
                .hasMessageContaining("the schema stopped loading after migrations/003_third.sql,");
        assertThat(copies(base)).isEmpty();
        assertThat(ws.files()).isEqualTo(before);
    }

    /** The files of the replays' temporary checkpoint directories that hold {@code text}. */
    private static List<Path> copies(String text) {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")),
                "matey-checkpoints*")) {
            for (Path checkpoints : dirs) {
                try (Stream<Path> files = Files.list(checkpoints)) {
                    for (Path file : files.toList()) {
                        if (Files.readString(file).contains(text)) {
                            found.add(file);
                        }
                    }
                } catch (NoSuchFileException e) {
                    // another replay's, deleted meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The repair the message suggests: recreating the view after the rename loads, and applies. */
    @Test
    void recreatingTheMaterializedViewAfterTheRenameApplies() {
        TestWorkspace ws = new TestWorkspace(dir, "clickhouse");
        ws.migration("001_base.sql", "CREATE TABLE base (id UInt64) ENGINE = MergeTree ORDER BY id;", "DROP TABLE base;");
        ws.migration("002_mv.sql", "CREATE MATERIALIZED VIEW mv ENGINE = MergeTree ORDER BY id AS SELECT id FROM base;",
                "DROP VIEW mv;");
        ws.migration("003_rename.sql", """
                RENAME TABLE base TO base2;
                DROP VIEW mv;
                CREATE MATERIALIZED VIEW mv ENGINE = MergeTree ORDER BY id AS SELECT id FROM base2;""", """
                DROP VIEW mv;
                RENAME TABLE base2 TO base;
                CREATE MATERIALIZED VIEW mv ENGINE = MergeTree ORDER BY id AS SELECT id FROM base;""");

        assertThat(ws.apply().changed()).isTrue();
        assertThat(ws.read(TestWorkspace.TARGET + "/schema.sql")).contains("FROM base2");
    }
}
