package io.matey.schema;

import static io.matey.schema.DriftDraftEnginesTest.draftDialect;
import static io.matey.schema.DriftDraftEnginesTest.dump;
import static io.matey.schema.DriftDraftEnginesTest.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drafts of SQLite tables changed by hand that keep their rows: the up section, run on a database at the committed
 * schema with rows in it, gives the live schema and every value, and the down section gives both back
 * (docs/architecture.md §7).
 */
class SqliteRebuildDraftTest {

    /**
     * Columns named by the words SQLite takes unquoted as a column's name, some of which start a constraint or key
     * elsewhere (key, like, exclude, period, fulltext, spatial, projection): a rebuild copies every one.
     */
    @Test
    void columnsNamedLikeKeywordsAreCopiedByARebuild() throws SQLException {
        String draft = kept("""
                CREATE TABLE settings (key TEXT PRIMARY KEY, action TEXT, match TEXT, no INTEGER, abort TEXT,
                    replace TEXT, like TEXT, glob TEXT, exclude TEXT, period TEXT, fulltext TEXT, spatial TEXT,
                    projection TEXT, generated TEXT, [index] TEXT, "check" TEXT, val TEXT) WITHOUT ROWID;
                CREATE TABLE kv (key NOT NULL UNIQUE, val TEXT);
                INSERT INTO settings VALUES ('theme', 'a', 'm', 1, 'ab', 'r', 'l', 'g', 'e', 'p', 'f', 's', 'pr', 'ge',
                    'i', 'c', 'dark');
                INSERT INTO kv VALUES ('a', 'b'), ('c', NULL);
                """, """
                CREATE TABLE s2 (key TEXT PRIMARY KEY, action TEXT, match TEXT, no INTEGER, abort TEXT,
                    replace TEXT, like TEXT, glob TEXT, exclude TEXT, period TEXT, fulltext TEXT, spatial TEXT,
                    projection TEXT, generated TEXT, [index] TEXT, "check" TEXT, val TEXT NOT NULL DEFAULT '')
                    WITHOUT ROWID;
                INSERT INTO s2 SELECT * FROM settings; DROP TABLE settings; ALTER TABLE s2 RENAME TO settings;
                CREATE TABLE k2 (key NOT NULL UNIQUE, val TEXT CHECK (val <> 'x'));
                INSERT INTO k2 SELECT * FROM kv; DROP TABLE kv; ALTER TABLE k2 RENAME TO kv;
                """, "settings", "kv");
        assertThat(draft).contains("INSERT INTO settings_new (key, action, match, no, abort, replace, like, glob, "
                + "exclude, period, fulltext, spatial, projection, generated, [index], \"check\", val)",
                "INSERT INTO kv_new (key, val)");
    }

    /**
     * A column renamed by hand whose CHECKs name it (SQLite rewrites them): drafted as the rename, not as a rebuild
     * that would not copy it.
     */
    @Test
    void aRenamedColumnThatItsChecksNameIsRenamed() throws SQLException {
        String draft = kept(PLACED, "ALTER TABLE t RENAME COLUMN placed_on TO placed_date;\n", "t");
        assertThat(draft).contains("-- matey: looks like a rename of column placed_on of t to placed_date",
                "ALTER TABLE t RENAME COLUMN placed_on TO placed_date;",
                "ALTER TABLE t RENAME COLUMN placed_date TO placed_on;").doesNotContain("CREATE TABLE", "INSERT");
    }

    /** The rename, then a change that rebuilds the table: the rebuild copies the renamed column. */
    @Test
    void aRenamedColumnInARebuiltTableIsCopied() throws SQLException {
        String draft = kept(PLACED, """
                ALTER TABLE t RENAME COLUMN placed_on TO placed_date;
                CREATE TABLE t2 (id INTEGER PRIMARY KEY, placed_date TEXT NOT NULL CHECK (placed_date >= '2025'),
                    amt INTEGER UNIQUE, CHECK (placed_date < '2100'));
                INSERT INTO t2 SELECT * FROM t; DROP TABLE t; ALTER TABLE t2 RENAME TO t;
                CREATE INDEX t_placed ON t (placed_date);
                """, "t");
        assertThat(draft).contains("RENAME COLUMN placed_on TO placed_date;",
                "INSERT INTO t_new (id, placed_date, amt)\n    SELECT id, placed_date, amt FROM t;")
                .doesNotContain("is not the live table's last");
    }

    /**
     * A column renamed and changed besides is not taken for a rename: the rebuild says it drops the one and adds the
     * other, and fails, rather than lose a value, when a row has one in the dropped column.
     */
    @Test
    void aRebuildThatWouldLoseAColumnsValuesFails() throws SQLException {
        try (TestDatabase live = TestDatabase.create("sqlite"); TestDatabase db = TestDatabase.create("sqlite")) {
            live.execute(PLACED);
            live.execute("""
                    CREATE TABLE t2 (id INTEGER PRIMARY KEY, placed_date TEXT CHECK (placed_date >= '2025'),
                        amt INTEGER, CHECK (placed_date < '2100'));
                    INSERT INTO t2 SELECT * FROM t; DROP TABLE t; ALTER TABLE t2 RENAME TO t;
                    """);
            db.execute(PLACED);
            String draft = DriftDraft.of(dump(live), dump(db), draftDialect(live));
            assertThat(section(draft, "up")).contains("(constraints or keys; adds column placed_date; drops column "
                    + "placed_on and its values).\n", "-- matey: this rebuild drops t's column placed_on, and its "
                    + "values, and adds placed_date without values.\n-- If a column was renamed (and changed), copy it:");
            assertThatThrownBy(() -> db.execute(section(draft, "up"))).hasMessageContaining(
                    "CHECK constraint failed: t has values in placed_on, which this rebuild does not copy");
            assertThat(rows(db, "t")).containsExactly("1|2025-05-05|7", "2|2026-01-01|null");
        }
    }

    private static final String PLACED = """
            CREATE TABLE t (id INTEGER PRIMARY KEY, placed_on TEXT NOT NULL CHECK (placed_on >= '2025'), amt INTEGER,
                CHECK (placed_on < '2100'));
            CREATE INDEX t_placed ON t (placed_on);
            INSERT INTO t VALUES (1, '2025-05-05', 7), (2, '2026-01-01', NULL);
            """;

    /**
     * The draft of {@code outOfBand}, after checking that its up section turns a database at the committed schema
     * into the live one and keeps every value of {@code tables}, and that its down section turns it back.
     */
    private static String kept(String committedSql, String outOfBand, String... tables) throws SQLException {
        try (TestDatabase live = TestDatabase.create("sqlite"); TestDatabase db = TestDatabase.create("sqlite")) {
            live.execute(committedSql);
            live.execute(outOfBand);
            db.execute(committedSql);
            String committed = dump(db);
            String drifted = dump(live);
            List<List<String>> values = new ArrayList<>();
            for (String table : tables) {
                values.add(rows(live, table));
            }
            String draft = DriftDraft.of(drifted, committed, draftDialect(live));
            assertThat(draft).doesNotContain("Not drafted", "Changed out of band", "-- Undo", "may have been",
                    "matey_uncopied_values");
            db.execute(section(draft, "up"));
            assertThat(dump(db)).isEqualTo(drifted);
            for (int i = 0; i < tables.length; i++) {
                assertThat(rows(db, tables[i])).isEqualTo(values.get(i));
            }
            db.execute(section(draft, "down"));
            assertThat(dump(db)).isEqualTo(committed);
            for (int i = 0; i < tables.length; i++) {
                assertThat(rows(db, tables[i])).isEqualTo(values.get(i));
            }
            return draft;
        }
    }

    /** Each row of {@code table}, its values joined by {@code |}, in the first column's order. */
    private static List<String> rows(TestDatabase db, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
