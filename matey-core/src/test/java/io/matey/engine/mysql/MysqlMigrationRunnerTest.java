package io.matey.engine.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.MigrationFailedException;
import io.matey.engine.MigrationRunner;
import io.matey.migration.Migration;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class MysqlMigrationRunnerTest {

    private static final String FILE = "migrations/20260101120000_create_accounts.sql";

    @Test
    void aFailedStatementLeavesEarlierDdlAppliedAndSaysWhich() throws SQLException {
        String text = """
                -- migrate:up
                CREATE TABLE accounts (id int PRIMARY KEY);
                CREATE INDEX idx_accounts_missing ON accounts (missing_column);
                -- migrate:down
                DROP TABLE accounts;
                """;
        Migration migration = new Migration(FILE, "20260101120000", text.getBytes(StandardCharsets.UTF_8));
        try (TestDatabase db = TestDatabase.create("mysql"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);

            assertThatThrownBy(() -> new MigrationRunner(db.engine(), db.engine().migrationTable(), c).up(migration))
                    .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                        assertThat(e.file()).isEqualTo(FILE);
                        assertThat(e.section()).isEqualTo("up");
                        assertThat(e.line()).isEqualTo(3);
                    })
                    .hasMessageContaining(FILE + ":3: up section failed")
                    .hasMessageContaining("missing_column")
                    .hasMessageContaining("Statements at line(s) 2 took effect and stay applied")
                    .hasMessageContaining("version is not recorded");

            assertThat(db.engine().dumpSchema(c)).contains("CREATE TABLE `accounts`");
            assertThat(db.engine().migrationTable().appliedVersions(c)).isEmpty();

            // A syntax error is reported at the line the server gives ("at line N" of the statement).
            Migration syntax = new Migration("migrations/20260101130000_notes.sql", "20260101130000", """
                    -- migrate:up
                    /* the notes table */
                    CREATE TABLE notes (
                      id int PRIMARY KEY,
                      body varchar(20) NOT NUL
                    );
                    -- migrate:down
                    DROP TABLE notes;
                    """.getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> new MigrationRunner(db.engine(), db.engine().migrationTable(), c).up(syntax))
                    .isInstanceOfSatisfying(MigrationFailedException.class, e -> assertThat(e.line()).isEqualTo(5))
                    .hasMessageStartingWith("migrations/20260101130000_notes.sql:5: up section failed: You have an error")
                    .hasMessageContaining("at line 4. Statement: 'CREATE TABLE notes")
                    .hasMessageNotContaining("conn=");
        }
    }

    @Test
    void aSectionAppliesAndRecordsItsVersion() throws SQLException {
        String text = """
                -- migrate:up
                CREATE TABLE accounts (id int PRIMARY KEY);
                CREATE PROCEDURE touch_accounts()
                BEGIN
                  UPDATE accounts SET id = id;
                  SELECT count(*) FROM accounts;
                END;
                -- migrate:down
                DROP PROCEDURE touch_accounts;
                DROP TABLE accounts;
                """;
        Migration migration = new Migration(FILE, "20260101120000", text.getBytes(StandardCharsets.UTF_8));
        try (TestDatabase db = TestDatabase.create("mysql"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);
            MigrationRunner runner = new MigrationRunner(db.engine(), db.engine().migrationTable(), c);

            runner.up(migration);
            assertThat(db.engine().migrationTable().appliedVersions(c)).containsExactly("20260101120000");
            assertThat(db.engine().dumpSchema(c)).contains("CREATE PROCEDURE `touch_accounts`()");

            runner.down(migration);
            assertThat(db.engine().migrationTable().appliedVersions(c)).isEmpty();
            assertThat(db.engine().dumpSchema(c)).isEmpty();
        }
    }

    @Test
    void executableCommentsRunAsTheServerReadsThem() throws SQLException {
        String text = """
                -- migrate:up
                CREATE TABLE t (id INT PRIMARY KEY, s VARCHAR(50));
                /*!50001 CREATE ALGORITHM=UNDEFINED */
                /*!50001 VIEW v AS SELECT id FROM t */;
                /*!40101 INSERT INTO t VALUES (1, 'x') */;
                /*M!100100 INSERT INTO t VALUES (2, 'mariadb') */;
                /*!99999 INSERT INTO t VALUES (3, 'future server') */;
                -- migrate:down
                DROP VIEW v;
                DROP TABLE t;
                """;
        try (TestDatabase db = TestDatabase.create("mysql"); Connection c = db.connect()) {
            up(db, c, text);

            assertThat(db.engine().dumpSchema(c)).contains("VIEW `v` AS");
            try (var rs = c.createStatement().executeQuery("SELECT group_concat(id ORDER BY id) FROM t")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("1,2");
            }
        }
    }

    @Test
    void compoundStatementsAndBlockWordsAsNamesSplitAsTheServerReadsThem() throws SQLException {
        String text = """
                -- migrate:up
                CREATE TABLE bk (id INT, begin DATE, end DATE);
                CREATE TABLE t (id INT PRIMARY KEY);
                CREATE PROCEDURE p1()
                BEGIN
                  DECLARE x INT DEFAULT 0;
                  CASE x WHEN 1 THEN SET x = 2; ELSE SET x = 3; END CASE;
                END;
                CREATE TABLE t2 (id INT PRIMARY KEY);
                BEGIN NOT ATOMIC
                  DECLARE c INT;
                  SELECT COUNT(*) INTO c FROM t;
                  IF c = 0 THEN
                    INSERT INTO t VALUES (1);
                  END IF;
                END;
                CREATE TRIGGER bk_ins BEFORE INSERT ON bk FOR EACH ROW
                IF NEW.begin IS NULL THEN SET NEW.begin = '2026-01-01'; END IF;
                INSERT INTO bk (id) VALUES (1);
                -- migrate:down
                DROP TABLE t2;
                """;
        try (TestDatabase db = TestDatabase.create("mysql"); Connection c = db.connect()) {
            up(db, c, text);

            assertThat(db.engine().dumpSchema(c)).contains("CREATE PROCEDURE `p1`()", "CREATE TABLE `t2`",
                    "CREATE TRIGGER `bk_ins`");
            assertThat(TestDatabase.firstValue(c, "SELECT group_concat(id) FROM t")).isEqualTo("1");
            assertThat(TestDatabase.firstValue(c, "SELECT begin FROM bk")).isEqualTo("2026-01-01");
        }
    }

    @Test
    void routineBodiesWithoutBeginAreOneStatement() throws SQLException {
        String text = """
                -- migrate:up
                CREATE TABLE log (n INT);
                CREATE PROCEDURE p(IN n INT) COMMENT 'fills; log' MODIFIES SQL DATA
                IF n > 0 THEN INSERT INTO log VALUES (n); END IF;
                CREATE PROCEDURE p2(IN n INT) WHILE n > 0 DO INSERT INTO log VALUES (n); SET n = n - 1; END WHILE;
                CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN (SELECT COUNT(*) FROM log);
                CALL p(7);
                CALL p2(2);
                -- migrate:down
                DROP TABLE log;
                """;
        try (TestDatabase db = TestDatabase.create("mysql"); Connection c = db.connect()) {
            up(db, c, text);

            assertThat(TestDatabase.firstValue(c, "SELECT group_concat(n ORDER BY n) FROM log")).isEqualTo("1,2,7");
            assertThat(TestDatabase.firstValue(c, "SELECT f()")).isEqualTo("3");
        }
    }

    @Test
    void triggerBodiesAfterAnOrderingClauseAreOneStatement() throws SQLException {
        String text = """
                -- migrate:up
                CREATE TABLE x (a INT, b INT);
                CREATE TRIGGER t1 BEFORE INSERT ON x FOR EACH ROW SET NEW.b = NEW.a;
                CREATE TRIGGER t2 BEFORE INSERT ON x FOR EACH ROW FOLLOWS t1 IF NEW.a IS NULL THEN SET NEW.a = 0; END IF;
                CREATE TRIGGER t0 BEFORE INSERT ON x FOR EACH ROW PRECEDES t1
                IF NEW.a < 0 THEN SET NEW.a = NULL; END IF;
                INSERT INTO x (a) VALUES (NULL), (-5), (3);
                -- migrate:down
                DROP TABLE x;
                """;
        try (TestDatabase db = TestDatabase.create("mysql"); Connection c = db.connect()) {
            up(db, c, text);

            assertThat(TestDatabase.firstValue(c, "SELECT group_concat(trigger_name ORDER BY action_order)"
                    + " FROM information_schema.triggers WHERE event_object_table = 'x' AND trigger_schema = DATABASE()"))
                    .isEqualTo("t0,t1,t2");
            // t0 runs first (-5 becomes NULL), t1 copies a into b, t2 last turns a NULL a into 0.
            assertThat(TestDatabase.firstValue(c, "SELECT group_concat(concat(a, ':', coalesce(b, 'null')) ORDER BY a, b)"
                    + " FROM x")).isEqualTo("0:null,0:null,3:3");
        }
    }

    private static void up(TestDatabase db, Connection c, String text) throws SQLException {
        db.engine().migrationTable().ensure(c);
        new MigrationRunner(db.engine(), db.engine().migrationTable(), c)
                .up(new Migration(FILE, "20260101120000", text.getBytes(StandardCharsets.UTF_8)));
    }
}
