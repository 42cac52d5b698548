package io.matey.schema;

import static io.matey.schema.DriftDraftEnginesTest.draftDialect;
import static io.matey.schema.DriftDraftEnginesTest.dump;
import static io.matey.schema.DriftDraftEnginesTest.section;
import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.EngineMatrix;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tables and columns renamed by hand, drafted as renames on each engine: the up section turns a database at the
 * committed schema, rows and all, into the live one, and the down section turns it back, dump for dump.
 */
class RenameDraftEnginesTest {

    private static final String COMMITTED = """
            CREATE TABLE t_c (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL DEFAULT 'x', qty NUMERIC(10,3) NOT NULL);
            CREATE INDEX t_c_name ON t_c (name);
            CREATE INDEX t_c_qty ON t_c (qty);
            CREATE TABLE t_other (id INTEGER PRIMARY KEY, t_c INTEGER);
            INSERT INTO t_c (id, name, qty) VALUES (1, 'a', 1.5), (2, 'b', 2);
            """;

    /** The rename keeps the rows and the index (whose name still says t_c), where a drop and a create lose both. */
    @ParameterizedTest
    @EngineMatrix
    void aRenamedTableIsRenamed(String engine) throws SQLException {
        String draft = renamed(engine, "ALTER TABLE t_c RENAME TO t_gamma;\n", "t_gamma");
        assertThat(draft).contains("-- matey: looks like a rename of ", " (same columns); check before committing\n",
                "RENAME TO ").doesNotContain("DROP TABLE", "CREATE TABLE");
    }

    @ParameterizedTest
    @EngineMatrix
    void aRenamedColumnIsRenamed(String engine) throws SQLException {
        String draft = renamed(engine, "ALTER TABLE t_c RENAME COLUMN qty TO quantity;\n", "t_c");
        assertThat(draft).contains("-- matey: looks like a rename of column ", " (same definition); check before "
                + "committing\n", " RENAME COLUMN ").doesNotContain("ADD COLUMN", "DROP COLUMN");
    }

    /** The table renamed by hand and then one of its columns: both renames, the index following both. */
    @ParameterizedTest
    @EngineMatrix
    void aRenamedTableWithARenamedColumnIsRenamedTwice(String engine) throws SQLException {
        String draft = renamed(engine, "ALTER TABLE t_c RENAME TO t_gamma;\n"
                + "ALTER TABLE t_gamma RENAME COLUMN qty TO quantity;\n", "t_gamma");
        assertThat(draft).contains("-- matey: looks like a rename of ", " (same columns but ", "'s name); check before "
                + "committing\n", "-- matey: looks like a rename of column ", " (same definition); check before "
                + "committing\n", " RENAME TO ", " RENAME COLUMN ").doesNotContain("DROP TABLE", "CREATE TABLE");
    }

    /** The table renamed, one of its columns, or both. */
    static List<String> renamesOnPostgres() {
        return List.of("ALTER TABLE t_c RENAME TO t_gamma;\n", "ALTER TABLE t_c RENAME COLUMN qty TO quantity;\n",
                "ALTER TABLE t_c RENAME TO t_gamma;\nALTER TABLE t_gamma RENAME COLUMN qty TO quantity;\n");
    }

    /** The draft of {@code change} over the committed tables and {@code views}. */
    private static String renamedOnPostgres(String views, String change) throws SQLException {
        return renamed("postgres", COMMITTED + views, change, change.contains("t_gamma") ? "t_gamma" : "t_c");
    }

    /**
     * PostgreSQL keeps a view reading a renamed table or column, printed by the new names (a column with {@code AS} its
     * old one): the draft replaces the view by its live text after the renames, and by the committed one after the
     * renames back.
     */
    @ParameterizedTest
    @MethodSource("renamesOnPostgres")
    void viewsReadingARenamedTableOrColumnOnPostgres(String change) throws SQLException {
        String draft = renamedOnPostgres(VIEWS, change);
        assertThat(draft).contains("-- matey: public.v reads what was renamed, which the server follows: replaced by "
                + "its live text; check before committing\nCREATE OR REPLACE VIEW public.v AS\n")
                .doesNotContain("CREATE OR REPLACE VIEW public.vv");
        // w names the table by an alias, which the rename of the table leaves as it was.
        assertThat(draft.contains("CREATE OR REPLACE VIEW public.w AS\n")).isEqualTo(change.contains("COLUMN"));
        assertThat(section(draft, "down")).contains("CREATE OR REPLACE VIEW public.v AS\n SELECT t_c.id,\n    "
                + "t_c.qty\n   FROM public.t_c;");
    }

    /**
     * A view reading a renamed column and given another column by hand: {@code CREATE OR REPLACE VIEW} cannot take
     * that column away again, so the draft drops the view (and vv, which reads it) and creates it again, its comment
     * and privilege too, in both sections.
     */
    @ParameterizedTest
    @MethodSource("renamesOnPostgres")
    void aViewReadingARenamedColumnWithAColumnAddedOnPostgres(String change) throws SQLException {
        String table = change.contains("t_gamma") ? "t_gamma" : "t_c";
        String draft = renamedOnPostgres(VIEWS + "COMMENT ON VIEW v IS 'ids';\nGRANT SELECT ON v TO PUBLIC;\n", change
                + "CREATE OR REPLACE VIEW v AS SELECT id, " + (change.contains("COLUMN") ? "quantity" : "qty")
                + " AS qty, name FROM " + table + ";\n");
        String drops = "-- matey: views reading what was renamed whose columns changed besides (or views reading such "
                + "a view), dropped and created again, as CREATE OR REPLACE VIEW keeps a view's columns; check before "
                + "committing\nDROP VIEW public.vv;\nDROP VIEW public.v;";
        assertThat(section(draft, "up")).startsWith(drops).contains("CREATE VIEW public.v AS\n",
                "COMMENT ON VIEW public.v IS 'ids';").doesNotContain("CREATE OR REPLACE VIEW public.v ");
        assertThat(section(draft, "down")).startsWith(drops).doesNotContain("CREATE OR REPLACE VIEW public.v ");
    }

    /**
     * A view changed by hand that reads another table's column of the renamed column's name is no reader of it: its
     * change is left to the author as without the rename, and the draft still round-trips.
     */
    @Test
    void aChangedViewReadingAnotherTablesColumnOfTheRenamedNameOnPostgres() throws SQLException {
        String committedSql = "CREATE TABLE a (id int PRIMARY KEY, name text, plan text);\n"
                + "CREATE TABLE rooms (id int, name text);\nCREATE VIEW v AS SELECT id, name FROM a;\n";
        String draft = renamed("postgres", committedSql, "CREATE OR REPLACE VIEW v AS SELECT id, name, plan FROM a;\n"
                + "ALTER TABLE rooms RENAME COLUMN name TO label;\n", null);
        assertThat(draft).contains("RENAME COLUMN name TO label;", "-- Changed out of band")
                .doesNotContain("reads what was renamed", "CREATE OR REPLACE VIEW");
    }

    /**
     * SQLite checks every view when a column is renamed, and refuses while one reads it through another view (vv reads
     * v's qty), so such a column is renamed with its views dropped and created again: the draft does the same around
     * its rename, which alone would fail, and around the rename back.
     */
    @ParameterizedTest
    @ValueSource(strings = "sqlite")
    void viewsOverViewsAroundAColumnRenamedOnSqlite(String engine) throws SQLException {
        String draft = renamed(engine, COMMITTED + VIEWS, """
                DROP VIEW vv;
                DROP VIEW v;
                ALTER TABLE t_c RENAME COLUMN qty TO quantity;
                CREATE VIEW v AS SELECT id, quantity FROM t_c;
                CREATE VIEW vv AS SELECT quantity FROM v;
                """, "t_c");
        String drops = "-- matey: views reading what was renamed (or such a view), dropped while the renames run, "
                + "which fail while a view would not resolve, and created again after them; check before committing\n"
                + "DROP VIEW ";
        assertThat(section(draft, "up")).startsWith(drops).contains("ALTER TABLE t_c RENAME COLUMN qty TO quantity;",
                "CREATE VIEW vv AS SELECT quantity FROM v;");
        assertThat(section(draft, "down")).startsWith(drops).contains("CREATE VIEW vv AS SELECT qty FROM v;");
    }

    /**
     * A column renamed by hand and its index changed besides (and another created on it): SQLite keeps the changed
     * index's committed text, over the old name, which the down section creates after the rename back, where before
     * it the column has no such name; PostgreSQL, which follows the rename into the index, creates it before.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aRenamedColumnsChangedIndex(String engine) throws SQLException {
        String draft = renamed(engine, "ALTER TABLE t_c RENAME COLUMN qty TO quantity;\nDROP INDEX t_c_qty;\n"
                + "CREATE INDEX t_c_qty ON t_c (quantity, name);\nCREATE INDEX t_c_quantity ON t_c (quantity DESC);\n",
                "t_c");
        assertThat(section(draft, "up")).containsSubsequence(" RENAME COLUMN qty TO quantity;", "DROP INDEX ",
                "CREATE INDEX t_c_qty ");
        String down = section(draft, "down");
        assertThat(down.indexOf(" RENAME COLUMN quantity TO qty;") < down.indexOf("CREATE INDEX t_c_qty "))
                .isEqualTo(engine.equals("sqlite"));
    }

    /**
     * PostgreSQL follows a rename into a materialized view too, which has no {@code CREATE OR REPLACE}: the renames
     * alone give its live text (its rows and index kept), and the renames back its committed one.
     */
    @ParameterizedTest
    @MethodSource("renamesOnPostgres")
    void materializedViewsReadingARenamedTableOrColumnOnPostgres(String change) throws SQLException {
        String draft = renamedOnPostgres(MATERIALIZED_VIEWS, change);
        assertThat(draft).contains("-- matey: public.m reads what was renamed, which the server follows: the renames "
                + "give its live text; check before committing").doesNotContain("MATERIALIZED VIEW public.mm");
        assertThat(draft.contains("-- matey: public.w2 reads")).isEqualTo(change.contains("COLUMN"));
    }

    /** Materialized views by name with an index, through an alias with a sum, and over another one. */
    private static final String MATERIALIZED_VIEWS = """
            CREATE MATERIALIZED VIEW m AS SELECT id, qty FROM t_c;
            CREATE UNIQUE INDEX m_id ON m (id);
            CREATE MATERIALIZED VIEW w2 AS SELECT c.id, sum(c.qty) AS qty FROM t_c c WHERE c.qty > 0 GROUP BY c.id;
            CREATE MATERIALIZED VIEW mm AS SELECT qty FROM m;
            """;

    /**
     * MariaDB keeps a view's text as written, so a rename by hand leaves the views reading the old name until they are
     * written again over the new one: the draft renames first and then writes the views' live text, and the down
     * section renames back before writing the committed text.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void viewsWrittenAgainOverARenamedColumnOnMariaDb(String engine) throws SQLException {
        String draft = renamed(engine, COMMITTED + VIEWS, "ALTER TABLE t_c RENAME COLUMN qty TO quantity;\n"
                + "CREATE OR REPLACE VIEW v AS SELECT id, quantity AS qty FROM t_c;\n"
                + "CREATE OR REPLACE VIEW w AS SELECT c.id, c.quantity * 2 AS q2 FROM t_c c WHERE c.quantity > 0;\n",
                "t_c");
        assertThat(draft).contains("-- matey: looks like a rename of column ", " RENAME COLUMN ", "-- matey: `v` reads "
                + "what was renamed, and was written again over the new name: replaced by its live text; check before "
                + "committing\nCREATE OR REPLACE VIEW `v` AS ", "CREATE OR REPLACE VIEW `w` AS ")
                .doesNotContain("VIEW `vv`");
        assertThat(section(draft, "up").indexOf(" RENAME COLUMN ")).isLessThan(section(draft, "up").indexOf(" VIEW "));
        assertThat(section(draft, "down").indexOf(" RENAME COLUMN ")).isLessThan(section(draft, "down")
                .indexOf(" VIEW "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void viewsWrittenAgainOverARenamedTableOnMariaDb(String engine) throws SQLException {
        String draft = renamed(engine, COMMITTED + VIEWS, "RENAME TABLE t_c TO t_gamma;\n"
                + "CREATE OR REPLACE VIEW v AS SELECT id, qty FROM t_gamma;\n"
                + "CREATE OR REPLACE VIEW w AS SELECT c.id, c.qty * 2 AS q2 FROM t_gamma c WHERE c.qty > 0;\n",
                "t_gamma");
        assertThat(draft).contains("-- matey: looks like a rename of ", " RENAME TO ", "CREATE OR REPLACE VIEW `v` AS ",
                "CREATE OR REPLACE VIEW `w` AS ").doesNotContain("CREATE TABLE", "VIEW `vv`");
    }

    /** Views by name, through an alias, and over another view (whose text stays). */
    private static final String VIEWS = """
            CREATE VIEW v AS SELECT id, qty FROM t_c;
            CREATE VIEW w AS SELECT c.id, c.qty * 2 AS q2 FROM t_c c WHERE c.qty > 0;
            CREATE VIEW vv AS SELECT qty FROM v;
            """;

    /**
     * The user's repro on PostgreSQL: a table in another schema, with its primary key, a check, a foreign key to it
     * and comments; PostgreSQL keeps the constraint names, which a created table would clash with.
     */
    @ParameterizedTest
    @ValueSource(strings = "postgres")
    void aRenamedTableInAnotherSchemaKeepsItsConstraintsOnPostgres(String engine) throws SQLException {
        String draft = renamed(engine, INVOICES, "ALTER TABLE app.invoices RENAME TO bills;\n", "app.bills");
        assertThat(draft).isEqualTo("""
                -- migrate:up
                -- matey: looks like a rename of app.invoices to app.bills (same columns); check before committing
                ALTER TABLE app.invoices RENAME TO bills;

                -- migrate:down
                ALTER TABLE app.bills RENAME TO invoices;
                """);
    }

    /** The check and the comment naming the column follow it, as PostgreSQL renames them. */
    @ParameterizedTest
    @ValueSource(strings = "postgres")
    void aRenamedColumnNamedByACheckAndACommentOnPostgres(String engine) throws SQLException {
        String draft = renamed(engine, INVOICES, "ALTER TABLE app.invoices RENAME COLUMN qty TO quantity;\n",
                "app.invoices");
        assertThat(draft).isEqualTo("""
                -- migrate:up
                -- matey: looks like a rename of column qty of app.invoices to quantity (same definition); check \
                before committing
                ALTER TABLE app.invoices RENAME COLUMN qty TO quantity;

                -- migrate:down
                ALTER TABLE app.invoices RENAME COLUMN quantity TO qty;
                """);
    }

    /**
     * A table moved to another schema by hand, with its rows, owned sequence, key, index, comments and a foreign key
     * to it, all of which move with it: moved back and forth, where a drop and a create would lose the rows.
     */
    @ParameterizedTest
    @ValueSource(strings = "postgres")
    void aTableMovedToAnotherSchemaIsMovedOnPostgres(String engine) throws SQLException {
        String draft = renamed(engine, INVOICES + "CREATE SCHEMA archive;\n",
                "ALTER TABLE app.invoices SET SCHEMA archive;\n", "archive.invoices");
        assertThat(draft).contains("-- matey: looks like a move of app.invoices to schema archive (same columns); "
                + "check before committing\nALTER TABLE app.invoices SET SCHEMA archive;",
                "ALTER TABLE archive.invoices SET SCHEMA app;").doesNotContain("DROP TABLE", "CREATE TABLE");
    }

    /** A partitioned table, its partition's check naming the key column, and foreign keys referencing that column. */
    private static final String PARTITIONED = """
            CREATE TABLE t (id int, placed_on date NOT NULL, PRIMARY KEY (id, placed_on)) PARTITION BY RANGE (placed_on);
            CREATE TABLE t_2025 (id int NOT NULL, placed_on date NOT NULL,
                CONSTRAINT t_2025_range CHECK (placed_on >= '2025-01-01' AND placed_on < '2026-01-01'));
            ALTER TABLE t ATTACH PARTITION t_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
            CREATE INDEX t_placed ON t (placed_on);
            CREATE TABLE refs (id int PRIMARY KEY, t_id int, t_on date,
                CONSTRAINT refs_t_fk FOREIGN KEY (t_id, t_on) REFERENCES t (id, placed_on));
            CREATE TABLE t_children (id int, placed_on date, parent int, FOREIGN KEY (parent, placed_on) REFERENCES t)
                PARTITION BY RANGE (placed_on);
            INSERT INTO t VALUES (1, '2025-02-01'), (2, '2025-03-01');
            INSERT INTO refs VALUES (1, 1, '2025-02-01');
            """;
    private static final String RENAMED_KEY = "ALTER TABLE t RENAME COLUMN placed_on TO placed_date;\n";

    /**
     * A partitioned table's partition key column renamed by hand: PostgreSQL renames it in the key and in the
     * partitions, and in a partition's check, and in the foreign keys referencing it (one from a partitioned table),
     * so the draft is the one rename, as on a plain table.
     */
    @Test
    void aRenamedPartitionKeyColumnOnPostgres() throws SQLException {
        String draft = renamed("postgres", PARTITIONED, RENAMED_KEY, "t");
        assertThat(draft).isEqualTo("""
                -- migrate:up
                -- matey: looks like a rename of column placed_on of public.t to placed_date (same definition); check \
                before committing
                ALTER TABLE public.t RENAME COLUMN placed_on TO placed_date;

                -- migrate:down
                ALTER TABLE public.t RENAME COLUMN placed_date TO placed_on;
                """);
    }

    /**
     * A foreign key referencing the renamed partition key column and also changed by hand is dropped and added with its
     * live text in up and, before the rename back, with its committed text as the rename leaves it in down.
     */
    @Test
    void aChangedForeignKeyReferencingARenamedPartitionKeyColumnOnPostgres() throws SQLException {
        String draft = renamed("postgres", PARTITIONED, RENAMED_KEY + "ALTER TABLE refs DROP CONSTRAINT refs_t_fk;\n"
                + "ALTER TABLE refs ADD CONSTRAINT refs_t_fk FOREIGN KEY (t_id, t_on) REFERENCES t (id, placed_date) "
                + "ON DELETE CASCADE;\n", "t");
        assertThat(section(draft, "down")).startsWith("""
                ALTER TABLE public.refs DROP CONSTRAINT refs_t_fk;

                ALTER TABLE public.refs ADD CONSTRAINT refs_t_fk FOREIGN KEY (t_id, t_on) REFERENCES \
                public.t(id, placed_date);

                ALTER TABLE public.t RENAME COLUMN placed_date TO placed_on;
                """).doesNotContain("t_children");
    }

    /**
     * Columns of a view renamed by hand (one named by a comment, one to a name that needs quotes) are renamed, where
     * the view's query is otherwise the same; the view reading it, which the server follows, is replaced by its live
     * text after the renames and by its committed text after the renames back.
     */
    @Test
    void aViewsRenamedColumnsOnPostgres() throws SQLException {
        String draft = renamed("postgres", COMMITTED + VIEWS + "CREATE VIEW l AS SELECT id, name AS label, qty * 2 "
                + "AS dbl FROM t_c;\nCOMMENT ON COLUMN l.label IS 'label';\nCREATE VIEW ll AS SELECT label FROM l;\n",
                "ALTER VIEW l RENAME COLUMN label TO title;\nALTER VIEW l RENAME COLUMN dbl TO \"Double\";\n"
                        + "ALTER VIEW v RENAME COLUMN qty TO quantity;\n", "t_c");
        assertThat(section(draft, "up")).containsSubsequence("-- matey: looks like a rename of column label of view "
                + "public.l to title (same query); check before committing\nALTER VIEW public.l RENAME COLUMN label "
                + "TO title;", "ALTER VIEW public.l RENAME COLUMN dbl TO \"Double\";",
                "ALTER VIEW public.v RENAME COLUMN qty TO quantity;", "CREATE OR REPLACE VIEW public.ll AS\n",
                "CREATE OR REPLACE VIEW public.vv AS\n").doesNotContain("CREATE VIEW", "DROP VIEW");
        assertThat(section(draft, "down")).contains("ALTER VIEW public.l RENAME COLUMN title TO label;",
                "CREATE OR REPLACE VIEW public.ll AS\n SELECT l.label\n   FROM public.l;");
    }

    /**
     * Columns of a view renamed by hand where their items span several lines (a {@code CASE}, a scalar subquery, whose
     * own {@code AS count} stays): the server prints the new name after the item's last line, which is renamed too.
     */
    @Test
    void aViewsRenamedColumnsOfSeveralLinesOnPostgres() throws SQLException {
        String draft = renamed("postgres", COMMITTED + """
                CREATE VIEW sizes AS
                  SELECT id,
                         CASE WHEN qty > 10 THEN 'big'
                              WHEN qty > 0 THEN 'small'
                              ELSE 'none' END AS size,
                         (SELECT count(*) FROM t_other o WHERE o.t_c = t_c.id) AS refs,
                         name
                  FROM t_c;
                CREATE VIEW big AS SELECT id FROM sizes WHERE size = 'big';
                """, "ALTER VIEW sizes RENAME COLUMN size TO bucket;\nALTER VIEW sizes RENAME COLUMN refs TO n;\n",
                "t_c");
        assertThat(section(draft, "up")).containsSubsequence("ALTER VIEW public.sizes RENAME COLUMN size TO bucket;",
                "ALTER VIEW public.sizes RENAME COLUMN refs TO n;", "CREATE OR REPLACE VIEW public.big AS\n")
                .doesNotContain("CREATE VIEW", "DROP VIEW");
        assertThat(section(draft, "down")).contains("ALTER VIEW public.sizes RENAME COLUMN bucket TO size;",
                "ALTER VIEW public.sizes RENAME COLUMN n TO refs;");
    }

    /**
     * A view, sequence, function, procedure, enum, composite type and domain moved to another schema by hand (a
     * function over a moved type too): each is moved back and forth, and what names them (the table's columns and
     * default, a view, a comment, a grant) follows, where a drop and a create would fail or lose the sequence's value.
     */
    @Test
    void viewsSequencesRoutinesAndTypesMovedToAnotherSchemaOnPostgres() throws SQLException {
        String draft = renamed("postgres", """
                CREATE SCHEMA app;
                CREATE SCHEMA archive;
                CREATE TYPE app.mood AS ENUM ('sad', 'ok');
                CREATE TYPE app.pair AS (a int, b text);
                CREATE DOMAIN app.pos AS int CHECK (VALUE > 0);
                CREATE SEQUENCE app.counter START 5;
                CREATE TABLE app.t (id int DEFAULT nextval('app.counter'), m app.mood, p app.pos, q app.pair);
                INSERT INTO app.t (m, p) VALUES ('ok', 1), ('sad', 2);
                CREATE VIEW app.v AS SELECT id, m FROM app.t;
                CREATE VIEW app.vv AS SELECT id FROM app.v;
                CREATE FUNCTION app.g(int) RETURNS int LANGUAGE sql AS $$ SELECT $1 $$;
                CREATE FUNCTION app.h(x app.mood) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
                CREATE PROCEDURE app.p() LANGUAGE sql AS $$ SELECT 1 $$;
                COMMENT ON VIEW app.v IS 'v';
                COMMENT ON FUNCTION app.g(int) IS 'g';
                GRANT SELECT ON app.v TO PUBLIC;
                """, """
                ALTER VIEW app.v SET SCHEMA archive;
                ALTER SEQUENCE app.counter SET SCHEMA archive;
                ALTER FUNCTION app.g(int) SET SCHEMA archive;
                ALTER FUNCTION app.h(app.mood) SET SCHEMA archive;
                ALTER PROCEDURE app.p() SET SCHEMA archive;
                ALTER TYPE app.mood SET SCHEMA archive;
                ALTER TYPE app.pair SET SCHEMA archive;
                ALTER DOMAIN app.pos SET SCHEMA archive;
                """, "app.t");
        assertThat(section(draft, "up")).contains("-- matey: looks like a move of app.v to schema archive (same "
                + "definition); check before committing\nALTER VIEW app.v SET SCHEMA archive;",
                "ALTER SEQUENCE app.counter SET SCHEMA archive;", "ALTER FUNCTION app.g(integer) SET SCHEMA archive;",
                "ALTER FUNCTION app.h(x archive.mood) SET SCHEMA archive;", "ALTER PROCEDURE app.p() SET SCHEMA archive;",
                "ALTER TYPE app.mood SET SCHEMA archive;", "ALTER TYPE app.pair SET SCHEMA archive;",
                "ALTER DOMAIN app.pos SET SCHEMA archive;").doesNotContain("CREATE", "DROP");
        assertThat(section(draft, "down")).contains("ALTER VIEW archive.v SET SCHEMA app;",
                "ALTER TYPE archive.mood SET SCHEMA app;", "ALTER FUNCTION archive.h(x archive.mood) SET SCHEMA app;");
    }

    /**
     * A type moved and a table renamed by hand: the server follows them into a routine's result and a
     * {@code BEGIN ATOMIC} body but not into a body in quotes, which keeps the old name (kept) or was replaced by hand
     * over the new one (fixed, total). Those replaced get their live text after the move and rename, and their
     * committed text, which PostgreSQL checks against the names, only after the move and rename back.
     */
    @Test
    void routinesNamingAMovedTypeOrARenamedTableOnPostgres() throws SQLException {
        String draft = renamed("postgres", """
                CREATE SCHEMA app;
                CREATE SCHEMA archive;
                CREATE TYPE app.mood AS ENUM ('sad', 'ok');
                CREATE TABLE app.t (id int, m app.mood);
                INSERT INTO app.t VALUES (1, 'ok'), (2, 'sad');
                CREATE TABLE app.counts (n bigint);
                CREATE FUNCTION app.kept() RETURNS app.mood LANGUAGE sql AS $$ SELECT 'ok'::app.mood $$;
                CREATE FUNCTION app.fixed() RETURNS text LANGUAGE plpgsql AS $$
                DECLARE x app.mood := 'ok';
                BEGIN RETURN x::text; END $$;
                CREATE FUNCTION app.atomic() RETURNS text LANGUAGE sql BEGIN ATOMIC SELECT 'ok'::app.mood::text; END;
                CREATE FUNCTION app.total() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM app.counts $$;
                """, """
                ALTER TYPE app.mood SET SCHEMA archive;
                ALTER TABLE app.counts RENAME TO tallies;
                CREATE OR REPLACE FUNCTION app.fixed() RETURNS text LANGUAGE plpgsql AS $$
                DECLARE x archive.mood := 'ok';
                BEGIN RETURN x::text; END $$;
                CREATE OR REPLACE FUNCTION app.total() RETURNS bigint LANGUAGE sql
                    AS $$ SELECT count(*) FROM app.tallies $$;
                """, "app.t");
        assertThat(section(draft, "up")).containsSubsequence("ALTER TABLE app.counts RENAME TO tallies;",
                "ALTER TYPE app.mood SET SCHEMA archive;", "CREATE OR REPLACE FUNCTION app.fixed()",
                "CREATE OR REPLACE FUNCTION app.total()").doesNotContain("app.kept", "app.atomic");
        assertThat(section(draft, "down")).containsSubsequence("ALTER TYPE archive.mood SET SCHEMA app;",
                "ALTER TABLE app.tallies RENAME TO counts;", "DECLARE x app.mood", "FROM app.counts");
    }

    private static final String INVOICES = """
            CREATE SCHEMA app;
            CREATE TABLE app.invoices (id bigserial PRIMARY KEY, qty numeric(10,3) NOT NULL CHECK (qty > 0));
            CREATE TABLE app.lines (id bigint PRIMARY KEY, invoice bigint REFERENCES app.invoices (id));
            CREATE INDEX invoices_qty ON app.invoices (qty);
            COMMENT ON TABLE app.invoices IS 'invoices';
            COMMENT ON COLUMN app.invoices.qty IS 'how many';
            INSERT INTO app.invoices (qty) VALUES (1), (2);
            """;

    private static String renamed(String engine, String outOfBand, String table) throws SQLException {
        return renamed(engine, COMMITTED, outOfBand, table);
    }

    /**
     * The draft of {@code outOfBand}, after checking it keeps the two rows of {@code table} and round-trips; with no
     * table, a draft that leaves a change to the author, whose down section still gives the committed schema back.
     */
    private static String renamed(String engine, String committedSql, String outOfBand, String table)
            throws SQLException {
        try (TestDatabase live = TestDatabase.create(engine); TestDatabase db = TestDatabase.create(engine)) {
            live.execute(committedSql);
            live.execute(outOfBand);
            db.execute(committedSql);
            String committed = dump(db);
            String drifted = dump(live);
            String draft = DriftDraft.of(drifted, committed, draftDialect(live));
            db.execute(section(draft, "up"));
            if (table != null) {
                assertThat(draft).doesNotContain("Not drafted", "Changed out of band", "-- Undo", "may have been");
                assertThat(dump(db)).isEqualTo(drifted);
                try (Connection c = db.connect()) {
                    assertThat(TestDatabase.firstValue(c, "SELECT count(*) FROM " + table)).isEqualTo("2");
                }
            }
            db.execute(section(draft, "down"));
            assertThat(dump(db)).isEqualTo(committed);
            return draft;
        }
    }
}
