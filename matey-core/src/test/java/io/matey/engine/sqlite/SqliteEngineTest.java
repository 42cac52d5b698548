package io.matey.engine.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.matey.engine.MigrationFailedException;
import io.matey.engine.MigrationRunner;
import io.matey.migration.Migration;
import io.matey.schema.SchemaDump;
import io.matey.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SqliteEngineTest {

    static final String TABLES = """
            CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, created_at TEXT DEFAULT CURRENT_TIMESTAMP);
            CREATE TABLE orders (id INTEGER PRIMARY KEY AUTOINCREMENT, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, total REAL CHECK (total >= 0));
            CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID;
            CREATE TABLE measures (id INTEGER PRIMARY KEY, value REAL NOT NULL) STRICT;
            """;
    static final String OTHERS = """
            CREATE INDEX orders_user ON orders (user_id);
            CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100;
            CREATE VIEW big_order_users AS SELECT DISTINCT u.* FROM users u JOIN big_orders o ON o.user_id = u.id;
            CREATE TRIGGER orders_audit AFTER INSERT ON orders BEGIN
              UPDATE users SET created_at = CASE WHEN created_at IS NULL THEN 'now' ELSE created_at END WHERE id = NEW.user_id;
            END;
            """;

    @Test
    void richSchemaDumpIsAFixedPoint() throws SQLException {
        try (TestDatabase source = TestDatabase.create("sqlite"); TestDatabase copy = TestDatabase.create("sqlite")) {
            source.execute(TABLES + OTHERS);
            String dump = dump(source);
            assertThat(dump).contains("WITHOUT ROWID", "STRICT", "REFERENCES users(id)", "CREATE INDEX orders_user",
                    "CREATE VIEW big_order_users", "CREATE TRIGGER orders_audit").doesNotContain("sqlite_sequence");
            assertThat(dump.indexOf("CREATE VIEW big_orders")).isLessThan(dump.indexOf("CREATE VIEW big_order_users"));
            copy.execute(dump);
            assertThat(dump(copy)).isEqualTo(dump);
        }
    }

    @Test
    void headerNamesAreWrittenBareWhereSqliteReadsThemBareAndTheDumpStaysAFixedPoint() throws SQLException {
        try (TestDatabase source = TestDatabase.create("sqlite"); TestDatabase copy = TestDatabase.create("sqlite")) {
            source.execute("""
                    CREATE TABLE users_new (id INTEGER PRIMARY KEY, email TEXT);
                    CREATE INDEX [users_email] ON users_new (email);
                    ALTER TABLE users_new RENAME TO users;
                    CREATE TABLE a (x);
                    ALTER TABLE a RENAME TO "Group";
                    CREATE TABLE b (x);
                    ALTER TABLE b RENAME TO "my table";
                    CREATE VIEW `user_ids` AS SELECT "id" FROM users;
                    CREATE TRIGGER "users_audit" AFTER INSERT ON users BEGIN SELECT 1; END;
                    """);
            String dump = dump(source);

            assertThat(dump).contains("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);",
                    "CREATE INDEX users_email ON users (email);", "CREATE TABLE \"Group\" (x);",
                    "CREATE TABLE \"my table\" (x);", "CREATE VIEW user_ids AS SELECT \"id\" FROM users;",
                    "CREATE TRIGGER users_audit AFTER INSERT ON users BEGIN SELECT 1; END;");
            copy.execute(dump);
            assertThat(dump(copy)).isEqualTo(dump);
        }
    }

    /**
     * RENAME quotes the table's name wherever another object names it; the dump writes it bare in table positions
     * only, where it cannot be SQLite's string-literal fallback, and leaves strings, comments and keywords alone.
     */
    @Test
    void tableReferencesRenameQuotedAreWrittenBareOnlyWhereTheyNameATable() throws SQLException {
        try (TestDatabase source = TestDatabase.create("sqlite"); TestDatabase copy = TestDatabase.create("sqlite")) {
            source.execute("""
                    CREATE TABLE audit (at TEXT, what TEXT);
                    CREATE TABLE "order" (id INTEGER PRIMARY KEY);
                    CREATE TABLE users (id INTEGER PRIMARY KEY, status TEXT, audit_id INTEGER REFERENCES audit (rowid));
                    CREATE INDEX audit_at ON audit (at);
                    CREATE VIEW recent AS SELECT audit.at FROM audit JOIN users ON users.status IS DISTINCT FROM "audit";
                    CREATE TRIGGER users_audit AFTER UPDATE OF status ON users BEGIN
                      INSERT INTO audit(at, what) VALUES ('INSERT INTO "audit"', "audit"); -- INTO "audit"
                      DELETE FROM "order" WHERE id = NEW.id;
                    END;
                    ALTER TABLE audit RENAME TO audit_log;
                    ALTER TABLE audit_log RENAME TO audit;
                    """);
            String dump = dump(source);

            assertThat(dump).contains("REFERENCES audit (rowid)", "CREATE INDEX audit_at ON audit (at);",
                    "SELECT audit.at FROM audit JOIN users ON users.status IS DISTINCT FROM \"audit\";",
                    "AFTER UPDATE OF status ON users BEGIN\n  INSERT INTO audit(at, what) VALUES ('INSERT INTO \"audit\"', "
                            + "\"audit\"); -- INTO \"audit\"\n  DELETE FROM \"order\" WHERE");
            copy.execute(dump);
            assertThat(dump(copy)).isEqualTo(dump);
        }
    }

    /**
     * A name that needs quotes is dumped in double quotes, the form RENAME stores, whatever quotes the migration used:
     * a rename and its exact reverse then dump what the migration did.
     */
    @Test
    void namesNeedingQuotesAreWrittenInDoubleQuotesSoARenameBackDumpsTheSame() throws SQLException {
        try (TestDatabase source = TestDatabase.create("sqlite"); TestDatabase copy = TestDatabase.create("sqlite")) {
            source.execute("""
                    CREATE TABLE [a,b] ([x,y] INTEGER PRIMARY KEY, v TEXT);
                    CREATE TABLE `c d` (id INTEGER PRIMARY KEY, ab INTEGER REFERENCES [a,b] ([x,y]));
                    CREATE INDEX [i,j] ON [a,b] (v);
                    CREATE VIEW [v,w] AS SELECT [a,b].[x,y], '[a,b]' AS s FROM [a,b] JOIN `c d` ON `c d`.ab = [a,b].[x,y];
                    CREATE TRIGGER [t,u] AFTER INSERT ON [a,b] BEGIN INSERT INTO `c d` (ab) VALUES (NEW.[x,y]); END;
                    """);
            String dump = dump(source);
            assertThat(dump).contains("CREATE TABLE \"a,b\" ([x,y] INTEGER PRIMARY KEY, v TEXT);",
                    "CREATE TABLE \"c d\" (id INTEGER PRIMARY KEY, ab INTEGER REFERENCES \"a,b\" ([x,y]));",
                    "CREATE INDEX \"i,j\" ON \"a,b\" (v);",
                    "CREATE VIEW \"v,w\" AS SELECT \"a,b\".[x,y], '[a,b]' AS s FROM \"a,b\" JOIN \"c d\" ON \"c d\".ab = "
                            + "\"a,b\".[x,y];",
                    "CREATE TRIGGER \"t,u\" AFTER INSERT ON \"a,b\" BEGIN INSERT INTO \"c d\" (ab) VALUES (NEW.[x,y]); END;");
            source.execute("ALTER TABLE [a,b] RENAME TO [e,f]; ALTER TABLE [e,f] RENAME TO [a,b];");
            assertThat(dump(source)).isEqualTo(dump);
            copy.execute(dump);
            assertThat(dump(copy)).isEqualTo(dump);
        }
    }

    @Test
    void creationOrderDoesNotChangeTheDump() throws SQLException {
        try (TestDatabase a = TestDatabase.create("sqlite"); TestDatabase b = TestDatabase.create("sqlite")) {
            a.execute(TABLES + OTHERS);
            b.execute("""
                    CREATE TABLE measures (id INTEGER PRIMARY KEY, value REAL NOT NULL) STRICT;
                    CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID;
                    CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, created_at TEXT DEFAULT CURRENT_TIMESTAMP);
                    CREATE TABLE orders (id INTEGER PRIMARY KEY AUTOINCREMENT, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, total REAL CHECK (total >= 0));
                    CREATE TABLE scratch (x);
                    DROP TABLE scratch;
                    """ + OTHERS);
            assertThat(dump(b)).isEqualTo(dump(a));
        }
    }

    @Test
    void failingStatementRollsBackTheWholeSection() throws SQLException {
        try (TestDatabase db = TestDatabase.create("sqlite"); Connection c = db.connect()) {
            SqliteEngine engine = new SqliteEngine();
            engine.migrationTable().ensure(c);
            Migration bad = migration("migrations/002_bad.sql", """
                    -- migrate:up
                    CREATE TABLE good (id INTEGER);
                    INSERT INTO missing VALUES (1);
                    -- migrate:down
                    DROP TABLE good;
                    """);
            assertThatThrownBy(() -> new MigrationRunner(engine, engine.migrationTable(), c).up(bad))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("migrations/002_bad.sql:3: up section failed")
                    .hasMessageContaining("INSERT INTO missing VALUES (1)")
                    .hasMessageContaining("rolled back");
            assertThat(engine.migrationTable().appliedVersions(c)).isEmpty();
            assertThat(engine.dumpSchema(c)).isEmpty();
        }
    }

    @Test
    void bracketQuotedKeywordsDoNotJoinStatements() throws SQLException {
        try (TestDatabase db = TestDatabase.create("sqlite"); Connection c = db.connect()) {
            SqliteEngine engine = new SqliteEngine();
            engine.migrationTable().ensure(c);
            new MigrationRunner(engine, engine.migrationTable(), c).up(migration("migrations/001_ev.sql", """
                    -- migrate:up
                    CREATE TABLE ev (id INT, [case] TEXT, [begin] INT, [end] INT);
                    CREATE VIEW v AS SELECT 1 AS [case];
                    CREATE TABLE t2 (id INT);
                    CREATE TRIGGER ev_ins AFTER INSERT ON ev BEGIN
                      UPDATE ev SET [end] = CASE WHEN NEW.[begin] > 1 THEN 2 ELSE 3 END WHERE id = NEW.id;
                      INSERT INTO t2 VALUES (NEW.begin);
                    END;
                    INSERT INTO ev (id, [begin]) VALUES (1, 5);
                    -- migrate:down
                    DROP TABLE t2;
                    """));
            assertThat(TestDatabase.firstValue(c, "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master "
                    + "WHERE name IN ('ev', 'v', 't2') ORDER BY name)")).isEqualTo("ev,t2,v");
            assertThat(TestDatabase.firstValue(c, "SELECT [end] || ',' || (SELECT id FROM t2) FROM ev"))
                    .isEqualTo("2,5");
        }
    }

    private static Migration migration(String file, String text) {
        String version = file.substring(file.indexOf('/') + 1, file.indexOf('_'));
        return new Migration(file, version, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Like PostgreSQL's position and MySQL's "at line N": the line SQLite's message points at, SQLite's words only. */
    @Test
    void aFailedStatementIsReportedAtTheLineSqliteNames() throws SQLException {
        assertThat(upFailure("migrations/003_users.sql", """
                -- migrate:up
                CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);
                INSERT INTO users (id, email) VALUES (1, 'a@example.com');
                INSERT INTO users (id, email)
                VALUES
                  (2, 'b@example.com'),
                  (3 'c@example.com');
                -- migrate:down
                DROP TABLE users;
                """)).satisfies(e -> assertThat(e.line()).isEqualTo(7))
                .hasMessageStartingWith("migrations/003_users.sql:7: up section failed: near \"'c@example.com'\": "
                        + "syntax error. Statement: 'INSERT INTO users (id, email) VALUES (2, 'b@example.com'), "
                        + "(3 'c@example.com')'.")
                .hasMessageNotContaining("SQLITE_ERROR");

        assertThat(upFailure("migrations/004_index.sql", """
                -- migrate:up
                CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
                CREATE INDEX notes_body
                  ON notes (
                    missing_column
                  );
                -- migrate:down
                DROP TABLE notes;
                """)).satisfies(e -> assertThat(e.line()).isEqualTo(5))
                .hasMessageStartingWith("migrations/004_index.sql:5: up section failed: no such column: "
                        + "missing_column. Statement: 'CREATE INDEX notes_body ON notes ( missing_column )'.");

        // A token that occurs more than once could be either: the statement's first line, never a wrong one.
        assertThat(upFailure("migrations/005_twice.sql", """
                -- migrate:up
                CREATE TABLE t (
                  a INTEGER,
                  b INTEGER,,
                  c INTEGER
                );
                -- migrate:down
                DROP TABLE t;
                """)).satisfies(e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("near \",\": syntax error");
    }

    /** dbmate and the sqlite3 CLI run statements over the driver's default limit of 1,000,000 bytes: so does Matey. */
    @Test
    void aStatementOverAMillionBytesRuns() throws SQLException {
        try (TestDatabase db = TestDatabase.create("sqlite"); Connection c = db.connect()) {
            SqliteEngine engine = new SqliteEngine();
            engine.migrationTable().ensure(c);
            new MigrationRunner(engine, engine.migrationTable(), c).up(migration("migrations/006_long.sql",
                    "-- migrate:up\nCREATE TABLE h (s TEXT);\nINSERT INTO h VALUES ('" + "y".repeat(1_100_000)
                            + "');\n-- migrate:down\nDROP TABLE h;\n"));
            assertThat(TestDatabase.firstValue(c, "SELECT length(s) FROM h")).isEqualTo("1100000");
        }
    }

    /** A statement over the limit (here a connection's lowered one) is told the limit and what to do. */
    @Test
    void aStatementTooLongIsToldToBeSplit() throws SQLException {
        Properties lowered = new Properties();
        lowered.setProperty("limit_sql_length", "100");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:", lowered);
                Statement statement = c.createStatement()) {
            SQLException failure = catchThrowableOfType(SQLException.class,
                    () -> statement.execute("SELECT '" + "y".repeat(200) + "'"));
            assertThat(new SqliteEngine().failureMessage(failure)).isEqualTo("statement too long (over SQLite's limit of "
                    + "1,073,741,824 bytes a statement): split it into several statements, e.g. an INSERT per batch of rows");
        }
    }

    /** The failure of the up section of {@code text}, run on a fresh database. */
    private static MigrationFailedException upFailure(String file, String text) throws SQLException {
        try (TestDatabase db = TestDatabase.create("sqlite"); Connection c = db.connect()) {
            SqliteEngine engine = new SqliteEngine();
            engine.migrationTable().ensure(c);
            return catchThrowableOfType(MigrationFailedException.class,
                    () -> new MigrationRunner(engine, engine.migrationTable(), c).up(migration(file, text)));
        }
    }

    @Test
    void migrationsBlockRecordsVersionsAndLoadsBack() throws SQLException {
        try (TestDatabase db = TestDatabase.create("sqlite"); TestDatabase copy = TestDatabase.create("sqlite")) {
            SqliteEngine engine = new SqliteEngine();
            try (Connection c = db.connect()) {
                engine.migrationTable().ensure(c);
                engine.migrationTable().record(c, "002");
                engine.migrationTable().record(c, "001");
            }
            db.execute("CREATE TABLE t (x INTEGER);");
            String dump = dump(db);
            assertThat(dump).endsWith("INSERT INTO \"schema_migrations\" (version) VALUES\n  ('001'),\n  ('002');\n");
            copy.execute(dump);
            try (Connection c = copy.connect()) {
                assertThat(engine.migrationTable().appliedVersions(c)).containsExactly("001", "002");
            }
            assertThat(dump(copy)).isEqualTo(dump);
        }
    }

    private static String dump(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return SchemaDump.dump(db.engine(), c);
        }
    }
}
