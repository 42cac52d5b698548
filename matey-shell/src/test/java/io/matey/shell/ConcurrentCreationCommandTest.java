package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs of {@code matey dbmate up} (which, as dbmate, takes no lock) creating the same table on one PostgreSQL
 * database at once: the loser meets the winner's row in a catalog's name index, and the message says that another
 * session created the object, not that the data is at fault.
 */
class ConcurrentCreationCommandTest {

    @TempDir
    Path dir;

    @Test
    void theLoserOfACreationRaceIsToldAnotherRunCreatedTheObject() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres"); Connection winner = db.connect()) {
            Files.createDirectories(dir.resolve("db/migrations"));
            Files.writeString(dir.resolve("db/migrations/001_race.sql"),
                    "-- migrate:up\nCREATE TABLE race_t (id int);\n-- migrate:down\nDROP TABLE race_t;\n");
            winner.setAutoCommit(false);
            try (Statement statement = winner.createStatement()) {
                statement.execute("CREATE TABLE race_t (id int)");
            }
            Path out = dir.resolve("out.txt");
            Path err = dir.resolve("err.txt");
            Process loser = MateyProcess.start(dir, Map.of("DATABASE_URL", db.url().raw()), out, err, "dbmate",
                    "--no-dump-schema", "up");
            awaitLockWait(db);
            winner.commit();
            assertThat(loser.waitFor(120, TimeUnit.SECONDS)).isTrue();

            String stderr = Files.readString(err);
            assertThat(loser.exitValue()).as(stderr).isEqualTo(2);
            assertThat(stderr).contains("pg_type_typname_nsp_index", "another session created the same object at the "
                    + "same time (another migration run on this database): let that run finish and run again.")
                    .doesNotContain("fix the data");
        }
    }

    /** Until the loser's CREATE TABLE waits for the winner's uncommitted catalog row. */
    private static void awaitLockWait(TestDatabase db) throws Exception {
        try (Connection observer = db.connect(); Statement statement = observer.createStatement()) {
            for (int attempt = 0; attempt < 600; attempt++) {
                try (ResultSet waiting = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                        + "current_database() AND wait_event_type = 'Lock' AND query LIKE 'CREATE TABLE race_t%'")) {
                    waiting.next();
                    if (waiting.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("matey dbmate up never waited for the other session's CREATE TABLE");
    }
}
