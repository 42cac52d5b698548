package io.matey.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Texts that pass their own table's row on are echoed through views over the table (docs/architecture.md §5): the
 * dump must print what re-creating them on the table itself settles on, and must not wait for a writer.
 */
class OwnRowEchoTest {

    private static final String SCHEMA = """
            CREATE TABLE people (id integer, first varchar(20), last text, kind varchar(5), tags text[]);
            CREATE FUNCTION full_name(p people) RETURNS text LANGUAGE sql IMMUTABLE
                AS $$ SELECT p.first || ' ' || p.last $$;
            CREATE TABLE teams (id integer, lead text);
            CREATE INDEX people_in_list ON people (full_name(people)) WHERE kind IN ('a', 'b');
            CREATE INDEX people_keys ON people (lower(full_name(people)) DESC NULLS LAST,
                (full_name(people)::varchar(30)) COLLATE "C" text_pattern_ops, (first::text || 'x'), last)
                INCLUDE (id) WITH (fillfactor = 70) WHERE kind::text = ANY (ARRAY['a', 'b']);
            CREATE UNIQUE INDEX people_case ON people ((CASE WHEN kind IN ('a', 'b') THEN full_name(people)
                ELSE 'x
              y' END));
            CREATE INDEX people_row_and_column ON people (full_name(people), kind, (tags[1]));
            ALTER TABLE people ADD CONSTRAINT people_named CHECK (full_name(people) <> ' ' AND kind IN ('a', 'b', 'c'));
            ALTER TABLE people ADD CONSTRAINT people_row CHECK ((people.*)::text <> '()'::text) NOT VALID;
            ALTER TABLE people ADD CONSTRAINT people_one EXCLUDE USING btree (full_name(people) WITH =)
                WHERE (kind IN ('x', 'y'));
            ALTER TABLE people ENABLE ROW LEVEL SECURITY;
            CREATE POLICY people_read ON people USING (full_name(people) <> '' AND EXISTS (SELECT 1 FROM teams t
                WHERE t.lead = people.last AND t.id = people.id AND people.kind IN ('a', 'b')))
                WITH CHECK (kind IN ('a', 'b') AND full_name(people) IS NOT NULL);
            CREATE TABLE new (a integer, b varchar(3));
            CREATE FUNCTION weight(n new) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT n.a $$;
            CREATE INDEX new_weight ON new (weight(new), b) WHERE b IN ('x', 'y');
            """;

    /** Each object's text as read from the catalog, and how the same query prints a text on the table. */
    private record Printed(String name, String read, String create, String readBack) {
    }

    private static final List<Printed> OBJECTS = List.of(
            index("people_in_list"), index("people_keys"), index("people_case"), index("people_row_and_column"),
            index("new_weight"), check("people_named"), check("people_row"), check("people_one"),
            new Printed("people_read using", "SELECT pg_get_expr(polqual, polrelid) FROM pg_policy WHERE polname = 'people_read'",
                    "CREATE POLICY matey_probe ON public.people USING (%s)",
                    "SELECT pg_get_expr(polqual, polrelid) FROM pg_policy WHERE polname = 'matey_probe'"),
            new Printed("people_read check", "SELECT pg_get_expr(polwithcheck, polrelid) FROM pg_policy"
                    + " WHERE polname = 'people_read'", "CREATE POLICY matey_probe ON public.people WITH CHECK (%s)",
                    "SELECT pg_get_expr(polwithcheck, polrelid) FROM pg_policy WHERE polname = 'matey_probe'"));

    private static Printed index(String name) {
        String tail = "SELECT substring(d from position(' USING ' in d)) FROM pg_get_indexdef('public.%s'::regclass) d";
        return new Printed(name, tail.formatted(name),
                "CREATE INDEX matey_probe ON public." + (name.startsWith("new") ? "new" : "people") + "%s",
                tail.formatted("matey_probe"));
    }

    private static Printed check(String name) {
        String definition = "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = '%s'";
        return new Printed(name, definition.formatted(name), "ALTER TABLE public.people ADD CONSTRAINT matey_probe %s",
                definition.formatted("matey_probe"));
    }

    @Test
    void theDumpPrintsWhatEchoingOnTheTableItselfSettlesOn() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            String dump = dumpWithSchema(db);
            try (Connection c = db.connect()) {
                for (Printed object : OBJECTS) {
                    assertThat(dump).as(object.name()).contains(onTableFixedPoint(c, object));
                }
            }
            assertThat(PostgresSchemaDumpTest.dumpOf(dump)).isEqualTo(dump);
        }
    }

    @Test
    void theDumpDoesNotWaitForAWriterOfTheTable() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            String quiet = dumpWithSchema(db);
            try (Connection writer = db.connect(); Connection c = db.connect(); Statement st = c.createStatement()) {
                writer.setAutoCommit(false);
                try (Statement write = writer.createStatement()) {
                    write.execute("INSERT INTO people (id, first, last, kind) VALUES (1, 'Ada', 'Lovelace', 'a')");
                    write.execute("INSERT INTO new VALUES (1, 'x')");
                }
                st.execute("SET lock_timeout = '2s'"); // waiting for the writer fails the test instead of hanging
                assertThat(db.engine().dumpSchema(c)).isEqualTo(quiet);
                writer.rollback();
            }
        }
    }

    private static String dumpWithSchema(TestDatabase db) throws SQLException {
        db.execute(SCHEMA);
        try (Connection c = db.connect()) {
            return db.engine().dumpSchema(c);
        }
    }

    /** What re-creating the object's text on its table, over and over in a rolled-back transaction, settles on. */
    private static String onTableFixedPoint(Connection c, Printed object) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET search_path = ''"); // as the dump's session: every name printed qualified
        }
        String text = TestDatabase.firstValue(c, object.read());
        c.setAutoCommit(false);
        try {
            for (int round = 0; round < 5; round++) {
                try (Statement st = c.createStatement()) {
                    st.execute(object.create().formatted(text));
                }
                String again = TestDatabase.firstValue(c, object.readBack());
                c.rollback();
                if (again.equals(text)) {
                    return text;
                }
                text = again;
            }
            throw new AssertionError(object.name() + " does not settle on the table: " + text);
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }
}
