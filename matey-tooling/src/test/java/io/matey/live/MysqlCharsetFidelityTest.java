package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration's table character set, and the one a function's string result names, survive a live database whose
 * default differs from the scratch database's (docs/architecture.md §5): {@code db bootstrap} builds them as {@code
 * db up} does, both verify, and drift sees a table or function result built in the database's default where the
 * migration named another. {@code db up} is run with a lock written before the replay server keys: with them it
 * refuses a database whose defaults are not the replay's before any migration runs ({@link ReplayServerCheckTest}),
 * though these migrations name their character sets.
 */
class MysqlCharsetFidelityTest {

    @TempDir
    Path dir;

    private LiveHarness latin1Posts() throws SQLException {
        LiveHarness h = LiveHarness.created(dir, "mysql");
        h.ws.migration("001_posts.sql", "CREATE TABLE posts (id INT PRIMARY KEY, title VARCHAR(200), body MEDIUMTEXT) "
                + "DEFAULT CHARSET=utf8mb4;", "DROP TABLE posts;");
        h.ws.apply();
        h.db.execute("ALTER DATABASE `" + h.db.url().path() + "` CHARACTER SET latin1");
        return h;
    }

    @Test
    void bootstrapBuildsTheMigrationsCharacterSetInALatin1Database() throws Exception {
        try (LiveHarness h = latin1Posts()) {
            h.bootstrap();

            assertUtf8mb4AndClean(h);
        }
    }

    @Test
    void upVerifiesTheMigrationsCharacterSetInALatin1Database() throws Exception {
        try (LiveHarness h = latin1Posts()) {
            h.ws.lockWithoutReplayServer();
            h.up();

            assertUtf8mb4AndClean(h);
        }
    }

    @Test
    void driftSeesATableBuiltInTheDatabasesDefault() throws Exception {
        try (LiveHarness h = latin1Posts()) {
            h.bootstrap();
            h.db.execute("DROP TABLE posts; CREATE TABLE posts (id INT PRIMARY KEY, title VARCHAR(200), body MEDIUMTEXT);");

            LiveDrift drift = h.drift();

            assertThat(drift.drifted()).isTrue();
            assertThat(drift.liveSql()).contains(") ENGINE=InnoDB DEFAULT CHARSET=latin1;");
        }
    }

    /** A migration's function whose string result names utf8mb4, applied, then the live database made latin1. */
    private LiveHarness latin1Label() throws SQLException {
        LiveHarness h = LiveHarness.created(dir, "mysql");
        h.ws.migration("001_label.sql", "CREATE FUNCTION label(x varchar(20)) RETURNS varchar(20) CHARSET utf8mb4 "
                + "DETERMINISTIC RETURN x;", "DROP FUNCTION label;");
        h.ws.apply();
        h.db.execute("ALTER DATABASE `" + h.db.url().path() + "` CHARACTER SET latin1");
        return h;
    }

    @Test
    void upVerifiesTheCharacterSetAFunctionsResultNamesInALatin1Database() throws Exception {
        try (LiveHarness h = latin1Label()) {
            h.ws.lockWithoutReplayServer();
            h.up();

            assertThat(resultCollation(h, "label")).isEqualTo("utf8mb4_general_ci");
            assertThat(h.drift().drifted()).isFalse();
        }
    }

    @Test
    void bootstrapBuildsTheCharacterSetAFunctionsResultNamesInALatin1Database() throws Exception {
        try (LiveHarness h = latin1Label()) {
            h.bootstrap();

            assertThat(resultCollation(h, "label")).isEqualTo("utf8mb4_general_ci");
            assertThat(h.drift().drifted()).isFalse();
        }
    }

    @Test
    void driftSeesAFunctionsResultBuiltInTheDatabasesDefault() throws Exception {
        try (LiveHarness h = latin1Label()) {
            h.bootstrap();
            h.db.execute("DROP FUNCTION label; CREATE FUNCTION label(x varchar(20)) RETURNS varchar(20) DETERMINISTIC "
                    + "RETURN x;");

            LiveDrift drift = h.drift();

            assertThat(drift.drifted()).isTrue();
            assertThat(drift.liveSql()).contains("RETURNS varchar(20) CHARSET latin1\n");
        }
    }

    private static String resultCollation(LiveHarness h, String function) throws SQLException {
        try (Connection c = h.db.connect()) {
            return TestDatabase.firstValue(c, "SELECT COLLATION_NAME FROM information_schema.ROUTINES "
                    + "WHERE ROUTINE_SCHEMA = DATABASE() AND ROUTINE_NAME = '" + function + "'");
        }
    }

    private static void assertUtf8mb4AndClean(LiveHarness h) throws SQLException {
        assertThat(collation(h, "posts")).isEqualTo("utf8mb4_general_ci");
        assertThat(h.drift().drifted()).isFalse();
    }

    private static String collation(LiveHarness h, String table) throws SQLException {
        try (Connection c = h.db.connect()) {
            return TestDatabase.firstValue(c, "SELECT TABLE_COLLATION FROM information_schema.TABLES "
                    + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table + "'");
        }
    }
}
