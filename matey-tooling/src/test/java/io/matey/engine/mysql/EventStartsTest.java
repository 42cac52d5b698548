package io.matey.engine.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A repeating event whose schedule names no STARTS dumps without the creation time the server filled in. */
class EventStartsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void anEventStartedByTheClockDumpsWithoutItsStartAndLoadsBackToTheSameText(String server) throws SQLException {
        String dump;
        try (TestDatabase db = TestDatabase.create(server); Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id int)");
            st.execute("CREATE EVENT e_hourly ON SCHEDULE EVERY 1 HOUR DO DELETE FROM t");
            st.execute("CREATE EVENT e_fixed ON SCHEDULE EVERY 1 HOUR STARTS '2030-01-01 00:00:00' DO DELETE FROM t");
            st.execute("CREATE EVENT e_rescheduled ON SCHEDULE EVERY 1 HOUR STARTS '2030-01-01 00:00:00' DO DELETE FROM t");
            // STARTS is shown in the event's time zone, CREATED in the session's.
            st.execute("SET SESSION time_zone = '+02:00'");
            st.execute("CREATE EVENT e_zoned ON SCHEDULE EVERY '1:30' HOUR_MINUTE ENDS '2037-01-01 00:00:00' "
                    + "DO DELETE FROM t WHERE id = 1");
            st.execute("SET SESSION time_zone = '+00:00'");
            st.execute("DO SLEEP(1)");
            st.execute("ALTER EVENT e_rescheduled ON SCHEDULE EVERY 2 HOUR");
            st.execute("CREATE EVENT e_past ON SCHEDULE EVERY 1 HOUR STARTS '2020-01-01 00:00:00' DO DELETE FROM t");
            st.execute("DO SLEEP(1)");
            // Altered again: the start the clock gave is now neither its creation nor its last change.
            st.execute("ALTER EVENT e_rescheduled COMMENT 'twice'");
            st.execute("ALTER EVENT e_past COMMENT 'altered'");
            dump = db.engine().dumpSchema(c);
        }
        assertThat(dump)
                .contains("CREATE EVENT `e_hourly` ON SCHEDULE EVERY 1 HOUR ON COMPLETION NOT PRESERVE ENABLE DO")
                .contains("CREATE EVENT `e_rescheduled` ON SCHEDULE EVERY 2 HOUR ON COMPLETION NOT PRESERVE ENABLE "
                        + "COMMENT 'twice' DO")
                .contains("`e_past` ON SCHEDULE EVERY 1 HOUR STARTS '2020-01-01 00:00:00' ON COMPLETION")
                .contains("CREATE EVENT `e_zoned` ON SCHEDULE EVERY '1:30' HOUR_MINUTE ENDS '2037-01-01 00:00:00' ON")
                .contains("`e_fixed` ON SCHEDULE EVERY 1 HOUR STARTS '2030-01-01 00:00:00' ON COMPLETION");

        try (TestDatabase db = TestDatabase.create(server); Connection c = db.connect()) {
            db.engine().load(c, dump);
            assertThat(db.engine().dumpSchema(c)).isEqualTo(dump);
        }
    }

    @Test
    void aReplayedEventWritesTheSameSchemaEveryTime() {
        TestWorkspace ws = new TestWorkspace(dir, "mysql");
        ws.migration("001_rollup.sql", "CREATE TABLE hits (id int, at datetime);\nCREATE EVENT rollup_hourly ON SCHEDULE "
                + "EVERY 1 HOUR DO DELETE FROM hits WHERE at < NOW() - INTERVAL 1 DAY;", "DROP TABLE hits;\nDROP EVENT "
                + "rollup_hourly;");
        ws.apply();
        assertThat(ws.read(TestWorkspace.TARGET + "/schema.sql"))
                .contains("CREATE EVENT `rollup_hourly` ON SCHEDULE EVERY 1 HOUR ON COMPLETION NOT PRESERVE ENABLE DO");
        assertThat(ws.plan().match()).isTrue();
    }

    /**
     * An event rescheduled without STARTS and altered again in a later migration: its down round trip and its
     * checkpoints do not depend on when the replay ran.
     */
    @Test
    void anEventAlteredAfterItsRescheduleReplaysWithoutTheClocksStart() {
        TestWorkspace ws = new TestWorkspace(dir, "mysql");
        ws.migration("001_rollup.sql", "CREATE TABLE hits (id int);\nCREATE EVENT rollup ON SCHEDULE EVERY 1 HOUR DO "
                + "DELETE FROM hits;", "DROP EVENT rollup;\nDROP TABLE hits;");
        ws.migration("002_reschedule.sql", "DO SLEEP(1.1);\nALTER EVENT rollup ON SCHEDULE EVERY 2 HOUR;",
                "ALTER EVENT rollup ON SCHEDULE EVERY 1 HOUR;");
        ws.migration("003_comment.sql", "DO SLEEP(1.1);\nALTER EVENT rollup COMMENT 'purge';",
                "ALTER EVENT rollup COMMENT '';");
        ws.apply();
        assertThat(ws.read(TestWorkspace.TARGET + "/schema.sql")).contains("CREATE EVENT `rollup` ON SCHEDULE EVERY 2 "
                + "HOUR ON COMPLETION NOT PRESERVE ENABLE COMMENT 'purge' DO");
        assertThat(ws.plan().match()).isTrue();
    }
}
