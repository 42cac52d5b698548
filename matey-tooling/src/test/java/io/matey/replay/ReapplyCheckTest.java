package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip's last step, up again after the down section, must give the state of the first up; a difference
 * is blamed on that migration, not on the next one whose round trip it spoils (docs/architecture.md §6). On
 * MariaDB an index covering a foreign key's column replaces the key's implicit index, and a down section that
 * must add that index back (MariaDB refuses to drop the last one) adds it explicitly: the dump after the down is
 * the state before, but the second up keeps the index the first one dropped.
 */
class ReapplyCheckTest {

    private static final String INDEX = "migrations/002_idx.sql";
    private static final ReplayOptions KEEP_GOING = new ReplayOptions(null, null, false, false, true);

    @TempDir
    Path dir;

    private TestWorkspace history(String nextDown) {
        TestWorkspace ws = new TestWorkspace(dir, "mysql");
        ws.migration("001_base.sql", "CREATE TABLE p (id INT PRIMARY KEY);\nCREATE TABLE c (id INT PRIMARY KEY, "
                + "p_id INT, x INT, CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p(id));", "DROP TABLE c;\nDROP TABLE p;");
        ws.migration("002_idx.sql", "CREATE INDEX ix_c ON c (p_id, x);",
                "ALTER TABLE c ADD INDEX fk_c_p (p_id), DROP INDEX ix_c;");
        if (nextDown != null) {
            ws.migration("003_z.sql", "CREATE TABLE z (id INT PRIMARY KEY);", nextDown);
        }
        return ws;
    }

    @Test
    void aSecondUpThatDiffersFromTheFirstIsBlamedOnItsOwnMigration() {
        TestWorkspace ws = history("DROP TABLE z;");
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class)
                .hasMessageStartingWith(INDEX + ": down roundtrip mismatch: its down section restored the state before "
                        + "the migration, but running its up section again then gives a different state than the first "
                        + "time")
                .hasMessageContaining("--- first-up/schema.sql\n+++ re-up/schema.sql")
                .hasMessageContaining("+  KEY `fk_c_p` (`p_id`),")
                .hasMessageNotContaining("003_z");

        SchemaPlanResult plan = ws.plan(KEEP_GOING);
        assertThat(plan.downFailures()).extracting(DownFailure::file).containsExactly(INDEX);
        assertThat(plan.downChecked()).contains("migrations/003_z.sql");
    }

    @Test
    void aDifferentSecondUpIsFoundWhenTheNextMigrationHasNoDownSection() {
        TestWorkspace ws = history("");
        assertThatThrownBy(ws::apply).isInstanceOf(MateyException.class).hasMessageStartingWith(INDEX + ": ")
                .hasMessageContaining("+  KEY `fk_c_p` (`p_id`),");
    }

    @Test
    void aDifferentSecondUpOfTheLastMigrationIsBlamedOnIt() {
        assertThatThrownBy(history(null)::apply).isInstanceOf(MateyException.class)
                .hasMessageStartingWith(INDEX + ": down roundtrip mismatch: its down section restored");
    }

    @Test
    void anAcceptedMigrationWhoseSecondUpDiffersReplaysFromItsFirstUp() {
        TestWorkspace ws = history("DROP TABLE z;");
        ws.write("db/core/config.toml", "engine = \"mysql\"\nurl_env = \"DB_CORE_DATABASE_URL\"\n"
                + "test_url_env = \"DB_CORE_TEST_DATABASE_URL\"\n\n[inexact_downs]\n\"002_idx.sql\" = \"MariaDB keeps "
                + "the index the down adds back\"\n");
        SchemaApplyResult applied = ws.apply();
        assertThat(applied.downAccepted()).singleElement().satisfies(accepted -> {
            assertThat(accepted.file()).isEqualTo(INDEX);
            assertThat(accepted.diff()).contains("+++ re-up/schema.sql", "+  KEY `fk_c_p` (`p_id`),");
        });
        assertThat(ws.read("db/core/schema.sql")).contains("KEY `ix_c`").doesNotContain("KEY `fk_c_p`");
    }
}
