package io.matey.engine.mysql;

import io.matey.engine.Engines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.migration.StatementSplitter;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MysqlSchemaDumpTest {

    private static final Pattern HEAD = Pattern.compile("^(CREATE|ALTER) (?:ALGORITHM=\\w+ |SQL SECURITY \\w+ )*(\\w+) (`[^`]+`|\\w+)");

    @Test
    void richSchemaDumpIsAFixedPointAcrossDatabaseNames() throws SQLException {
        try (TestDatabase original = TestDatabase.create("mysql"); TestDatabase copy = TestDatabase.create("mysql")) {
            original.execute(RichSchema.inCreationOrder(original.url().path()));
            String dump = dump(original);

            copy.execute(dump);

            assertThat(dump(copy)).isEqualTo(dump);
            assertThat(dump).doesNotContain(original.url().path()).doesNotContain(copy.url().path());
        }
    }

    @Test
    void dumpHasEveryObjectInLoadOrder() throws SQLException {
        try (TestDatabase db = TestDatabase.create("mysql")) {
            db.execute(RichSchema.inCreationOrder(db.url().path()));
            String dump = dump(db);

            assertThat(heads(dump)).containsExactly(
                    "CREATE SEQUENCE `order_numbers`",
                    "CREATE TABLE `customers`",
                    "CREATE TABLE `orders`",
                    "CREATE TABLE `price_history`",
                    "ALTER TABLE `customers`",
                    "ALTER TABLE `orders`",
                    "CREATE FUNCTION `order_value`",
                    "CREATE PROCEDURE `count_orders`",
                    "CREATE VIEW `customer_orders`",
                    "CREATE VIEW `big_spenders`",
                    "CREATE VIEW `priced_orders`",
                    "CREATE TRIGGER `orders_before_insert`",
                    "CREATE TRIGGER `audit_before_insert`",
                    "CREATE EVENT `purge_new_orders`");
            assertThat(dump)
                    .contains("ADD CONSTRAINT `fk_customers_favourite_order` FOREIGN KEY (`favourite_order_id`) REFERENCES `orders` (`id`)")
                    .contains("ADD CONSTRAINT `fk_customers_referrer` FOREIGN KEY (`referred_by`) REFERENCES `customers` (`id`)")
                    .contains("ADD CONSTRAINT `fk_orders_customer` FOREIGN KEY (`customer_region`, `customer_code`) "
                            + "REFERENCES `customers` (`region`, `code`) ON UPDATE CASCADE")
                    .contains("GENERATED ALWAYS AS (`quantity` * `unit_price`) STORED")
                    .contains("GENERATED ALWAYS AS (concat('#',lcase(`customer_code`))) VIRTUAL")
                    .contains("KEY `idx_orders_status_total` (`status`,`total`)")
                    .contains("CONSTRAINT `chk_orders_quantity` CHECK")
                    .contains("WITH SYSTEM VERSIONING")
                    .contains("CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW `priced_orders` AS")
                    .contains("WITH CASCADED CHECK OPTION")
                    .contains("FROM orders WHERE status = wanted")
                    .doesNotContain("AUTO_INCREMENT=")
                    .doesNotContain("DEFINER")
                    .doesNotContain("ALGORITHM=UNDEFINED")
                    .doesNotContain("SQL SECURITY DEFINER");
        }
    }

    @Test
    void creationOrderDoesNotChangeTheDump() throws SQLException {
        try (TestDatabase first = TestDatabase.create("mysql"); TestDatabase second = TestDatabase.create("mysql")) {
            first.execute(RichSchema.inCreationOrder(first.url().path()));
            second.execute(RichSchema.inAnotherOrder(second.url().path()));

            assertThat(dump(second)).isEqualTo(dump(first));
        }
    }

    @Test
    void layoutMatchesTheOtherEngines() throws SQLException {
        try (TestDatabase db = TestDatabase.create("mysql")) {
            assertThat(dump(db)).isEmpty();

            db.execute("""
                    CREATE TABLE b (id int NOT NULL, note text, n int, UNIQUE KEY uq_z (id), KEY n_idx (n));
                    CREATE FULLTEXT INDEX ft ON b (note);
                    CREATE INDEX id_idx ON b (id);
                    CREATE TABLE a (id int)
                    """);

            assertThat(dump(db)).isEqualTo("""
                    CREATE TABLE `a` (
                      `id` int DEFAULT NULL
                    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

                    CREATE TABLE `b` (
                      `id` int NOT NULL,
                      `note` text DEFAULT NULL,
                      `n` int DEFAULT NULL,
                      UNIQUE KEY `uq_z` (`id`),
                      FULLTEXT KEY `ft` (`note`),
                      KEY `id_idx` (`id`),
                      KEY `n_idx` (`n`)
                    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
                    """);
        }
    }

    @Test
    void whatShowCreateLeavesOutOrAddsIsCorrected() throws SQLException {
        try (TestDatabase db = TestDatabase.create("mysql")) {
            db.execute("""
                    CREATE TABLE places (location point REF_SYSTEM_ID=4326 NOT NULL, area polygon, plain point);
                    CREATE FUNCTION latin() RETURNS varchar(5) CHARSET latin1 RETURN 'x';
                    CREATE FUNCTION inherited() RETURNS varchar(5) DETERMINISTIC RETURN 'x';
                    """);

            // SHOW CREATE TABLE omits the SRID; SHOW CREATE FUNCTION adds the collation a result's set implies
            assertThat(dump(db)).contains("`location` point REF_SYSTEM_ID=4326 NOT NULL,\n  `area` polygon DEFAULT NULL,\n",
                    "RETURNS varchar(5) CHARSET latin1\n", "RETURNS varchar(5) CHARSET utf8mb4\n    DETERMINISTIC\n");
        }
    }

    @Test
    void aTriggerDumpsTheSameHowEverItsHeaderWasWritten() throws SQLException {
        try (TestDatabase first = TestDatabase.create("mysql"); TestDatabase second = TestDatabase.create("mysql")) {
            first.execute("""
                    CREATE TABLE items (id int, n int);
                    CREATE TRIGGER items_n BEFORE INSERT ON items FOR EACH ROW SET NEW.n = 1;
                    CREATE TRIGGER items_first BEFORE INSERT ON items FOR EACH ROW PRECEDES items_n SET NEW.n = 2;
                    """);
            second.execute("""
                    CREATE TABLE items (id int, n int);
                    create  definer = current_user /* FOR EACH ROW */ trigger   `items_n` -- for each row
                      before insert   on   items
                      for each row /* the body: */ SET NEW.n = 1;
                    CREATE TRIGGER items_first BEFORE INSERT ON items FOR EACH ROW PRECEDES items_n SET NEW.n = 2;
                    """);
            String dump = dump(first);

            assertThat(dump(second)).isEqualTo(dump);
            assertThat(dump).endsWith("""
                    CREATE TRIGGER `items_first` BEFORE INSERT ON `items` FOR EACH ROW
                    SET NEW.n = 2;

                    CREATE TRIGGER `items_n` BEFORE INSERT ON `items` FOR EACH ROW
                    SET NEW.n = 1;
                    """);
        }
    }

    @Test
    void objectsTheDumpCannotRenderFailNamingThem() throws SQLException {
        try (TestDatabase db = TestDatabase.create("mysql"); Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SET SESSION sql_mode = 'ORACLE'");
            st.execute("CREATE PACKAGE billing AS FUNCTION due RETURN INT; END");

            assertThatThrownBy(() -> db.engine().dumpSchema(c))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("`billing`")
                    .hasMessageContaining("PACKAGE");
        }
    }

    @Test
    void viewsReadingWhatWasDroppedFailTheDumpNamingWhatTheyMiss() throws SQLException {
        try (TestDatabase db = TestDatabase.create("mysql"); Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id int, n int)");
            st.execute("CREATE FUNCTION one() RETURNS int DETERMINISTIC RETURN 1");
            st.execute("CREATE VIEW a_ids AS SELECT id FROM t");
            st.execute("CREATE VIEW b_ns AS SELECT id, n FROM t");
            st.execute("CREATE VIEW c_ones AS SELECT one() AS x");
            st.execute("ALTER TABLE t DROP COLUMN n");
            st.execute("DROP FUNCTION one");

            assertThatThrownBy(() -> db.engine().dumpSchema(c))
                    .isInstanceOf(SQLException.class)
                    .hasMessageStartingWith("MySQL view `b_ns` reads what does not exist: Unknown column 't.n' in 'SELECT'; "
                            + "MySQL view `c_ones` reads what does not exist: FUNCTION one does not exist. ")
                    .hasMessageNotContaining("a_ids")
                    .hasMessageNotContaining(db.url().path());
            // a live database's report leaves them out and names them instead (db drift)
            List<String> unloadable = new ArrayList<>();
            assertThat(db.engine().dumpSchemaReporting(c, unloadable::add)).contains("CREATE VIEW `a_ids` AS")
                    .doesNotContain("`b_ns`", "`c_ones`");
            assertThat(unloadable).hasSize(2).first().asString()
                    .isEqualTo("MySQL view `b_ns` reads what does not exist: Unknown column 't.n' in 'SELECT'");
            assertThat(unloadable.get(1)).startsWith("MySQL view `c_ones` reads what does not exist: FUNCTION one does not exist");
        }
    }

    @Test
    void triggersAndEventsWhoseBodiesReadDifferentlyUnderTheDumpsSqlModeFailNamingThem() throws SQLException {
        try (TestDatabase db = TestDatabase.create("mysql"); Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id int, label varchar(20))");
            st.execute("SET SESSION sql_mode = 'ANSI'");
            st.execute("CREATE TRIGGER t_label BEFORE INSERT ON t FOR EACH ROW SET NEW.\"label\" = 'x' || NEW.\"label\"");

            assertThatThrownBy(() -> db.engine().dumpSchema(c))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("trigger `t_label` was created under sql_mode REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,"
                            + "IGNORE_SPACE,ANSI");
            st.execute("DROP TRIGGER t_label");
            st.execute("CREATE EVENT e_backslashes ON SCHEDULE EVERY 1 DAY DO DELETE FROM t WHERE label = 'a\\b'");
            st.execute("ALTER EVENT e_backslashes COMMENT 'still ANSI'");

            assertThatThrownBy(() -> db.engine().dumpSchema(c)).hasMessageContaining("event `e_backslashes`");
        }
    }

    @Test
    void dumpIgnoresAndRestoresTheCallersSessionSettings() throws SQLException {
        try (TestDatabase db = TestDatabase.create("mysql"); Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id int, at timestamp NOT NULL DEFAULT '2020-01-01 00:00:00')");
            String canonical = db.engine().dumpSchema(c);
            st.execute("SET SESSION sql_mode = 'ANSI_QUOTES', time_zone = '+05:00', character_set_results = NULL");

            assertThat(db.engine().dumpSchema(c)).isEqualTo(canonical).contains("DEFAULT '2020-01-01 00:00:00'");
            try (ResultSet rs = st.executeQuery("SELECT @@SESSION.sql_mode, @@SESSION.time_zone, @@SESSION.character_set_results")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ANSI_QUOTES");
                assertThat(rs.getString(2)).isEqualTo("+05:00");
                assertThat(rs.getString(3)).isNull();
            }
        }
    }

    private static String dump(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return db.engine().dumpSchema(c);
        }
    }

    private static List<String> heads(String dump) {
        return new StatementSplitter(Engines.byId("mysql").dialect()).split(dump).stream().map(s -> {
            Matcher m = HEAD.matcher(s.sql());
            return m.find() ? m.group(1) + " " + m.group(2) + " " + m.group(3) : s.summary();
        }).toList();
    }
}
