package io.matey.engine.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.replay.ReplayOptions;
import io.matey.replay.SchemaPlanResult;
import io.matey.testing.Construct;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.Map;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same schema dumps to the same bytes on two server versions (MariaDB 10.11 as {@code MATEY_TEST_MYSQL_URL},
 * MariaDB 11.4 as {@code MATEY_TEST_MYSQL_OTHER_URL}, whose default collation differs), and a dump written by one
 * loads into the other and dumps back to itself.
 */
class MysqlVersionStabilityTest {

    @Test
    void richSchemaDumpsTheSameOnBothServers() throws SQLException {
        try (TestDatabase first = TestDatabase.create("mysql"); TestDatabase second = TestDatabase.create("mysql-other")) {
            first.execute(RichSchema.inCreationOrder(first.url().path()));
            second.execute(RichSchema.inAnotherOrder(second.url().path()));

            assertThat(dump(second)).isEqualTo(dump(first));
        }
    }

    @Test
    void theConstructCorpusDumpsTheSameOnBothServers() throws SQLException {
        try (TestDatabase first = TestDatabase.create("mysql"); TestDatabase second = TestDatabase.create("mysql-other")) {
            first.execute(Construct.allUp(MysqlConstructs.ALL));
            second.execute(Construct.allUp(MysqlConstructs.ALL));

            assertThat(dump(second)).isEqualTo(dump(first));
        }
    }

    @Test
    void charsetsAndWidthsDumpTheSameOnBothServers() throws SQLException {
        try (TestDatabase first = TestDatabase.create("mysql"); TestDatabase second = TestDatabase.create("mysql-other")) {
            first.execute(CharsetSchema.SQL);
            second.execute(CharsetSchema.SQL);

            String dump = dump(first);
            assertThat(dump(second)).isEqualTo(dump);
            assertThat(dump).doesNotContain("bigint(", "smallint(6)", "int(5)", "tinyint(4)", "year(4)", "CHARACTER SET", "utf8mb4_general_ci", "uca1400")
                    .contains("`flag` tinyint(1) NOT NULL DEFAULT 1", "`padded` int(8) unsigned zerofill",
                            "`exact` varchar(40) COLLATE utf8mb4_bin NOT NULL",
                            "`spelled_out` varchar(40) COLLATE utf8mb4_unicode_ci",
                            "`legacy` char(3) COLLATE latin1_swedish_ci",
                            "`choice` enum('a b','c''d') COLLATE latin1_bin DEFAULT 'a b'",
                            "`note` text DEFAULT NULL COMMENT 'COLLATE utf8mb4_bin is not a clause here'",
                            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='texts DEFAULT CHARSET=latin1';",
                            "`name` varchar(20) DEFAULT NULL",
                            "`modern` varchar(20) COLLATE utf8mb4_bin DEFAULT NULL",
                            ") ENGINE=InnoDB DEFAULT CHARSET=latin1 COLLATE=latin1_general_ci;",
                            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;",
                            "  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;");
        }
    }

    /** A function's integer result loses its display width as a column's does; parameters keep what was written. */
    @Test
    void functionResultsDumpWithoutDisplayWidthsOnBothServers() throws SQLException {
        String functions = """
                CREATE TABLE a (x INT);
                CREATE FUNCTION cnt() RETURNS INT RETURN (SELECT COUNT(*) FROM a);
                CREATE FUNCTION big(p INT(5), q BIGINT UNSIGNED) RETURNS BIGINT UNSIGNED DETERMINISTIC RETURN q;
                CREATE FUNCTION padded() RETURNS INT(8) UNSIGNED ZEROFILL RETURN 1;
                CREATE FUNCTION flag() RETURNS TINYINT(1) RETURN 1;
                CREATE FUNCTION yr() RETURNS YEAR RETURN 2026;
                CREATE FUNCTION label() RETURNS VARCHAR(5) RETURN 'x';
                """;
        try (TestDatabase first = TestDatabase.create("mysql"); TestDatabase second = TestDatabase.create("mysql-other");
                TestDatabase back = TestDatabase.create("mysql")) {
            first.execute(functions);
            second.execute(functions);
            String dump = dump(first);

            assertThat(dump(second)).isEqualTo(dump);
            assertThat(dump).contains("`cnt`() RETURNS int\n", "`big`(p INT(5), q BIGINT UNSIGNED) RETURNS bigint unsigned\n",
                    "`padded`() RETURNS int(8) unsigned zerofill\n", "`flag`() RETURNS tinyint(1)\n", "`yr`() RETURNS year\n",
                    "`label`() RETURNS varchar(5) CHARSET utf8mb4\n");
            back.execute(dump);
            assertThat(dump(back)).as("a fixed point").isEqualTo(dump);
        }
    }

    @Test
    void aDumpFromOneServerLoadsIntoTheOtherAndDumpsBackToItself() throws SQLException {
        try (TestDatabase first = TestDatabase.create("mysql"); TestDatabase second = TestDatabase.create("mysql-other");
                TestDatabase back = TestDatabase.create("mysql")) {
            first.execute(CharsetSchema.SQL + RichSchema.inCreationOrder(first.url().path()));
            String dump = dump(first);

            second.execute(dump);
            assertThat(dump(second)).isEqualTo(dump);
            back.execute(dump(second));
            assertThat(dump(back)).isEqualTo(dump);
        }
    }

    @Test
    void theSameMigrationsReplayToTheSameArtifactsOnEitherServer(@TempDir Path dir) throws SQLException {
        TestWorkspace ws = new TestWorkspace(dir, "mysql");
        ws.migration("001_charsets.sql", CharsetSchema.SQL, "DROP TABLE widths, texts, legacy_table, binary_table;");
        ws.migration("002_widen.sql", "ALTER TABLE texts ADD COLUMN extra varchar(10) COLLATE utf8mb4_bin, "
                + "MODIFY inherited varchar(80);", "ALTER TABLE texts DROP COLUMN extra, MODIFY inherited varchar(40);");
        String other = TestDatabase.serverBase("mysql-other").raw();

        ws.apply(new ReplayOptions(null, other, true, false));
        Map<String, String> written = ws.files();
        SchemaPlanResult plan = ws.plan(new ReplayOptions(null, null, true, false));

        // a clean replay records its server in the lock (docs/architecture.md §4): that alone differs
        assertThat(plan.staleFiles()).as(plan.diff()).containsExactly("schema.lock.toml");
        assertThat(ws.plan().match()).isTrue();
        assertThat(ws.apply().changed()).isFalse();
        assertThat(ws.files()).isEqualTo(written);
    }

    private static String dump(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return db.engine().dumpSchema(c);
        }
    }
}
