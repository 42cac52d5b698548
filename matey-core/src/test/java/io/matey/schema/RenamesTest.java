package io.matey.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Renames a drift draft does not guess between: the draft stays as it was, with a comment naming the candidates. */
class RenamesTest {

    @Test
    void twoDroppedTablesWithTheSameColumnsAreNamedNotRenamed() {
        String committed = "CREATE TABLE a (id INTEGER);\n\nCREATE TABLE b (id INTEGER);\n";
        String draft = DriftDraft.of("CREATE TABLE c (id INTEGER);\n", committed, DraftDialect.FIXED_CONSTRAINTS);
        assertThat(draft).startsWith("""
                -- migrate:up
                -- matey: a may have been renamed to c (same columns), drafted as a drop and a create; check before \
                committing

                -- matey: b may have been renamed to c (same columns), drafted as a drop and a create; check before \
                committing

                CREATE TABLE c (id INTEGER);
                """).contains("DROP TABLE a;", "DROP TABLE b;").doesNotContain("RENAME");
    }

    /** A materialized view changed by hand besides following a rename is left to the author, with both texts. */
    @Test
    void aMaterializedViewAlsoChangedByHandIsNotTakenAsFollowingTheRename() {
        String committed = "CREATE TABLE t (id integer, qty integer);\n\nCREATE MATERIALIZED VIEW m AS\n SELECT t.id,\n"
                + "    t.qty\n   FROM t;\n";
        String followed = committed.replace("qty integer", "quantity integer").replace("t.qty", "t.quantity AS qty");
        DraftDialect follows = new DraftDialect() {
            @Override
            public boolean followsRenames() {
                return true;
            }
        };
        assertThat(DriftDraft.of(followed, committed, follows)).contains("-- matey: m reads what was renamed")
                .doesNotContain("Changed out of band");
        String changed = followed.replace("FROM t;", "FROM t\n  WHERE (t.quantity > 0);");
        assertThat(DriftDraft.of(changed, committed, follows)).contains("RENAME COLUMN qty TO quantity",
                "-- Changed out of band").doesNotContain("m reads what was renamed");
    }

    @Test
    void aTableInAnotherSchemaIsNoRename() {
        String draft = DriftDraft.of("CREATE TABLE app.c (id integer);\n", "CREATE TABLE public.c (id integer);\n",
                DraftDialect.FIXED_CONSTRAINTS);
        assertThat(draft).doesNotContain("matey:", "RENAME");
    }

    @Test
    void aDroppedColumnMatchingTwoAddedOnesIsNamedNotRenamed() {
        String committed = "CREATE TABLE t (id INTEGER, qty INTEGER NOT NULL);\n";
        String live = "CREATE TABLE t (id INTEGER, a INTEGER NOT NULL, b INTEGER NOT NULL);\n";
        assertThat(DriftDraft.of(live, committed, DraftDialect.FIXED_CONSTRAINTS)).startsWith("""
                -- migrate:up
                -- matey: column qty of t may have been renamed to a or b (same definition), drafted as a drop and an \
                add; check before committing

                ALTER TABLE t ADD COLUMN a INTEGER NOT NULL;
                """).contains("ALTER TABLE t DROP COLUMN qty;").doesNotContain("RENAME");
    }

    /** Another default is another column: the pair is no rename. */
    @Test
    void aColumnWithAnotherDefaultIsNoRename() {
        String draft = DriftDraft.of("CREATE TABLE t (id INTEGER, b INTEGER DEFAULT 2);\n",
                "CREATE TABLE t (id INTEGER, a INTEGER DEFAULT 1);\n", DraftDialect.FIXED_CONSTRAINTS);
        assertThat(draft).doesNotContain("matey:", "RENAME").contains("ADD COLUMN b", "DROP COLUMN a");
    }

    /** The renamed column's name is also a type's: only the column and the check naming it change. */
    @Test
    void aColumnNamedLikeATypeIsRenamedOnlyWhereItIsTheColumn() {
        String committed = "CREATE TABLE t (\n    id integer,\n    date date NOT NULL,\n    due date,\n"
                + "    CONSTRAINT t_date CHECK ((date > '2000-01-01'::date))\n);\n";
        String live = committed.replace("date date NOT NULL", "day date NOT NULL").replace("((date >", "((day >");
        assertThat(DriftDraft.of(live, committed, DraftDialect.FIXED_CONSTRAINTS)).isEqualTo("""
                -- migrate:up
                -- matey: looks like a rename of column date of t to day (same definition); check before committing
                ALTER TABLE t RENAME COLUMN date TO day;

                -- migrate:down
                ALTER TABLE t RENAME COLUMN day TO date;
                """);
    }

    /** The table renamed, then its column, each marked, and back in the reverse order. */
    @Test
    void aTableWithOneColumnRenamedIsRenamedThenTheColumn() {
        String draft = DriftDraft.of("CREATE TABLE b (id INTEGER, qty NUMERIC(10,3) NOT NULL);\n",
                "CREATE TABLE a (id INTEGER, amount NUMERIC(10,3) NOT NULL);\n", DraftDialect.FIXED_CONSTRAINTS);
        assertThat(draft).isEqualTo("""
                -- migrate:up
                -- matey: looks like a rename of a to b (same columns but amount's name); check before committing
                ALTER TABLE a RENAME TO b;

                -- matey: looks like a rename of column amount of b to qty (same definition); check before committing
                ALTER TABLE b RENAME COLUMN amount TO qty;

                -- migrate:down
                ALTER TABLE b RENAME COLUMN qty TO amount;

                ALTER TABLE b RENAME TO a;
                """);
    }

    @Test
    void aTableMatchingTwoTablesButForAColumnNameIsNamedNotRenamed() {
        String live = "CREATE TABLE b (id INTEGER, x INTEGER);\n\nCREATE TABLE c (id INTEGER, y INTEGER);\n";
        String draft = DriftDraft.of(live, "CREATE TABLE a (id INTEGER, w INTEGER);\n", DraftDialect.FIXED_CONSTRAINTS);
        assertThat(draft).startsWith("""
                -- migrate:up
                -- matey: a may have been renamed to b or c and one of its columns renamed, drafted as a drop and a \
                create; check before committing
                """).contains("CREATE TABLE b", "CREATE TABLE c", "DROP TABLE a;").doesNotContain("RENAME");
    }

    /** Two dropped tables each match the created one but for a column's name: neither is guessed. */
    @Test
    void twoTablesMatchingOneButForAColumnNameAreNotRenamed() {
        String draft = DriftDraft.of("CREATE TABLE c (id INTEGER, y INTEGER);\n",
                "CREATE TABLE a (id INTEGER, w INTEGER);\n\nCREATE TABLE b (id INTEGER, x INTEGER);\n",
                DraftDialect.FIXED_CONSTRAINTS);
        assertThat(draft).contains("-- matey: a may have been renamed to c and one of its columns renamed",
                "DROP TABLE a;", "DROP TABLE b;", "CREATE TABLE c").doesNotContain("RENAME");
    }

    /** Two columns renamed, or one with another definition, are too far from the table to call it a rename. */
    @Test
    void aTableWithTwoColumnsRenamedOrOneRedefinedIsNoRename() {
        String committed = "CREATE TABLE a (id INTEGER, w INTEGER, v TEXT);\n";
        assertThat(DriftDraft.of("CREATE TABLE b (id INTEGER, x INTEGER, u TEXT);\n", committed,
                DraftDialect.FIXED_CONSTRAINTS)).doesNotContain("matey:", "RENAME");
        assertThat(DriftDraft.of("CREATE TABLE b (id INTEGER, x BIGINT, v TEXT);\n", committed,
                DraftDialect.FIXED_CONSTRAINTS)).doesNotContain("matey:", "RENAME");
    }
}
