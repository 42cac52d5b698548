package io.matey.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.migration.SqlStatement;
import io.matey.migration.StatementSplitter;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A draft for a table whose columns were added or dropped out of band, run on each engine (and on PostgreSQL for
 * comments and replaced functions): its up section turns the committed schema into the live one and its down
 * section turns it back, dump for dump.
 */
class DriftDraftEnginesTest {

    private static final String COMMITTED = "CREATE TABLE notes (id INTEGER PRIMARY KEY, "
            + "title VARCHAR(20) NOT NULL DEFAULT 'x', body TEXT);\n";

    @ParameterizedTest
    @EngineMatrix
    void anAddedColumnIsAddedAndDroppedAgain(String engine) throws SQLException {
        roundTrip(engine, "ALTER TABLE notes ADD COLUMN {Due At} VARCHAR(10) NOT NULL DEFAULT 'soon';\n");
    }

    @ParameterizedTest
    @EngineMatrix
    void aDroppedColumnIsDroppedAndAddedBackWithItsDefinition(String engine) throws SQLException {
        roundTrip(engine, "ALTER TABLE notes DROP COLUMN body;\n");
    }

    @ParameterizedTest
    @EngineMatrix
    void columnsAddedAndDroppedTogether(String engine) throws SQLException {
        roundTrip(engine, "ALTER TABLE notes DROP COLUMN body;\nALTER TABLE notes ADD COLUMN {Due At} INTEGER;\n"
                + "ALTER TABLE notes ADD COLUMN score INTEGER DEFAULT 0;\n");
    }

    /** Dropping the column drops the sequence it owns, so the draft's own DROP SEQUENCE must not fail. */
    @Test
    void aSerialColumnComesWithItsSequenceOnPostgres() throws SQLException {
        roundTrip("postgres", "ALTER TABLE notes ADD COLUMN n serial;\n");
    }

    @Test
    void aCommentAddedOnPostgresIsSetAndRemovedAgain() throws SQLException {
        roundTrip("postgres", COMMITTED + "CREATE SCHEMA billing;\nCREATE TABLE billing.invoices (ref text);\n",
                "COMMENT ON COLUMN billing.invoices.ref IS 'human reference';\nCOMMENT ON TABLE notes IS 'it''s';\n");
    }

    @Test
    void aChangedAndADroppedCommentOnPostgres() throws SQLException {
        roundTrip("postgres", COMMITTED + "COMMENT ON COLUMN notes.body IS 'old';\nCOMMENT ON TABLE notes IS 'gone';\n",
                "COMMENT ON COLUMN notes.body IS 'new';\nCOMMENT ON TABLE notes IS NULL;\n");
    }

    /** The comment is removed before its column is dropped, and restored after the down section adds it back. */
    @Test
    void aDroppedCommentedColumnOnPostgres() throws SQLException {
        roundTrip("postgres", COMMITTED + "COMMENT ON COLUMN notes.body IS 'text';\n", "ALTER TABLE notes DROP COLUMN body;\n");
    }

    /**
     * A column's statistics target and storage set by hand go back to the committed ones: the default target, the
     * type's storage (MAIN for numeric), or the value the committed dump sets; a setting on a column dropped by hand
     * goes with it, and comes back after the column in down.
     */
    @Test
    void columnStatisticsAndStorageOnPostgresAreSetBack() throws SQLException {
        roundTrip("postgres", COMMITTED + """
                CREATE TABLE amounts (id int, total numeric(10,2), note text, memo text);
                ALTER TABLE amounts ALTER COLUMN note SET STORAGE MAIN;
                ALTER TABLE amounts ALTER COLUMN total SET STATISTICS 50;
                ALTER TABLE amounts ALTER COLUMN memo SET STATISTICS 10;
                """, """
                ALTER TABLE notes ALTER COLUMN body SET STATISTICS 500;
                ALTER TABLE notes ALTER COLUMN body SET STORAGE EXTERNAL;
                ALTER TABLE amounts ALTER COLUMN total SET STORAGE EXTERNAL;
                ALTER TABLE amounts ALTER COLUMN total SET STATISTICS -1;
                ALTER TABLE amounts ALTER COLUMN note SET STORAGE EXTERNAL;
                ALTER TABLE amounts DROP COLUMN memo;
                """);
    }

    /**
     * A materialized view column's statistics target, a column's compression and its planner options set by hand go
     * back to the committed ones: the default target, the default compression, the options reset (a changed option
     * set is reset before the other one is set, so an option only one side has does not stay).
     */
    @Test
    void materializedViewStatisticsCompressionAndColumnOptionsOnPostgresAreSetBack() throws SQLException {
        roundTrip("postgres", COMMITTED + """
                CREATE TABLE amounts (id int, note text, memo text);
                ALTER TABLE amounts ALTER COLUMN memo SET COMPRESSION pglz;
                ALTER TABLE amounts ALTER COLUMN note SET (n_distinct = 100);
                ALTER TABLE amounts ALTER COLUMN memo SET (n_distinct = 5, n_distinct_inherited = 7);
                CREATE MATERIALIZED VIEW totals AS SELECT id, note FROM amounts;
                ALTER MATERIALIZED VIEW totals ALTER COLUMN note SET STATISTICS 30;
                """, """
                ALTER MATERIALIZED VIEW totals ALTER COLUMN id SET STATISTICS 20;
                ALTER MATERIALIZED VIEW totals ALTER COLUMN note SET STATISTICS 40;
                ALTER TABLE notes ALTER COLUMN body SET COMPRESSION pglz;
                ALTER TABLE amounts ALTER COLUMN memo SET COMPRESSION lz4;
                ALTER TABLE notes ALTER COLUMN body SET (n_distinct = -0.5);
                ALTER TABLE amounts ALTER COLUMN note SET (n_distinct_inherited = 3);
                ALTER TABLE amounts ALTER COLUMN memo RESET (n_distinct_inherited);
                """);
    }

    @Test
    void aFunctionReplacedOnPostgresIsReplacedAndRestored() throws SQLException {
        roundTrip("postgres", COMMITTED + "CREATE SCHEMA billing;\nCREATE FUNCTION billing.next_ref() RETURNS text "
                + "LANGUAGE sql AS $$ SELECT 'INV-' || 1 $$;\nCOMMENT ON FUNCTION billing.next_ref() IS 'refs';\n",
                "CREATE OR REPLACE FUNCTION billing.next_ref() RETURNS text LANGUAGE sql AS $$ SELECT 'INV-' || 2 $$;\n");
    }

    /**
     * MariaDB dumps a routine, event or trigger as a plain CREATE, which fails while it exists: a changed one is
     * dropped and created again in both sections, never left as a CREATE beside an "Undo" comment.
     */
    @Test
    void aChangedEventProcedureFunctionAndTriggerOnMariadbAreDroppedAndCreatedAgain() throws SQLException {
        roundTrip("mysql", COMMITTED + "CREATE EVENT purge_notes ON SCHEDULE EVERY 1 HOUR STARTS '2026-01-01 00:00:00' "
                + "DISABLE DO DELETE FROM notes WHERE id < 0;\n"
                + "CREATE PROCEDURE touch_notes() UPDATE notes SET body = body;\n"
                + "CREATE FUNCTION note_count() RETURNS int READS SQL DATA RETURN (SELECT COUNT(*) FROM notes);\n"
                + "CREATE TRIGGER notes_title BEFORE INSERT ON notes FOR EACH ROW SET NEW.title = TRIM(NEW.title);\n",
                "ALTER EVENT purge_notes ENABLE;\n"
                        + "DROP PROCEDURE touch_notes;\nCREATE PROCEDURE touch_notes() UPDATE notes SET body = title;\n"
                        + "DROP FUNCTION note_count;\n"
                        + "CREATE FUNCTION note_count() RETURNS int READS SQL DATA RETURN (SELECT COUNT(*) + 1 FROM notes);\n"
                        + "DROP TRIGGER notes_title;\n"
                        + "CREATE TRIGGER notes_title BEFORE INSERT ON notes FOR EACH ROW SET NEW.title = UPPER(NEW.title);\n"
                        + "CREATE EVENT added_event ON SCHEDULE EVERY 1 DAY STARTS '2026-01-01 00:00:00' DISABLE "
                        + "DO DELETE FROM notes WHERE id < 0;\n");
    }

    /** A PostgreSQL trigger is dropped with the table it is on, when it was added or changed out of band. */
    @Test
    void aChangedAndAnAddedTriggerOnPostgres() throws SQLException {
        String function = "CREATE FUNCTION trim_title() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "NEW.title := trim(NEW.title); RETURN NEW; END $$;\n";
        roundTrip("postgres", COMMITTED + function
                + "CREATE TRIGGER notes_trim BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION trim_title();\n",
                "DROP TRIGGER notes_trim ON notes;\n"
                        + "CREATE TRIGGER notes_trim BEFORE INSERT OR UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION trim_title();\n"
                        + "CREATE TRIGGER notes_added BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION trim_title();\n");
    }

    /**
     * Objects of every kind the draft creates and drops, in a schema outside the search path and with names that
     * need quotes: each drop names the schema (an index's is its table's), a routine's argument types (an overload
     * stays), a trigger's, policy's and constraint's table.
     */
    @Test
    void objectsAddedInAnotherSchemaOnPostgresAreDroppedByTheirQualifiedNames() throws SQLException {
        roundTrip("postgres", COMMITTED + APP, """
                CREATE INDEX flags_key_lower_idx ON app.flags (lower(key));
                CREATE UNIQUE INDEX "Flag Keys" ON app."Odd Flags" ("Key");
                COMMENT ON INDEX app."Flag Keys" IS 'keys';
                ALTER TABLE app.flags ADD CONSTRAINT flags_odd_fk FOREIGN KEY (key) REFERENCES app."Odd Flags" ("Key");
                CREATE TRIGGER "Flags Touch" BEFORE INSERT ON app."Odd Flags" FOR EACH ROW EXECUTE FUNCTION app.trg();
                ALTER TABLE app."Odd Flags" DISABLE TRIGGER "Flags Touch";
                ALTER TABLE app.flags ENABLE ROW LEVEL SECURITY;
                ALTER TABLE app.flags FORCE ROW LEVEL SECURITY;
                CREATE POLICY "Flags Policy" ON app.flags USING (id > 0);
                CREATE FUNCTION app.touch(a text, b integer DEFAULT 2) RETURNS integer LANGUAGE sql AS $$ SELECT b $$;
                CREATE SEQUENCE app."Odd Seq";
                CREATE VIEW app."Odd View" AS SELECT id FROM app.flags;
                CREATE MATERIALIZED VIEW app.flag_ids AS SELECT id FROM app.flags;
                CREATE INDEX flag_ids_idx ON app.flag_ids (id);
                CREATE TYPE app."Mood" AS ENUM ('calm');
                CREATE DOMAIN app."Positive" AS integer CHECK (VALUE > 0);
                CREATE COLLATION app."Bytes" (locale = 'C');
                CREATE STATISTICS app."Flag Stats" (ndistinct) ON id, key FROM app.flags;
                CREATE RULE "No Deletes" AS ON DELETE TO app."Odd Flags" DO INSTEAD NOTHING;
                """);
    }

    /** A changed trigger, policy and foreign key in another schema are dropped and created again by qualified name. */
    @Test
    void changedTriggerPolicyAndConstraintInAnotherSchemaOnPostgres() throws SQLException {
        roundTrip("postgres", COMMITTED + APP + """
                CREATE TRIGGER flags_touch BEFORE INSERT ON app.flags FOR EACH ROW EXECUTE FUNCTION app.trg();
                CREATE POLICY flags_policy ON app.flags USING (id > 0);
                ALTER TABLE app.flags ADD CONSTRAINT flags_odd_fk FOREIGN KEY (key) REFERENCES app."Odd Flags" ("Key");
                """, """
                DROP TRIGGER flags_touch ON app.flags;
                CREATE TRIGGER flags_touch BEFORE UPDATE ON app.flags FOR EACH ROW EXECUTE FUNCTION app.trg();
                DROP POLICY flags_policy ON app.flags;
                CREATE POLICY flags_policy ON app.flags USING (id > 1);
                ALTER TABLE app.flags DROP CONSTRAINT flags_odd_fk;
                ALTER TABLE app.flags ADD CONSTRAINT flags_odd_fk FOREIGN KEY (key) REFERENCES app."Odd Flags" ("Key")
                    ON DELETE CASCADE;
                """);
    }

    /**
     * A trigger's and a rule's state moved between two values that are not the default is set to the live one (down:
     * the committed one), never also reset to ENABLE after it; a changed trigger gets its state after it is created.
     */
    @Test
    void triggerAndRuleStatesChangedBetweenNonDefaultValuesOnPostgres() throws SQLException {
        roundTrip("postgres", COMMITTED + APP + """
                CREATE TRIGGER flags_touch BEFORE INSERT ON app.flags FOR EACH ROW EXECUTE FUNCTION app.trg();
                ALTER TABLE app.flags ENABLE REPLICA TRIGGER flags_touch;
                CREATE TRIGGER "Flags Check" BEFORE UPDATE ON app.flags FOR EACH ROW EXECUTE FUNCTION app.trg();
                ALTER TABLE app.flags DISABLE TRIGGER "Flags Check";
                CREATE RULE flags_keep AS ON DELETE TO app.flags DO INSTEAD NOTHING;
                ALTER TABLE app.flags DISABLE RULE flags_keep;
                """, """
                ALTER TABLE app.flags ENABLE ALWAYS TRIGGER flags_touch;
                DROP TRIGGER "Flags Check" ON app.flags;
                CREATE TRIGGER "Flags Check" BEFORE INSERT ON app.flags FOR EACH ROW EXECUTE FUNCTION app.trg();
                ALTER TABLE app.flags ENABLE REPLICA TRIGGER "Flags Check";
                ALTER TABLE app.flags ENABLE ALWAYS RULE flags_keep;
                """);
    }

    /**
     * A CHECK and a UNIQUE constraint added by hand to an existing table, one dropped and one changed: each is
     * added or dropped by name, before the column it names is dropped and after the one it names is added.
     */
    @Test
    void constraintsAddedDroppedAndChangedOnPostgres() throws SQLException {
        roundTrip("postgres", COMMITTED + APP + """
                ALTER TABLE app.flags ADD CONSTRAINT flags_key_check CHECK (key <> '');
                ALTER TABLE app.flags ADD CONSTRAINT "Flags Id" CHECK (id > 0);
                ALTER TABLE notes ADD CONSTRAINT notes_body_check CHECK (body <> '');
                """, """
                ALTER TABLE app.flags ADD CONSTRAINT "Flags Key Status" UNIQUE (key, status);
                ALTER TABLE app.flags DROP CONSTRAINT flags_key_check;
                ALTER TABLE app.flags DROP CONSTRAINT "Flags Id";
                ALTER TABLE app.flags ADD CONSTRAINT "Flags Id" CHECK (id > 1);
                ALTER TABLE notes ADD COLUMN due integer, ADD CONSTRAINT notes_due CHECK (due > 0);
                ALTER TABLE notes DROP COLUMN body;
                """);
    }

    /**
     * Privileges narrowed, widened, moved between grant options and revoked from PUBLIC by hand: the draft grants and
     * revokes only what differs, revoking before granting in both sections (a privilege that gained or lost its grant
     * option is in two statements), so up gives the live privileges and down the committed ones.
     */
    @Test
    void privilegesNarrowedAndWidenedOnPostgres() throws SQLException {
        roundTrip("postgres", COMMITTED + GRANTEE + """
                CREATE TABLE orders (id int, note text);
                GRANT INSERT, SELECT, UPDATE ON notes TO PUBLIC;
                GRANT SELECT ON orders TO PUBLIC;
                GRANT SELECT, UPDATE ON orders TO matey_draft_grantee;
                GRANT SELECT (title), UPDATE (title) ON notes TO matey_draft_grantee;
                CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
                """, """
                REVOKE INSERT ON notes FROM PUBLIC;
                GRANT DELETE ON orders TO PUBLIC;
                GRANT UPDATE ON orders TO matey_draft_grantee WITH GRANT OPTION;
                REVOKE UPDATE (title) ON notes FROM matey_draft_grantee;
                GRANT INSERT (body) ON notes TO matey_draft_grantee;
                REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC;
                """);
        String draft = roundTrip("postgres", COMMITTED + "GRANT INSERT, SELECT, UPDATE ON notes TO PUBLIC;\n",
                "REVOKE INSERT ON notes FROM PUBLIC;\n");
        assertThat(draft).isEqualTo("-- migrate:up\nREVOKE INSERT ON TABLE public.notes FROM PUBLIC;\n\n"
                + "-- migrate:down\nGRANT INSERT ON TABLE public.notes TO PUBLIC;\n");
    }

    /**
     * Table-level and column-level privileges of one grantee changed together: a table-level REVOKE takes that
     * privilege on every column along, so the column grants the section's dump keeps are given again after it (a
     * table grant narrowed to columns; a table grant added beside a column grant, which the down section's revoke
     * would take; a grant option revoked from the table while a column keeps its own).
     */
    @Test
    void tableAndColumnPrivilegesTogetherOnPostgres() throws SQLException {
        String draft = roundTrip("postgres", COMMITTED + GRANTEE + """
                CREATE TABLE orders (id int, note text, secret text);
                GRANT SELECT ON orders TO matey_draft_grantee;
                GRANT UPDATE (note) ON orders TO matey_draft_grantee;
                GRANT INSERT ON notes TO matey_draft_grantee WITH GRANT OPTION;
                """, """
                REVOKE SELECT ON orders FROM matey_draft_grantee;
                GRANT SELECT (id, note) ON orders TO matey_draft_grantee;
                GRANT UPDATE ON orders TO matey_draft_grantee;
                REVOKE GRANT OPTION FOR INSERT ON notes FROM matey_draft_grantee;
                GRANT INSERT (title) ON notes TO matey_draft_grantee WITH GRANT OPTION;
                """);
        assertThat(section(draft, "up")).containsSubsequence("REVOKE SELECT ON TABLE public.orders",
                "GRANT SELECT (id) ON TABLE public.orders TO matey_draft_grantee;",
                "GRANT SELECT (note), UPDATE (note) ON TABLE public.orders TO matey_draft_grantee;");
        assertThat(section(draft, "down")).containsSubsequence("REVOKE UPDATE ON TABLE public.orders",
                "GRANT UPDATE (note) ON TABLE public.orders TO matey_draft_grantee;");
    }

    /** A role for grants with a grant option, which PUBLIC cannot hold; roles outlive the test databases. */
    private static final String GRANTEE = "DO $$ BEGIN CREATE ROLE matey_draft_grantee; "
            + "EXCEPTION WHEN duplicate_object THEN NULL; END $$;\n";

    /**
     * Columns added to and dropped from an unlogged table, a partitioned table and its partition's parent, and tables
     * that inherit: each is altered in place, whatever precedes TABLE or follows the columns in its CREATE. An index
     * that reads a dropped column is dropped before it, and created again after it is added back.
     */
    @Test
    void columnsOfUnloggedPartitionedAndInheritingTablesOnPostgres() throws SQLException {
        roundTrip("postgres", COMMITTED + """
                CREATE UNLOGGED TABLE cache (k text, v bytea) WITH (fillfactor=70);
                CREATE INDEX cache_k ON cache (k) WHERE v IS NOT NULL;
                CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);
                CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                CREATE TABLE events_2025 PARTITION OF events (CONSTRAINT events_2025_id CHECK (id > 0))
                    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                CREATE TABLE vehicles (id int, name text);
                CREATE TABLE bikes (gears int) INHERITS (vehicles);
                """, """
                ALTER TABLE cache ADD COLUMN extra int;
                ALTER TABLE cache DROP COLUMN v;
                ALTER TABLE events ADD COLUMN kind text;
                ALTER TABLE vehicles ADD COLUMN wheels int;
                ALTER TABLE bikes ADD COLUMN bell boolean;
                ALTER TABLE bikes DROP COLUMN gears;
                """);
    }

    /** A partition's copy of its parent's key renamed by hand, then renamed again, is renamed back either way. */
    @Test
    void aPartitionsRenamedKeyOnPostgresIsRenamedBack() throws SQLException {
        String partitioned = COMMITTED + """
                CREATE TABLE events (id int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
                CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                """;
        roundTrip("postgres", partitioned, "ALTER TABLE events_2024 RENAME CONSTRAINT events_2024_pkey TO ev24;\n");
        roundTrip("postgres", partitioned + "ALTER TABLE events_2024 RENAME CONSTRAINT events_2024_pkey TO ev24;\n",
                "ALTER TABLE events_2024 RENAME CONSTRAINT ev24 TO \"Ev 2024\";\n");
    }

    /**
     * A partition's copy of its parent's trigger disabled by hand, or set to another state, is set back; one enabled
     * by hand under a disabled parent trigger is disabled again, and one enabled so set back to enabled.
     */
    @Test
    void aPartitionsTriggerStateOnPostgresIsSetBack() throws SQLException {
        String partitioned = COMMITTED + """
                CREATE FUNCTION keep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                CREATE TABLE t (id int, d date) PARTITION BY RANGE (d);
                CREATE TABLE t_2024 PARTITION OF t FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION keep();
                """;
        assertThat(section(roundTrip("postgres", partitioned, "ALTER TABLE t_2024 DISABLE TRIGGER t_bi;\n"), "down"))
                .contains("ALTER TABLE public.t_2024 ENABLE TRIGGER t_bi;");
        assertThat(section(roundTrip("postgres", partitioned + "ALTER TABLE t_2024 DISABLE TRIGGER t_bi;\n",
                "ALTER TABLE t_2024 ENABLE ALWAYS TRIGGER t_bi;\n"), "down"))
                .contains("ALTER TABLE public.t_2024 DISABLE TRIGGER t_bi;");
        assertThat(section(roundTrip("postgres", partitioned + "ALTER TABLE t_2024 DISABLE TRIGGER t_bi;\n",
                "ALTER TABLE t_2024 ENABLE TRIGGER t_bi;\n"), "down"))
                .contains("ALTER TABLE public.t_2024 DISABLE TRIGGER t_bi;");
        assertThat(section(roundTrip("postgres", partitioned + "ALTER TABLE t_2024 ENABLE REPLICA TRIGGER t_bi;\n",
                "ALTER TABLE t_2024 ENABLE TRIGGER t_bi;\n"), "down"))
                .contains("ALTER TABLE public.t_2024 ENABLE REPLICA TRIGGER t_bi;");
        String disabled = partitioned + "ALTER TABLE t DISABLE TRIGGER t_bi;\nALTER TABLE t_2024 DISABLE TRIGGER t_bi;\n";
        assertThat(section(roundTrip("postgres", disabled, "ALTER TABLE t_2024 ENABLE TRIGGER t_bi;\n"), "down"))
                .contains("ALTER TABLE public.t_2024 DISABLE TRIGGER t_bi;");
        assertThat(section(roundTrip("postgres", disabled + "ALTER TABLE t_2024 ENABLE TRIGGER t_bi;\n",
                "ALTER TABLE t_2024 ENABLE REPLICA TRIGGER t_bi;\n"), "down"))
                .contains("ALTER TABLE public.t_2024 ENABLE TRIGGER t_bi;");
    }

    /**
     * A partition created by hand is drafted as its CREATE TABLE alone, which makes the copies of its parent's indexes,
     * keys and triggers; down detaches it first, since a foreign key may reference its parent.
     */
    @Test
    void aPartitionCreatedByHandOnPostgresIsCreatedAloneAndDetachedBeforeItIsDropped() throws SQLException {
        String draft = roundTrip("postgres", COMMITTED + """
                CREATE TABLE ev (id int, d date, PRIMARY KEY (id, d)) PARTITION BY RANGE (d);
                CREATE INDEX ev_d_idx ON ev (d);
                CREATE INDEX ev_expr ON ev ((id + 1) DESC, "d") INCLUDE (id);
                CREATE TABLE ev_2024 PARTITION OF ev FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                CREATE TABLE ev_refs (id int, d date, FOREIGN KEY (id, d) REFERENCES ev);
                """, """
                CREATE TABLE ev_2025 PARTITION OF ev FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                CREATE TABLE ev_2026 PARTITION OF ev FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                ALTER INDEX ev_2026_d_idx RENAME TO ev_2026_at;
                CREATE TABLE ev_2027 PARTITION OF ev FOR VALUES FROM ('2027-01-01') TO ('2028-01-01') PARTITION BY LIST (id);
                CREATE TABLE ev_2027_1 PARTITION OF ev_2027 FOR VALUES IN (1);
                ALTER INDEX ev_2027_1_expr_d_id_idx RENAME TO "Ev 2027 1";
                """);
        assertThat(section(draft, "up")).doesNotContain("CREATE INDEX", "ATTACH");
        assertThat(section(draft, "down")).contains("ALTER TABLE public.ev DETACH PARTITION public.ev_2025;");
    }

    /**
     * Partitions detached by hand and attached to another parent (one partitioned itself, one whose new parent has an
     * index it lacked, whose copy is renamed), or attached again with bounds that take a detached sibling's: every
     * detach precedes the first attach, each attach has the live bounds, and down detaches them again, drops the
     * index copies the attaches made and attaches them back with their committed bounds.
     */
    @Test
    void partitionsMovedToAnotherParentOrOtherBoundsOnPostgres() throws SQLException {
        String draft = roundTrip("postgres", COMMITTED + """
                CREATE TABLE ev (id int, d date, PRIMARY KEY (id, d)) PARTITION BY RANGE (d);
                CREATE INDEX ev_d_idx ON ev (d);
                CREATE TABLE ev2 (id int, d date, PRIMARY KEY (id, d)) PARTITION BY RANGE (d);
                CREATE INDEX ev2_d_idx ON ev2 (d);
                CREATE INDEX ev2_id_idx ON ev2 (id);
                CREATE TABLE ev_2024 PARTITION OF ev (CONSTRAINT pos CHECK (id > 0))
                    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (id);
                CREATE TABLE ev_2024_1 PARTITION OF ev_2024 FOR VALUES IN (1);
                CREATE TABLE ev_2025 PARTITION OF ev FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                CREATE TABLE ev_2026 PARTITION OF ev FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                INSERT INTO ev VALUES (1, '2024-03-01'), (2, '2025-03-01'), (3, '2026-03-01');
                """, """
                ALTER TABLE ev DETACH PARTITION ev_2024;
                ALTER TABLE ev2 ATTACH PARTITION ev_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                ALTER TABLE ev DETACH PARTITION ev_2026;
                ALTER TABLE ev DETACH PARTITION ev_2025;
                ALTER TABLE ev ATTACH PARTITION ev_2025 FOR VALUES FROM ('2025-01-01') TO ('2027-01-01');
                ALTER TABLE ev2 ATTACH PARTITION ev_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                ALTER INDEX ev_2026_id_idx RENAME TO ev26_id;
                """);
        assertThat(section(draft, "up")).isEqualTo("""
                ALTER TABLE public.ev DETACH PARTITION public.ev_2024;

                ALTER TABLE public.ev DETACH PARTITION public.ev_2025;

                ALTER TABLE public.ev DETACH PARTITION public.ev_2026;

                ALTER TABLE public.ev2 ATTACH PARTITION public.ev_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

                ALTER TABLE public.ev ATTACH PARTITION public.ev_2025 FOR VALUES FROM ('2025-01-01') TO ('2027-01-01');

                ALTER TABLE public.ev2 ATTACH PARTITION public.ev_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

                ALTER INDEX public.ev_2026_id_idx RENAME TO ev26_id;

                """);
        assertThat(section(draft, "down")).containsSubsequence("ALTER TABLE public.ev DETACH PARTITION public.ev_2025;",
                "ALTER TABLE public.ev2 DETACH PARTITION public.ev_2026;", "DROP INDEX public.ev26_id;",
                "ALTER TABLE public.ev ATTACH PARTITION public.ev_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');",
                "ALTER TABLE public.ev ATTACH PARTITION public.ev_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');",
                "DROP INDEX public.ev_2024_id_idx;",
                "ALTER TABLE public.ev ATTACH PARTITION public.ev_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');");
    }

    /**
     * A partition detached by hand (its keys and foreign key now its own) and a table with the parent's columns attached
     * by hand (its own unique key taken as the copy of the parent's): each is drafted as the detach or attach alone,
     * after a comment that it is inferred, and down takes back what the attach made: the copies of the parent's key,
     * foreign key and index that the detach leaves.
     */
    @Test
    void aPartitionDetachedAndATableAttachedByHandOnPostgres() throws SQLException {
        String draft = roundTrip("postgres", COMMITTED + """
                CREATE TABLE other (id int PRIMARY KEY);
                CREATE TABLE ev (id int, d date, PRIMARY KEY (id, d), CONSTRAINT ev_pos CHECK (id > 0),
                    CONSTRAINT ev_u UNIQUE (d, id), CONSTRAINT ev_fk FOREIGN KEY (id) REFERENCES other)
                    PARTITION BY RANGE (d);
                CREATE INDEX ev_d_idx ON ev (d);
                CREATE TABLE ev_2025 PARTITION OF ev FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                CREATE TABLE ev_2026 PARTITION OF ev FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                CREATE TABLE loose (id int NOT NULL, d date NOT NULL, CONSTRAINT loose_own UNIQUE (d, id),
                    CONSTRAINT ev_pos CHECK (id > 0));
                INSERT INTO other VALUES (1), (2);
                INSERT INTO ev VALUES (1, '2025-02-01'), (2, '2026-03-01');
                """, """
                ALTER TABLE ev DETACH PARTITION ev_2026;
                ALTER TABLE ev ATTACH PARTITION loose FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
                """);
        assertThat(draft).isEqualTo("""
                -- migrate:up
                -- matey: looks like public.ev_2026 was detached from public.ev (the parent's columns); check before \
                committing
                ALTER TABLE public.ev DETACH PARTITION public.ev_2026;

                -- matey: looks like public.loose was attached to public.ev (the parent's columns); check before \
                committing
                ALTER TABLE public.ev ATTACH PARTITION public.loose FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');

                -- migrate:down
                ALTER TABLE public.ev DETACH PARTITION public.loose;

                ALTER TABLE public.loose DROP CONSTRAINT loose_pkey;

                ALTER TABLE public.loose DROP CONSTRAINT ev_fk;

                DROP INDEX public.loose_d_idx;

                ALTER TABLE public.ev ATTACH PARTITION public.ev_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                """);
    }

    /**
     * A partition created by hand whose index copy's default name a committed relation has: PostgreSQL gives the copy
     * the next free name (a clash's number after the label), which the draft renames from.
     */
    @Test
    void aPartitionsIndexCopyWhoseNameIsTakenOnPostgresIsRenamedFromTheNextFreeName() throws SQLException {
        roundTrip("postgres", COMMITTED + """
                CREATE TABLE ev (id int, d date) PARTITION BY RANGE (d);
                CREATE INDEX ev_d_idx ON ev (d);
                CREATE INDEX ev_2026_d_idx ON notes (id);
                CREATE TABLE ev_2026_d_idx1 (id int);
                """, """
                CREATE TABLE ev_2026 PARTITION OF ev FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                ALTER INDEX ev_2026_d_idx2 RENAME TO ev_2026_at;
                """);
    }

    /**
     * A table put under a parent by hand is drafted as INHERIT and taken out by NO INHERIT; one taken out as NO
     * INHERIT, whose inherited columns and checks become its own, and put back by INHERIT, which keeps them its own,
     * as the down section says.
     */
    @Test
    void inheritanceChangedByHandOnPostgresIsChangedBack() throws SQLException {
        String inheriting = COMMITTED + """
                CREATE TABLE vehicles (id int NOT NULL, wheels int CHECK (wheels > 0));
                CREATE TABLE trucks (load int) INHERITS (vehicles);
                CREATE TABLE boats (id int NOT NULL, hull text,
                    wheels int CONSTRAINT vehicles_wheels_check CHECK (wheels > 0));
                """;
        assertThat(section(roundTrip("postgres", inheriting, "ALTER TABLE boats INHERIT vehicles;\n"), "up"))
                .isEqualTo("ALTER TABLE public.boats INHERIT public.vehicles;\n\n");
        try (TestDatabase live = TestDatabase.create("postgres"); TestDatabase db = TestDatabase.create("postgres")) {
            live.execute(inheriting + "ALTER TABLE trucks NO INHERIT vehicles;\n");
            db.execute(inheriting);
            String draft = DriftDraft.of(dump(live), dump(db), draftDialect(live));
            assertThat(draft).isEqualTo("""
                    -- migrate:up
                    ALTER TABLE public.trucks NO INHERIT public.vehicles;

                    -- migrate:down
                    ALTER TABLE public.trucks INHERIT public.vehicles;

                    -- matey: INHERIT keeps id, wheels as public.trucks's own columns, which the committed
                    -- table only inherits: no statement makes them inherited-only again, so the schema differs
                    -- until the table is created again.
                    """);
            db.execute(section(draft, "up"));
            assertThat(dump(db)).isEqualTo(dump(live));
            db.execute(section(draft, "down"));
            live.execute("DROP TABLE trucks; CREATE TABLE trucks (id int NOT NULL, wheels int, load int, "
                    + "CONSTRAINT vehicles_wheels_check CHECK (wheels > 0)) INHERITS (vehicles);");
            assertThat(dump(db)).isEqualTo(dump(live));
        }
    }

    /**
     * Defaults set and dropped, nullability changed and column types changed along an implicit or assignment cast
     * (with a default that the new type needs written again, a collation) are drafted as ALTER COLUMN, both ways.
     */
    @Test
    void columnDefaultsNullabilityAndCastableTypesOnPostgres() throws SQLException {
        roundTrip("postgres", COMMITTED + """
                CREATE TABLE prices (id int NOT NULL, amount int, label varchar(10) DEFAULT 'a', n bigint DEFAULT 7,
                    code text, at timestamp(3));
                """, """
                ALTER TABLE prices ALTER COLUMN amount SET DEFAULT 0, ALTER COLUMN amount SET NOT NULL;
                ALTER TABLE prices ALTER COLUMN id DROP NOT NULL;
                ALTER TABLE prices ALTER COLUMN label TYPE varchar(20), ALTER COLUMN label DROP DEFAULT;
                ALTER TABLE prices ALTER COLUMN n TYPE integer;
                ALTER TABLE prices ALTER COLUMN code TYPE varchar(5) COLLATE "C";
                ALTER TABLE prices ALTER COLUMN at TYPE timestamp(0) with time zone;
                """);
    }

    /**
     * A column type changed under views: PostgreSQL refuses ALTER COLUMN TYPE while a view or materialized view reads
     * the column, so the draft drops the views reading the table (and the views reading those) first, readers first,
     * and creates them again after the change, in dependency order, with their comments, grants and indexes; a view
     * over another table stays.
     */
    @Test
    void aColumnTypeChangedUnderViewsOnPostgresDropsAndCreatesThemAgain() throws SQLException {
        String views = """
                CREATE VIEW big_prices AS SELECT id, amount FROM prices WHERE amount > 10;
                CREATE VIEW biggest AS SELECT max(amount) AS top FROM big_prices;
                CREATE MATERIALIZED VIEW labels AS SELECT label FROM prices;
                CREATE INDEX labels_label ON labels (label);
                COMMENT ON VIEW big_prices IS 'big';
                GRANT SELECT ON biggest TO PUBLIC;
                """;
        String draft = roundTrip("postgres", COMMITTED + "CREATE TABLE prices (id int, amount int, label varchar(10));\n"
                + views + "CREATE VIEW titles AS SELECT title FROM notes;\n", """
                DROP VIEW biggest;
                DROP VIEW big_prices;
                DROP MATERIALIZED VIEW labels;
                ALTER TABLE prices ALTER COLUMN amount TYPE bigint, ALTER COLUMN label TYPE varchar(20);
                """ + views);
        assertThat(section(draft, "up")).containsSubsequence("DROP VIEW public.biggest;", "DROP VIEW public.big_prices;",
                "ALTER TABLE public.prices ALTER COLUMN amount TYPE bigint;", "CREATE VIEW public.big_prices",
                "CREATE VIEW public.biggest").doesNotContain("DROP VIEW public.titles");
    }

    /**
     * A column type changed under a policy and a trigger's WHEN reading it (PostgreSQL refuses ALTER COLUMN TYPE under
     * either, so they went and came back by hand): both are dropped first, with the policy's comment, and created
     * again after the change, in up and in down; a trigger without WHEN stays.
     */
    @Test
    void aColumnTypeChangedUnderAPolicyAndATriggerOnPostgres() throws SQLException {
        String dependents = """
                CREATE POLICY own ON accounts USING (owner = current_user);
                COMMENT ON POLICY own ON accounts IS 'mine';
                CREATE TRIGGER owner_changed BEFORE UPDATE ON accounts FOR EACH ROW
                    WHEN (OLD.owner IS DISTINCT FROM NEW.owner) EXECUTE FUNCTION keep();
                """;
        String draft = roundTrip("postgres", COMMITTED + """
                CREATE TABLE accounts (id int PRIMARY KEY, owner text NOT NULL);
                ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
                CREATE FUNCTION keep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                CREATE TRIGGER any_change BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION keep();
                """ + dependents, "DROP POLICY own ON accounts;\nDROP TRIGGER owner_changed ON accounts;\n"
                + "ALTER TABLE accounts ALTER COLUMN owner TYPE varchar(100);\n" + dependents);
        for (String section : List.of(section(draft, "up"), section(draft, "down"))) {
            String retype = "ALTER TABLE public.accounts ALTER COLUMN owner TYPE ";
            assertThat(section).containsSubsequence("DROP POLICY own ON public.accounts;", retype,
                    "CREATE POLICY own ON public.accounts", "COMMENT ON POLICY own ON public.accounts IS 'mine';")
                    .containsSubsequence("DROP TRIGGER owner_changed ON public.accounts;", retype,
                            "CREATE TRIGGER owner_changed ").doesNotContain("any_change");
        }
    }

    /**
     * A materialized view whose query changed by hand is dropped and created again, readers first, with its index,
     * comment and grant; one the live database left unpopulated (WITH NO DATA), changed or new, is created so, and the
     * committed one populated again in down.
     */
    @Test
    void aChangedMaterializedViewOnPostgresIsDroppedAndCreatedAgainPopulatedAsLive() throws SQLException {
        String committedSql = COMMITTED + """
                CREATE TABLE prices (id int, amount int, label text);
                CREATE MATERIALIZED VIEW totals AS SELECT id, amount FROM prices;
                CREATE UNIQUE INDEX totals_id ON totals (id);
                COMMENT ON MATERIALIZED VIEW totals IS 'sums';
                GRANT SELECT ON totals TO PUBLIC;
                CREATE VIEW big_totals AS SELECT id FROM totals WHERE amount > 10;
                CREATE MATERIALIZED VIEW labels AS SELECT label FROM prices;
                """;
        try (TestDatabase live = TestDatabase.create("postgres"); TestDatabase db = TestDatabase.create("postgres")) {
            live.execute(committedSql + """
                    DROP VIEW big_totals;
                    DROP MATERIALIZED VIEW totals;
                    CREATE MATERIALIZED VIEW totals AS SELECT id, amount * 2 AS amount FROM prices;
                    CREATE UNIQUE INDEX totals_id ON totals (id);
                    COMMENT ON MATERIALIZED VIEW totals IS 'sums';
                    GRANT SELECT ON totals TO PUBLIC;
                    CREATE VIEW big_totals AS SELECT id FROM totals WHERE amount > 10;
                    DROP MATERIALIZED VIEW labels;
                    CREATE MATERIALIZED VIEW labels AS SELECT upper(label) AS label FROM prices WITH NO DATA;
                    CREATE MATERIALIZED VIEW fresh AS SELECT id FROM prices WITH NO DATA;
                    """);
            db.execute(committedSql);
            String committed = dump(db);
            String draft = DriftDraft.of(dump(live), committed, draftDialect(live));
            assertThat(draft).doesNotContain("Not drafted", "Changed out of band", "-- Undo");
            assertThat(section(draft, "up")).containsSubsequence("DROP VIEW public.big_totals;",
                    "DROP MATERIALIZED VIEW public.totals;", "CREATE MATERIALIZED VIEW public.totals AS",
                    "CREATE VIEW public.big_totals", "CREATE UNIQUE INDEX totals_id");
            db.execute(section(draft, "up"));
            assertThat(dump(db)).isEqualTo(dump(live));
            assertThat(populated(db, "totals", "labels", "fresh")).containsExactly(true, false, false);
            db.execute(section(draft, "down"));
            assertThat(dump(db)).isEqualTo(committed);
            assertThat(populated(db, "totals", "labels")).containsExactly(true, true);
        }
    }

    /** Whether each materialized view of {@code db}'s public schema is populated. */
    private static List<Boolean> populated(TestDatabase db, String... views) throws SQLException {
        List<Boolean> populated = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement query = c.prepareStatement(
                "SELECT relispopulated FROM pg_class WHERE oid = ('public.' || ?)::regclass")) {
            for (String view : views) {
                query.setString(1, view);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    populated.add(rows.getBoolean(1));
                }
            }
        }
        return populated;
    }

    /**
     * A column dropped by hand under views (PostgreSQL refuses DROP COLUMN while a view reads it, so the views went
     * with CASCADE, one written again), and one added that a new view reads: the views reading the table are dropped
     * first, readers first, and created again after the table's changes, in up and in down.
     */
    @Test
    void aColumnDroppedUnderViewsOnPostgresDropsAndCreatesThemAgain() throws SQLException {
        String draft = roundTrip("postgres", COMMITTED + """
                CREATE TABLE prices (id int, amount int, label text);
                CREATE VIEW labelled AS SELECT id, label FROM prices;
                CREATE VIEW labelled_ids AS SELECT id FROM labelled;
                CREATE MATERIALIZED VIEW labels AS SELECT label FROM prices;
                COMMENT ON VIEW labelled IS 'with labels';
                """, """
                ALTER TABLE prices DROP COLUMN label CASCADE;
                CREATE VIEW labelled AS SELECT id, amount FROM prices;
                ALTER TABLE prices ADD COLUMN note integer;
                CREATE VIEW notes_v AS SELECT note FROM prices;
                """);
        assertThat(section(draft, "up")).containsSubsequence("DROP VIEW public.labelled_ids;",
                "DROP VIEW public.labelled;", "ALTER TABLE public.prices DROP COLUMN label;", "CREATE VIEW public.labelled");
        assertThat(section(draft, "down")).containsSubsequence("DROP VIEW public.notes_v;",
                "ALTER TABLE public.prices DROP COLUMN note;", "CREATE VIEW public.labelled_ids");
    }

    /**
     * A column dropped by hand under a view that expanded {@code t.*} (dropped and written again around the drop, with
     * the view reading it), beside views that read the table as a whole row ({@code SELECT t}, {@code row_to_json(t)}),
     * which the server lets the drop follow, and views that do not read the column: only the expanded view and its
     * reader are dropped and created again, in up and in down.
     */
    @Test
    void aColumnDroppedUnderAnExpandedViewBesideWholeRowReadersOnPostgres() throws SQLException {
        String draft = roundTrip("postgres", COMMITTED + """
                CREATE TABLE t (id int PRIMARY KEY, a int, b text);
                CREATE VIEW whole AS SELECT t FROM t;
                CREATE VIEW json AS SELECT row_to_json(t) AS j FROM t;
                CREATE VIEW expanded AS SELECT t.* FROM t;
                CREATE VIEW expanded_ids AS SELECT id FROM expanded;
                CREATE VIEW ids AS SELECT id, a FROM t;
                """, """
                DROP VIEW expanded_ids;
                DROP VIEW expanded;
                ALTER TABLE t DROP COLUMN b;
                CREATE VIEW expanded AS SELECT t.* FROM t;
                CREATE VIEW expanded_ids AS SELECT id FROM expanded;
                """);
        for (String section : List.of(section(draft, "up"), section(draft, "down"))) {
            assertThat(section).containsSubsequence("DROP VIEW public.expanded_ids;", "DROP VIEW public.expanded;",
                    " COLUMN b", "CREATE VIEW public.expanded AS", "CREATE VIEW public.expanded_ids AS")
                    .doesNotContain("VIEW public.whole", "VIEW public.json", "VIEW public.ids");
        }
    }

    /**
     * A column added by hand under views, and one dropped that no view reads: the views, the same in both dumps (a
     * SELECT * keeps the columns it was created with), cannot read a column only one dump has, so they stay, in up and
     * in down.
     */
    @Test
    void columnsAddedAndDroppedBesideUnchangedViewsOnPostgresLeaveTheViews() throws SQLException {
        String draft = roundTrip("postgres", COMMITTED + """
                CREATE TABLE issues (id int PRIMARY KEY, state text, kind text, label int);
                CREATE MATERIALIZED VIEW issue_counts AS SELECT state, kind, count(*) AS n FROM issues GROUP BY state, kind;
                CREATE VIEW open_issues AS SELECT id, state FROM issues WHERE state <> 'done';
                CREATE VIEW open_ids AS SELECT id FROM open_issues;
                CREATE VIEW all_notes AS SELECT * FROM notes;
                """, """
                ALTER TABLE issues ADD COLUMN severity text;
                ALTER TABLE issues DROP COLUMN label;
                ALTER TABLE notes ADD COLUMN severity text;
                """);
        assertThat(draft).doesNotContain("DROP VIEW", "DROP MATERIALIZED VIEW", "CREATE VIEW", "CREATE MATERIALIZED VIEW");
        assertThat(section(draft, "up")).contains("ALTER TABLE public.issues ADD COLUMN severity text;",
                "ALTER TABLE public.issues DROP COLUMN label;", "ALTER TABLE public.notes ADD COLUMN severity text;");
    }

    /**
     * Typed tables (CREATE TABLE t OF type) on PostgreSQL: a column's default and nullability and a constraint changed
     * by hand are drafted as for any table, and a table made untyped (NOT OF) or typed (OF type) by hand gets that
     * statement, both ways.
     */
    @Test
    void typedTablesOnPostgres() throws SQLException {
        roundTrip("postgres", COMMITTED + """
                CREATE TYPE pair AS (a integer, b text);
                CREATE TABLE pairs OF pair (a WITH OPTIONS PRIMARY KEY, b WITH OPTIONS DEFAULT 'y');
                CREATE TABLE pairs2 OF pair (b WITH OPTIONS NOT NULL);
                CREATE TABLE loose (a integer, b text DEFAULT 'z');
                """, """
                ALTER TABLE pairs ALTER COLUMN b SET DEFAULT 'x', ALTER COLUMN b SET NOT NULL;
                ALTER TABLE pairs DROP CONSTRAINT pairs_pkey;
                ALTER TABLE pairs ALTER COLUMN a DROP NOT NULL;
                ALTER TABLE pairs ADD CONSTRAINT pairs_b CHECK (b <> '');
                ALTER TABLE pairs2 NOT OF;
                ALTER TABLE loose OF pair;
                ALTER TABLE loose ALTER COLUMN b DROP DEFAULT;
                """);
    }

    /**
     * A composite type's attributes dropped, added and retyped by hand with CASCADE, which changes its typed tables
     * too (and drops the view reading the dropped one): drafted as ALTER TYPE ... CASCADE both ways, the views reading
     * its typed tables dropped before and created after, and a default given by hand to a typed table's new column set
     * after it and dropped before it goes.
     */
    @Test
    void compositeTypeAttributesChangedUnderTypedTablesOnPostgres() throws SQLException {
        roundTrip("postgres", COMMITTED + """
                CREATE TYPE pair AS (a integer, b text, c text);
                CREATE TABLE pairs OF pair (a WITH OPTIONS PRIMARY KEY, b WITH OPTIONS DEFAULT 'y');
                CREATE TABLE pairs_too OF pair;
                CREATE VIEW pair_cs AS SELECT a, c FROM pairs_too;
                """, """
                ALTER TYPE pair DROP ATTRIBUTE c CASCADE;
                ALTER TYPE pair ALTER ATTRIBUTE a TYPE bigint CASCADE;
                ALTER TYPE pair ADD ATTRIBUTE d date CASCADE;
                ALTER TABLE pairs ALTER COLUMN d SET DEFAULT '2026-01-01';
                CREATE VIEW pair_cs AS SELECT a, d FROM pairs_too;
                """);
    }

    /**
     * A foreign table changed by hand (columns, nullability, table and column options) is dropped and created again
     * with its live text, its rows being on the remote server: the view reading it first, and its grant and comment
     * after it.
     */
    @Test
    void changedForeignTablesOnPostgresAreDroppedAndCreatedAgain() throws SQLException {
        String draft = roundTrip("postgres", COMMITTED + """
                CREATE FOREIGN DATA WRAPPER matey_draft_fdw;
                CREATE SERVER matey_draft_srv FOREIGN DATA WRAPPER matey_draft_fdw OPTIONS (host 'localhost');
                CREATE FOREIGN TABLE remote (id integer, name text) SERVER matey_draft_srv OPTIONS (table_name 'r');
                CREATE FOREIGN TABLE remote2 (id integer OPTIONS (column_name 'i'), name text) SERVER matey_draft_srv;
                CREATE VIEW remote_ids AS SELECT id FROM remote;
                GRANT SELECT ON remote TO PUBLIC;
                COMMENT ON FOREIGN TABLE remote IS 'far';
                """, """
                ALTER FOREIGN TABLE remote ADD COLUMN extra int, ALTER COLUMN name SET NOT NULL;
                ALTER FOREIGN TABLE remote OPTIONS (SET table_name 'r2');
                ALTER FOREIGN TABLE remote2 ALTER COLUMN id OPTIONS (SET column_name 'j'), DROP COLUMN name;
                """);
        assertThat(section(draft, "up")).containsSubsequence("DROP VIEW public.remote_ids;",
                "DROP FOREIGN TABLE public.remote;", "CREATE FOREIGN TABLE public.remote (",
                "GRANT SELECT ON TABLE public.remote TO PUBLIC;", "CREATE VIEW public.remote_ids");
    }

    /**
     * A type changed where no implicit or assignment cast converts the values (text to integer) is not drafted: a
     * comment says why and gives the statement to complete with a USING expression; the rest of the table is.
     */
    @Test
    void aTypeWithoutAnAssignmentCastIsLeftToTheAuthorOnPostgres() throws SQLException {
        try (TestDatabase live = TestDatabase.create("postgres")) {
            String committedSql = COMMITTED + "CREATE TABLE prices (code text, amount int);\n";
            live.execute(committedSql + "ALTER TABLE prices ALTER COLUMN code TYPE integer USING code::integer;\n"
                    + "ALTER TABLE prices ALTER COLUMN amount SET DEFAULT 1;\n");
            try (TestDatabase db = TestDatabase.create("postgres")) {
                db.execute(committedSql);
                String draft = DriftDraft.of(dump(live), dump(db), draftDialect(live));
                assertThat(section(draft, "up")).contains("ALTER TABLE public.prices ALTER COLUMN amount SET DEFAULT 1;",
                        "-- Not drafted as SQL: column code's type text has no implicit or assignment cast to integer,",
                        "-- ALTER TABLE public.prices ALTER COLUMN code TYPE integer USING ");
                assertThat(section(draft, "down")).contains("ALTER TABLE public.prices ALTER COLUMN amount DROP DEFAULT;",
                        "ALTER TABLE public.prices ALTER COLUMN code TYPE text;");
            }
        }
    }

    /**
     * A materialized view renamed by hand, with a unique index (which keeps its name) and a grant: the draft renames
     * it, which keeps its rows, index and grant, rather than dropping it (and the index with it) and creating it anew.
     */
    @Test
    void aRenamedMaterializedViewKeepsItsIndexOnPostgres() throws SQLException {
        String draft = roundTrip("postgres", COMMITTED + """
                CREATE MATERIALIZED VIEW totals AS SELECT id, title FROM notes;
                CREATE UNIQUE INDEX totals_id ON totals (id);
                GRANT SELECT ON totals TO PUBLIC;
                """, "ALTER MATERIALIZED VIEW totals RENAME TO note_totals;\n");
        assertThat(draft).contains("ALTER MATERIALIZED VIEW public.totals RENAME TO note_totals;")
                .doesNotContain("DROP MATERIALIZED VIEW", "CREATE MATERIALIZED VIEW");
    }

    /** MariaDB drops a CHECK as a constraint and a UNIQUE constraint as the index it is. */
    @Test
    void constraintsAddedDroppedAndChangedOnMariadb() throws SQLException {
        roundTrip("mysql", COMMITTED + "ALTER TABLE notes ADD CONSTRAINT notes_body CHECK (body <> '');\n"
                + "ALTER TABLE notes ADD CONSTRAINT notes_id UNIQUE (id, title);\n",
                "ALTER TABLE notes ADD CONSTRAINT `Title Check` CHECK (title <> '');\n"
                        + "ALTER TABLE notes ADD CONSTRAINT notes_title UNIQUE (title, body(10));\n"
                        + "ALTER TABLE notes DROP CONSTRAINT notes_body;\n"
                        + "ALTER TABLE notes DROP INDEX notes_id;\nALTER TABLE notes ADD CONSTRAINT notes_id UNIQUE (id);\n");
    }

    /** Storage parameters set, changed and reset by hand on PostgreSQL are set and reset back. */
    @Test
    void tableStorageParametersOnPostgresAreSetAndResetBack() throws SQLException {
        String cache = COMMITTED + "CREATE TABLE cache (k text, v bytea) WITH (fillfactor=70, autovacuum_enabled=false);\n";
        roundTrip("postgres", cache, "ALTER TABLE cache SET (fillfactor=80, toast.autovacuum_enabled=false);\n");
        roundTrip("postgres", cache, "ALTER TABLE cache RESET (fillfactor, autovacuum_enabled);\n");
        roundTrip("postgres", COMMITTED, "ALTER TABLE notes SET (parallel_workers=2);\n");
    }

    /** A view's options set, changed and reset by hand on PostgreSQL are set and reset back by ALTER VIEW. */
    @Test
    void viewOptionsOnPostgresAreSetAndResetBack() throws SQLException {
        String views = COMMITTED + "CREATE VIEW guarded WITH (security_barrier) AS SELECT id FROM notes WHERE id > 0;\n"
                + "CREATE VIEW checked AS SELECT id FROM notes WHERE id > 0 WITH LOCAL CHECK OPTION;\n";
        String draft = roundTrip("postgres", views, "ALTER VIEW guarded SET (security_barrier=false);\n");
        assertThat(section(draft, "up")).contains("ALTER VIEW public.guarded SET (security_barrier=false);")
                .doesNotContain("CREATE");
        assertThat(section(draft, "down")).contains("ALTER VIEW public.guarded SET (security_barrier=true);");
        roundTrip("postgres", views, "ALTER VIEW guarded RESET (security_barrier);\n"
                + "ALTER VIEW checked SET (check_option=cascaded, security_invoker=true);\n");
    }

    /** An identity's kind and sequence options changed by hand on PostgreSQL are set, every option stated, and back. */
    @Test
    void identityOptionsOnPostgresAreSetAndSetBack() throws SQLException {
        String tickets = COMMITTED + "CREATE TABLE tickets (id bigint GENERATED ALWAYS AS IDENTITY, n smallint "
                + "GENERATED BY DEFAULT AS IDENTITY (START WITH 10 INCREMENT BY 5 CACHE 20), m integer GENERATED "
                + "ALWAYS AS IDENTITY (START WITH 50));\n";
        roundTrip("postgres", tickets, """
                ALTER TABLE tickets ALTER COLUMN id SET INCREMENT BY 10 SET MAXVALUE 1000 SET START WITH 7 SET CYCLE;
                ALTER TABLE tickets ALTER COLUMN n SET GENERATED ALWAYS SET INCREMENT BY -1 SET MAXVALUE 100;
                ALTER TABLE tickets ALTER COLUMN m SET MINVALUE 20;
                """);
    }

    /** A sequence's options changed by hand are altered, every option stated, and altered back, not dropped. */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void sequenceOptionsChangedByHandAreAlteredBack(String engine) throws SQLException {
        String draft = roundTrip(engine, COMMITTED + "CREATE SEQUENCE ticket_numbers START WITH 5 CACHE 10;\n",
                "ALTER SEQUENCE ticket_numbers INCREMENT BY 3 CACHE 100;\n");
        assertThat(section(draft, "up")).startsWith("ALTER SEQUENCE ").doesNotContain("DROP");
    }

    /**
     * A partition added by hand at the end of a LIST or RANGE scheme on MariaDB is drafted as ADD PARTITION and dropped
     * by name, not by restating the whole scheme (a table rewrite, whose down fails once rows are in the partition);
     * one dropped by hand likewise; a partition edited keeps the whole clause.
     */
    @Test
    void partitionsAddedOrDroppedAtTheEndOnMariadbAreAddedAndDroppedByName() throws SQLException {
        String byCountry = "CREATE TABLE sales (id INT, country CHAR(2), PRIMARY KEY (id, country)) PARTITION BY LIST "
                + "COLUMNS(country) (PARTITION p_eu VALUES IN ('DE','FR'), PARTITION p_us VALUES IN ('US'));\n";
        String added = roundTrip("mysql", byCountry,
                "ALTER TABLE sales ADD PARTITION (PARTITION p_af VALUES IN ('ZA','NG'), PARTITION p_as VALUES IN ('JP'));\n");
        assertThat(section(added, "up")).contains("ALTER TABLE `sales` ADD PARTITION (PARTITION `p_af` VALUES IN "
                + "('ZA','NG') ENGINE = InnoDB,\n PARTITION `p_as` VALUES IN ('JP') ENGINE = InnoDB);")
                .doesNotContain("PARTITION BY");
        assertThat(section(added, "down")).contains("ALTER TABLE `sales` DROP PARTITION `p_af`, `p_as`;")
                .doesNotContain("PARTITION BY");
        String byId = "CREATE TABLE events (id INT PRIMARY KEY) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN "
                + "(10), PARTITION p1 VALUES LESS THAN (20));\n";
        String dropped = roundTrip("mysql", byId, "ALTER TABLE events DROP PARTITION p1;\n");
        assertThat(section(dropped, "up")).contains("ALTER TABLE `events` DROP PARTITION `p1`;");
        assertThat(section(dropped, "down")).contains("ADD PARTITION (PARTITION `p1` VALUES LESS THAN (20)");
        assertThat(section(roundTrip("mysql", byId, "ALTER TABLE events REORGANIZE PARTITION p1 INTO (PARTITION p1 "
                + "VALUES LESS THAN (30));\n"), "up")).contains("PARTITION BY RANGE").doesNotContain("ADD PARTITION");
    }

    /** A table comment set, changed or removed by hand on MariaDB is set back, quotes and all. */
    @Test
    void tableCommentsOnMariadbAreSetBack() throws SQLException {
        roundTrip("mysql", COMMITTED, "ALTER TABLE notes COMMENT='it''s \\\\ noted';\n");
        roundTrip("mysql", COMMITTED + "ALTER TABLE notes COMMENT='first';\n", "ALTER TABLE notes COMMENT='';\n");
    }

    /**
     * System versioning added and dropped by hand on MariaDB, and partitioning changed (REORGANIZE PARTITION), removed
     * and added: the versioning by ADD|DROP SYSTEM VERSIONING, the partitioning by the whole PARTITION BY clause or
     * REMOVE PARTITIONING, both ways.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void systemVersioningAndPartitioningChangedOnMariadb(String engine) throws SQLException {
        roundTrip(engine, COMMITTED + """
                CREATE TABLE logs (id INTEGER NOT NULL, at DATE) WITH SYSTEM VERSIONING;
                CREATE TABLE audits (id INTEGER NOT NULL, at DATE);
                CREATE TABLE ranged (id INTEGER NOT NULL) PARTITION BY RANGE (id)
                    (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN (20));
                CREATE TABLE hashed (id INTEGER NOT NULL) PARTITION BY HASH (id) PARTITIONS 3;
                """, """
                ALTER TABLE logs DROP SYSTEM VERSIONING;
                ALTER TABLE audits ADD SYSTEM VERSIONING;
                ALTER TABLE ranged REORGANIZE PARTITION p1 INTO
                    (PARTITION p1 VALUES LESS THAN (15), PARTITION p2 VALUES LESS THAN (30));
                ALTER TABLE hashed REMOVE PARTITIONING;
                ALTER TABLE notes PARTITION BY KEY (id) PARTITIONS 2;
                """);
    }

    /**
     * Columns added, dropped and changed, and a primary key added, on a system-versioned MariaDB table, which the
     * server refuses unless system_versioning_alter_history is KEEP, both ways.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void columnsOfASystemVersionedTableChangedOnMariadb(String engine) throws SQLException {
        String draft = roundTrip(engine, COMMITTED + """
                CREATE TABLE logs (id INTEGER NOT NULL, at DATE, note TEXT) WITH SYSTEM VERSIONING;
                """, """
                SET @@system_versioning_alter_history = KEEP;
                ALTER TABLE logs DROP COLUMN note, ADD COLUMN level INTEGER, MODIFY COLUMN at DATETIME,
                    ADD PRIMARY KEY (id);
                """);
        assertThat(section(draft, "up")).startsWith("SET @@system_versioning_alter_history = KEEP;")
                .endsWith("SET @@system_versioning_alter_history = DEFAULT;\n\n");
    }

    /** A domain's default, NOT NULL and named checks changed by hand on PostgreSQL are altered, and back. */
    @Test
    void aDomainChangedOnPostgresIsAltered() throws SQLException {
        roundTrip("postgres", COMMITTED + """
                CREATE DOMAIN email AS text CONSTRAINT email_check CHECK (VALUE LIKE '%@%');
                CREATE DOMAIN code AS varchar(8) DEFAULT 'none' NOT NULL CONSTRAINT code_short CHECK (length(VALUE) < 8)
                    CONSTRAINT code_upper CHECK (VALUE = upper(VALUE));
                CREATE TABLE people (id int, mail email, code code);
                """, """
                ALTER DOMAIN email SET DEFAULT 'a@b';
                ALTER DOMAIN email SET NOT NULL;
                ALTER DOMAIN email ADD CONSTRAINT email_long CHECK (length(VALUE) > 3);
                ALTER DOMAIN code DROP DEFAULT;
                ALTER DOMAIN code DROP NOT NULL;
                ALTER DOMAIN code DROP CONSTRAINT code_short;
                ALTER DOMAIN code DROP CONSTRAINT code_upper;
                ALTER DOMAIN code ADD CONSTRAINT code_upper CHECK (VALUE = lower(VALUE));
                """);
    }

    /**
     * A domain's NOT VALID constraints, which the dump adds after the domain: one added NOT VALID is dropped in down,
     * one validated by hand is dropped before the domain's change adds it validated (and back), one made NOT VALID
     * (changed) is dropped and added NOT VALID, and one changed while NOT VALID is dropped and added again.
     */
    @Test
    void aDomainsNotValidConstraintsOnPostgresRoundTrip() throws SQLException {
        roundTrip("postgres", COMMITTED + """
                CREATE DOMAIN d1 AS integer;
                ALTER DOMAIN d1 ADD CONSTRAINT c1 CHECK (VALUE > 0) NOT VALID;
                CREATE DOMAIN d2 AS integer CONSTRAINT c2 CHECK (VALUE > 0);
                CREATE DOMAIN d3 AS integer;
                ALTER DOMAIN d3 ADD CONSTRAINT c4 CHECK (VALUE > 0) NOT VALID;
                CREATE TABLE p (id int, n1 d1, n2 d2, n3 d3);
                INSERT INTO p VALUES (1, 1, 1, 1);
                """, """
                ALTER DOMAIN d1 VALIDATE CONSTRAINT c1;
                ALTER DOMAIN d2 DROP CONSTRAINT c2;
                ALTER DOMAIN d2 ADD CONSTRAINT c2 CHECK (VALUE > 1) NOT VALID;
                ALTER DOMAIN d2 ADD CONSTRAINT c3 CHECK (VALUE < 100) NOT VALID;
                ALTER DOMAIN d3 DROP CONSTRAINT c4;
                ALTER DOMAIN d3 ADD CONSTRAINT c4 CHECK (VALUE > 5) NOT VALID;
                """);
    }

    /**
     * A domain's base type or collation, which ALTER DOMAIN cannot change: a domain nothing uses is dropped and
     * created again, both ways.
     */
    @Test
    void anUnusedDomainsBaseTypeAndCollationOnPostgresAreDroppedAndCreatedAgain() throws SQLException {
        roundTrip("postgres", COMMITTED + """
                CREATE DOMAIN d AS integer CHECK (VALUE > 0);
                CREATE DOMAIN e AS text COLLATE "C";
                """, """
                DROP DOMAIN d;
                CREATE DOMAIN d AS bigint CHECK (VALUE > 0);
                DROP DOMAIN e;
                CREATE DOMAIN e AS text COLLATE "POSIX";
                """);
    }

    /**
     * A used domain's base type changed by hand (its column moved off it and back) is left to the author: the draft
     * says what ALTER DOMAIN cannot do and what to write, with both definitions, and runs nothing.
     */
    @Test
    void aUsedDomainsBaseTypeOnPostgresIsLeftToTheAuthorByName() throws SQLException {
        try (TestDatabase live = TestDatabase.create("postgres"); TestDatabase db = TestDatabase.create("postgres")) {
            String committedSql = "CREATE DOMAIN d AS integer;\nCREATE TABLE p (id int, n d);\n";
            live.execute(committedSql + "ALTER TABLE p ALTER COLUMN n TYPE integer;\nDROP DOMAIN d;\n"
                    + "CREATE DOMAIN d AS bigint;\nALTER TABLE p ALTER COLUMN n TYPE d;\n");
            db.execute(committedSql);
            String draft = DriftDraft.of(dump(live), dump(db), draftDialect(live));
            assertThat(section(draft, "up")).startsWith("-- Not drafted as SQL: domain public.d's base type (with its "
                    + "collation) integer, now bigint, which ALTER DOMAIN cannot change; by hand: ALTER each column of "
                    + "public.d TYPE its base type, DROP DOMAIN public.d, CREATE it as live, and ALTER the columns back "
                    + "TYPE public.d.\n").contains("-- CREATE DOMAIN public.d AS bigint;");
            assertThat(draft.lines().filter(line -> !line.isBlank() && !line.startsWith("--"))).isEmpty();
        }
    }

    /**
     * Dropping an attribute from a typed table's type (CASCADE) takes the table's options on it (default, NOT NULL),
     * its constraints and indexes naming it: the up section does not drop them again, and the down section gives
     * them back after the attribute is added again.
     */
    @Test
    void optionsOfAnAttributeDroppedFromATypedTablesTypeOnPostgres() throws SQLException {
        roundTrip("postgres", COMMITTED + """
                CREATE TYPE pair AS (a integer, b text);
                CREATE TABLE pairs OF pair (a WITH OPTIONS PRIMARY KEY, b WITH OPTIONS DEFAULT 'y' NOT NULL,
                    CONSTRAINT pairs_b CHECK (b <> ''), CONSTRAINT pairs_ab UNIQUE (a, b));
                CREATE INDEX pairs_b_ix ON pairs (b);
                CREATE TABLE pairs_too OF pair (b WITH OPTIONS DEFAULT 'z');
                """, "ALTER TYPE pair DROP ATTRIBUTE b CASCADE;\n");
    }

    /**
     * An attribute dropped by hand from a typed table's type that stood before another: up drops it (CASCADE, its
     * index first), and down, where ADD ATTRIBUTE would append it, refuses by name, with what the author must write:
     * the attribute, the typed tables' options and constraint on it, and its index, all as comments.
     */
    @Test
    void aNonLastAttributeDroppedFromATypedTablesTypeOnPostgresIsNotAddedBackOutOfPlace() throws SQLException {
        String committedSql = COMMITTED + """
                CREATE TYPE pair AS (a integer, b text, c text);
                CREATE TABLE pairs OF pair (a WITH OPTIONS PRIMARY KEY, b WITH OPTIONS DEFAULT 'y',
                    CONSTRAINT pairs_b CHECK (b <> ''));
                CREATE INDEX pairs_b_ix ON pairs (b);
                CREATE TABLE others OF pair;
                INSERT INTO pairs VALUES (1, 'x', 'y'), (2, 'z', 'w');
                """;
        try (TestDatabase live = TestDatabase.create("postgres"); TestDatabase db = TestDatabase.create("postgres")) {
            live.execute(committedSql);
            live.execute("ALTER TYPE pair DROP ATTRIBUTE b CASCADE;\n");
            db.execute(committedSql);
            String draft = DriftDraft.of(dump(live), dump(db), draftDialect(live));
            assertThat(section(draft, "up")).isEqualTo("DROP INDEX public.pairs_b_ix;\n\n"
                    + "ALTER TYPE public.pair DROP ATTRIBUTE b CASCADE;\n\n");
            assertThat(section(draft, "down")).startsWith("-- Not drafted as SQL: attribute b of public.pair stood "
                    + "before others, and ALTER TYPE ... ADD ATTRIBUTE appends (in its typed tables public.others, "
                    + "public.pairs too),\n-- so no statement puts it back in its place.").contains(
                    "-- ALTER TYPE public.pair ADD ATTRIBUTE b text CASCADE;",
                    "-- ALTER TABLE public.pairs ALTER COLUMN b SET DEFAULT 'y'::text;",
                    "-- ALTER TABLE public.pairs ADD CONSTRAINT pairs_b CHECK ((b <> ''::text));",
                    "-- CREATE INDEX pairs_b_ix ON public.pairs USING btree (b);");
            assertThat(section(draft, "down").lines().filter(line -> !line.isBlank() && !line.startsWith("--")))
                    .isEmpty();
            db.execute(section(draft, "up"));
            assertThat(dump(db)).isEqualTo(dump(live));
        }
    }

    /**
     * A relation dropped by hand whose name a created one takes (a table's key index, a sequence's name): the drop,
     * with the drops of what reads the dropped relation, comes before the creates in up, and the created one's drop,
     * with the drops of what reads it, before the dropped one is created again in down.
     */
    @Test
    void aDroppedRelationsNameTakenByACreatedOneOnPostgres() throws SQLException {
        roundTrip("postgres", COMMITTED + """
                CREATE TABLE a (id int, CONSTRAINT a_pkey PRIMARY KEY (id));
                CREATE VIEW a_ids AS SELECT id FROM a;
                CREATE SEQUENCE counter;
                """, """
                DROP VIEW a_ids;
                DROP TABLE a;
                CREATE TABLE b (id int, x text, CONSTRAINT a_pkey PRIMARY KEY (id));
                CREATE VIEW b_ids AS SELECT id FROM b;
                DROP SEQUENCE counter;
                CREATE TABLE counter (n int);
                """);
    }

    /**
     * A table renamed by hand with its index given another name, and a new index taking the old name on another
     * table: the down section creates the index again on the table under its live name, before the rename back.
     */
    @Test
    void anIndexNameFreedByARenameAndTakenAgainOnPostgres() throws SQLException {
        roundTrip("postgres", COMMITTED + """
                CREATE TABLE t_c (id int, qty int);
                CREATE INDEX t_c_qty ON t_c (qty);
                CREATE TABLE z (id int);
                """, """
                ALTER TABLE t_c RENAME TO t_g;
                ALTER INDEX t_c_qty RENAME TO t_g_qty;
                CREATE INDEX t_c_qty ON z (id);
                """);
    }

    /**
     * Renames beside a dropped column on PostgreSQL: the views reading the table are dropped first and created again
     * last, and the renames neither replace, recreate nor (a materialized view) rename them besides, which would
     * create a view twice or drop it by a name the renames have not given yet.
     */
    @Test
    void viewsReadingATableWithARenamedAndADroppedColumnOnPostgres() throws SQLException {
        roundTrip("postgres", COMMITTED + """
                CREATE TABLE t_c (id int PRIMARY KEY, qty numeric(10,3), name text);
                CREATE VIEW v AS SELECT id, qty FROM t_c;
                CREATE VIEW w AS SELECT id, qty FROM t_c;
                CREATE MATERIALIZED VIEW m AS SELECT id, qty FROM t_c;
                CREATE VIEW mv AS SELECT id FROM m;
                """, """
                ALTER TABLE t_c RENAME COLUMN qty TO quantity;
                DROP VIEW w;
                ALTER TABLE t_c DROP COLUMN name;
                CREATE VIEW w AS SELECT id, quantity, 1 AS one FROM t_c;
                ALTER MATERIALIZED VIEW m RENAME TO m2;
                """);
    }

    /** ClickHouse drops a skipping index as an index and a check as a constraint; an added index is materialized. */
    @Test
    void skippingIndexesAndConstraintsAddedDroppedAndChangedOnClickhouse() throws SQLException {
        roundTrip("clickhouse", "CREATE TABLE events (id UInt32, event String, INDEX idx_event event TYPE set(100) "
                + "GRANULARITY 4, INDEX idx_id id TYPE minmax GRANULARITY 1, CONSTRAINT id_positive CHECK id > 0) "
                + "ENGINE = MergeTree ORDER BY id;\n", """
                ALTER TABLE events DROP INDEX idx_event;
                ALTER TABLE events ADD INDEX idx_new event TYPE bloom_filter GRANULARITY 1;
                ALTER TABLE events DROP INDEX idx_id;
                ALTER TABLE events ADD INDEX idx_id id TYPE minmax GRANULARITY 2;
                ALTER TABLE events DROP CONSTRAINT id_positive;
                ALTER TABLE events ADD CONSTRAINT event_set CHECK event != '';
                """);
    }

    /**
     * ClickHouse: columns added and dropped out of band go back to their place ({@code FIRST}, {@code AFTER}); a
     * column's comment, codec and default are set or removed ({@code MODIFY COLUMN} keeps what it does not name); the
     * table's TTL (over an added and a dropped column), settings and comment are modified, reset and removed. Each
     * statement is undone by one, in reverse, so that each pair can be a migration of its own (a setting reset comes
     * back last: the committed table's last one is reset here).
     */
    @Test
    void columnPlacesPropertiesAndTableOptionsOnClickhouse() throws SQLException {
        String draft = roundTrip("clickhouse", """
                CREATE TABLE events (id UInt32, d DateTime, grp String COMMENT 'group' CODEC(ZSTD(1)), v UInt64,
                  w UInt8, x UInt8 DEFAULT 1, y String COMMENT 'why') ENGINE = MergeTree ORDER BY id TTL d + INTERVAL 1 DAY
                  SETTINGS merge_with_ttl_timeout = 3600, min_bytes_for_wide_part = 0 COMMENT 'all events';
                """, """
                ALTER TABLE events ADD COLUMN first UInt16 FIRST;
                ALTER TABLE events ADD COLUMN ts Date AFTER d;
                ALTER TABLE events MODIFY TTL ts + INTERVAL 2 DAY;
                ALTER TABLE events DROP COLUMN d;
                ALTER TABLE events DROP COLUMN w;
                ALTER TABLE events DROP COLUMN x;
                ALTER TABLE events MODIFY COLUMN grp REMOVE CODEC;
                ALTER TABLE events MODIFY COLUMN grp String COMMENT 'the group';
                ALTER TABLE events MODIFY COLUMN v UInt64 DEFAULT 7 COMMENT 'value' CODEC(Delta, ZSTD(3));
                ALTER TABLE events MODIFY COLUMN y REMOVE COMMENT;
                ALTER TABLE events RESET SETTING min_bytes_for_wide_part;
                ALTER TABLE events MODIFY SETTING merge_with_ttl_timeout = 7200, parts_to_throw_insert = 500;
                ALTER TABLE events MODIFY COMMENT 'some events';
                """);
        assertThat(draft).contains("ALTER TABLE events ADD COLUMN `first` UInt16 FIRST;",
                "ALTER TABLE events ADD COLUMN `ts` Date AFTER `id`;", "MODIFY TTL ts + toIntervalDay(2);",
                "ALTER TABLE events MODIFY COLUMN `grp` String COMMENT 'the group', MODIFY COLUMN `grp` REMOVE CODEC;",
                "RESET SETTING min_bytes_for_wide_part;", "MODIFY COMMENT 'some events';");
        String removed = roundTrip("clickhouse", """
                CREATE TABLE events (id UInt32, d DateTime) ENGINE = MergeTree ORDER BY id TTL d + INTERVAL 1 DAY
                  COMMENT 'x';
                """, "ALTER TABLE events REMOVE TTL;\nALTER TABLE events MODIFY COMMENT '';\n");
        assertThat(removed).contains("ALTER TABLE events REMOVE TTL;", "ALTER TABLE events MODIFY COMMENT '';");
    }

    /**
     * A ClickHouse projection is a named element of the table, not a column: added, dropped and changed out of band,
     * it is dropped and added as a projection, and an added one is materialized.
     */
    @Test
    void projectionsAddedDroppedAndChangedOnClickhouse() throws SQLException {
        roundTrip("clickhouse", "CREATE TABLE events (id UInt32, grp String, v UInt64, "
                + "PROJECTION p_sorted (SELECT * ORDER BY grp), PROJECTION p_sum (SELECT grp, sum(v) GROUP BY grp)) "
                + "ENGINE = MergeTree ORDER BY id;\nINSERT INTO events VALUES (1, 'a', 2);\n", """
                ALTER TABLE events DROP PROJECTION p_sorted;
                ALTER TABLE events DROP PROJECTION p_sum;
                ALTER TABLE events ADD PROJECTION p_sum (SELECT grp, max(v) GROUP BY grp);
                ALTER TABLE events ADD PROJECTION p_count (SELECT grp, count() GROUP BY grp);
                ALTER TABLE events ADD PROJECTION p_grp INDEX grp TYPE basic;
                """);
    }

    /**
     * Foreign keys added by hand on MariaDB (with the index MariaDB adds for one), dropped (one with its index) and
     * changed: the dump adds a table's foreign keys in one statement, but each is added or dropped on its own, a
     * dropped one before the index it needs is dropped and added back after it is.
     */
    @Test
    void foreignKeysAddedDroppedAndChangedOnMariadb() throws SQLException {
        roundTrip("mysql", MARIADB_KIDS + "ALTER TABLE kids ADD CONSTRAINT kids_other FOREIGN KEY (other) REFERENCES notes (id);\n"
                + "ALTER TABLE kids ADD CONSTRAINT kids_third FOREIGN KEY (third) REFERENCES notes (id);\n",
                "ALTER TABLE kids ADD CONSTRAINT kids_note FOREIGN KEY (note) REFERENCES notes (id) ON DELETE CASCADE;\n"
                        + "ALTER TABLE kids DROP FOREIGN KEY kids_other, DROP INDEX kids_other;\n"
                        + "ALTER TABLE kids DROP FOREIGN KEY kids_third;\n"
                        + "ALTER TABLE kids ADD CONSTRAINT kids_third FOREIGN KEY (third) REFERENCES notes (id) ON UPDATE CASCADE;\n");
    }

    /**
     * A foreign key dropped by hand keeps the index MariaDB created for it, which adding the key back would replace
     * under the key's name: the down section declares that index again with it (docs/architecture.md §6).
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aForeignKeyDroppedFromItsImplicitIndexOnMariadbIsAddedBackKeepingIt(String engine) throws SQLException {
        String draft = roundTrip(engine, COMMITTED + "CREATE TABLE kids (id INTEGER NOT NULL, note INTEGER, "
                + "FOREIGN KEY (note) REFERENCES notes (id));\n", "ALTER TABLE kids DROP FOREIGN KEY kids_ibfk_1;\n");
        assertThat(section(draft, "down")).contains("ALTER TABLE `kids` DROP INDEX `note`, ADD KEY `note` (`note`), "
                + "ADD CONSTRAINT `kids_ibfk_1` FOREIGN KEY (`note`) REFERENCES `notes` (`id`);");
    }

    /** Primary keys added by hand on MariaDB, dropped and changed to other columns. */
    @Test
    void primaryKeysAddedDroppedAndChangedOnMariadb() throws SQLException {
        roundTrip("mysql", MARIADB_KIDS + "CREATE TABLE tags (id INTEGER NOT NULL, name VARCHAR(20) NOT NULL, PRIMARY KEY (id));\n"
                + "CREATE TABLE marks (id INTEGER NOT NULL, name VARCHAR(20) NOT NULL, PRIMARY KEY (id));\n",
                "ALTER TABLE kids ADD PRIMARY KEY (id);\nALTER TABLE tags DROP PRIMARY KEY;\n"
                        + "ALTER TABLE marks DROP PRIMARY KEY, ADD PRIMARY KEY (name, id);\n");
    }

    /**
     * A primary key added by hand on MariaDB over nullable columns, which MariaDB makes NOT NULL: each column is
     * modified to its live definition before the key is added, and back after the key is dropped, since dropping
     * the key leaves its columns NOT NULL (MariaDB 10.11 and 11.4).
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aPrimaryKeyAddedOnNullableColumnsOnMariadbMakesThemNotNull(String engine) throws SQLException {
        roundTrip(engine, MARIADB_KIDS + "CREATE TABLE marks (id INTEGER NOT NULL, name VARCHAR(20) DEFAULT 'x', "
                + "at TIMESTAMP NULL, PRIMARY KEY (id));\n",
                "ALTER TABLE kids ADD PRIMARY KEY (note, id);\n"
                        + "ALTER TABLE marks DROP PRIMARY KEY, ADD PRIMARY KEY (name, at, id);\n");
    }

    /**
     * A primary key added by hand on PostgreSQL over nullable columns, which it makes NOT NULL: each column is set
     * NOT NULL before the key is added, and DROP NOT NULL after the key is dropped in down, since dropping the key
     * leaves its columns NOT NULL. A column that needs quotes is named as the dump writes it.
     */
    @Test
    void aPrimaryKeyAddedOnNullableColumnsOnPostgresMakesThemNotNull() throws SQLException {
        roundTrip("postgres", COMMITTED + "CREATE TABLE kids (id INTEGER NOT NULL, note INTEGER, \"Odd \"\"Col\"\"\" text);\n"
                + "CREATE TABLE marks (id INTEGER NOT NULL, name VARCHAR(20) DEFAULT 'x', at TIMESTAMP, PRIMARY KEY (id));\n",
                "ALTER TABLE kids ADD PRIMARY KEY (note, \"Odd \"\"Col\"\"\", id);\n"
                        + "ALTER TABLE marks DROP CONSTRAINT marks_pkey, ADD PRIMARY KEY (name, at, id);\n");
    }

    /**
     * MariaDB's ADD COLUMN puts a column FIRST or AFTER another, MODIFY COLUMN gives a widened one its whole
     * definition, and CREATE OR REPLACE VIEW any new query: a column added or dropped in the middle, a changed column
     * and a replaced view are drafted as SQL that gives the live dump exactly (MariaDB 10.11 and 11.4).
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void placedColumnsChangedColumnsAndReplacedViewsOnMariadb(String engine) throws SQLException {
        String draft = roundTrip(engine, COMMITTED + "CREATE TABLE coupons (id INTEGER PRIMARY KEY, percent_off INTEGER, "
                + "code VARCHAR(10), first_name VARCHAR(100) NOT NULL, gone VARCHAR(5), last INTEGER);\n"
                + "CREATE VIEW coupon_codes AS SELECT id, code FROM coupons;\n",
                "ALTER TABLE coupons ADD COLUMN max_uses INT UNSIGNED NULL COMMENT 'cap' AFTER percent_off;\n"
                        + "ALTER TABLE coupons ADD COLUMN lead INTEGER FIRST;\nALTER TABLE coupons DROP COLUMN gone;\n"
                        + "ALTER TABLE coupons MODIFY first_name VARCHAR(150) NOT NULL;\n"
                        + "CREATE OR REPLACE VIEW coupon_codes AS SELECT id, code, percent_off FROM coupons;\n");
        assertThat(draft).contains("ADD COLUMN `max_uses` int unsigned DEFAULT NULL COMMENT 'cap' AFTER `percent_off`;",
                "ADD COLUMN `lead` int DEFAULT NULL FIRST;", "ADD COLUMN `gone` varchar(5) DEFAULT NULL AFTER `first_name`;",
                "MODIFY COLUMN `first_name` varchar(150) NOT NULL;", "MODIFY COLUMN `first_name` varchar(100) NOT NULL;",
                "CREATE OR REPLACE VIEW `coupon_codes` AS select");
    }

    /**
     * MariaDB dumps a view's ALGORITHM= and SQL SECURITY between CREATE and VIEW: a view with either, both or neither
     * whose query or options changed by hand is still that view, replaced in place both ways.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void viewsWithAlgorithmAndSecurityChangedOnMariadbAreReplaced(String engine) throws SQLException {
        String draft = roundTrip(engine, COMMITTED + """
                CREATE TABLE coupons (id INTEGER PRIMARY KEY, percent_off INTEGER);
                CREATE VIEW plain AS SELECT id FROM coupons WHERE percent_off > 10;
                CREATE SQL SECURITY INVOKER VIEW invoker AS SELECT id FROM coupons WHERE percent_off > 10;
                CREATE ALGORITHM=MERGE VIEW merged AS SELECT id FROM coupons WHERE percent_off > 10;
                CREATE ALGORITHM=TEMPTABLE SQL SECURITY INVOKER VIEW both_set AS SELECT id FROM coupons;
                """, """
                CREATE OR REPLACE SQL SECURITY INVOKER VIEW plain AS SELECT id FROM coupons WHERE percent_off > 20;
                CREATE OR REPLACE SQL SECURITY INVOKER VIEW invoker AS SELECT id FROM coupons WHERE percent_off > 20;
                CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW merged AS SELECT id FROM coupons;
                CREATE OR REPLACE DEFINER=CURRENT_USER VIEW both_set AS SELECT id FROM coupons WHERE id > 1;
                """);
        assertThat(draft).contains("CREATE OR REPLACE SQL SECURITY INVOKER VIEW `invoker`",
                        "CREATE OR REPLACE ALGORITHM=TEMPTABLE SQL SECURITY INVOKER VIEW `both_set`")
                .doesNotContain("DROP VIEW", "CREATE VIEW", "CREATE SQL SECURITY", "CREATE ALGORITHM");
    }

    /**
     * SQLite cannot replace a view: a changed one is dropped and created again, and the triggers on it, which the drop
     * takes, are created again as committed before their own change; a view reading it stays.
     */
    @Test
    void aChangedViewOnSqliteIsDroppedAndCreatedAgainWithItsTriggers() throws SQLException {
        String draft = roundTrip("sqlite", SQLITE_NOTES + SQLITE_VIEW_TRIGGERS, """
                DROP VIEW note_titles;
                CREATE VIEW note_titles AS SELECT title FROM notes WHERE body IS NOT NULL;
                CREATE TRIGGER note_titles_add INSTEAD OF INSERT ON note_titles BEGIN
                    INSERT INTO notes (title) VALUES (NEW.title); END;
                CREATE TRIGGER note_titles_drop INSTEAD OF DELETE ON note_titles BEGIN
                    DELETE FROM notes WHERE title = upper(OLD.title); END;
                """);
        assertThat(section(draft, "up")).contains("DROP VIEW note_titles;");
    }

    /**
     * A view changed on SQLite together with its INSTEAD OF triggers: one kept, one dropped (the view's drop took it,
     * so the draft does not drop it again), one added; the view read through another view stays.
     */
    @Test
    void aChangedViewOnSqliteWhoseTriggersWereDroppedAndAdded() throws SQLException {
        String draft = roundTrip("sqlite", SQLITE_NOTES + SQLITE_VIEW_TRIGGERS, """
                DROP VIEW note_titles;
                CREATE VIEW note_titles AS SELECT title, body FROM notes;
                CREATE TRIGGER note_titles_add INSTEAD OF INSERT ON note_titles BEGIN
                    INSERT INTO notes (title) VALUES (NEW.title); END;
                CREATE TRIGGER note_titles_edit INSTEAD OF UPDATE ON note_titles BEGIN
                    UPDATE notes SET body = NEW.body WHERE title = OLD.title; END;
                """);
        assertThat(section(draft, "up")).contains("DROP VIEW note_titles;").doesNotContain("DROP TRIGGER");
    }

    /**
     * An index changed by hand on SQLite (another column list, a WHERE, UNIQUE) is dropped before the table's changes
     * and created again with its live definition after them, both ways; one reading a column the change drops too.
     */
    @Test
    void changedIndexesOnSqliteAreDroppedAndCreatedAgain() throws SQLException {
        String draft = roundTrip("sqlite", SQLITE_NOTES + "CREATE TABLE tags (id INTEGER, name TEXT, old TEXT);\n"
                + "CREATE INDEX tags_name ON tags (name, old);\n", """
                DROP INDEX notes_title;
                CREATE UNIQUE INDEX notes_title ON notes (title, body);
                DROP INDEX notes_body;
                CREATE INDEX notes_body ON notes (body) WHERE body IS NOT NULL;
                DROP INDEX tags_name;
                ALTER TABLE tags DROP COLUMN old;
                CREATE INDEX tags_name ON tags (name);
                """);
        assertThat(section(draft, "up")).containsSubsequence("DROP INDEX tags_name;", "ALTER TABLE tags DROP COLUMN old;",
                "CREATE INDEX tags_name ON tags (name);");
    }

    /** A changed index on PostgreSQL is dropped by its qualified name and created again. */
    @Test
    void aChangedIndexOnPostgresIsDroppedAndCreatedAgain() throws SQLException {
        roundTrip("postgres", COMMITTED + APP + "CREATE INDEX flags_key ON app.flags (key);\n",
                "DROP INDEX app.flags_key;\nCREATE INDEX flags_key ON app.flags (lower(key)) WHERE id > 0;\n");
    }

    /** A virtual table added on SQLite is dropped again by the down section, its shadow tables with it. */
    @Test
    void aVirtualTableAddedOnSqliteIsDroppedAgain() throws SQLException {
        String draft = roundTrip("sqlite", SQLITE_NOTES, """
                CREATE VIRTUAL TABLE notes_fts USING fts5(title, content=notes, content_rowid=id);
                """);
        assertThat(section(draft, "down")).contains("DROP TABLE notes_fts;");
    }

    /** A view reading SQLite's {@code note_titles}, and INSTEAD OF triggers on it. */
    private static final String SQLITE_VIEW_TRIGGERS = """
            CREATE VIEW long_titles AS SELECT title FROM note_titles WHERE length(title) > 5;
            CREATE TRIGGER note_titles_add INSTEAD OF INSERT ON note_titles BEGIN
                INSERT INTO notes (title) VALUES (NEW.title); END;
            CREATE TRIGGER note_titles_drop INSTEAD OF DELETE ON note_titles BEGIN
                DELETE FROM notes WHERE title = OLD.title; END;
            """;

    /** ClickHouse replaces a plain view whose query changed by hand in place. */
    @Test
    void aChangedViewOnClickhouseIsReplaced() throws SQLException {
        String draft = roundTrip("clickhouse", """
                CREATE TABLE hits (id UInt64, url String) ENGINE = MergeTree ORDER BY id;
                CREATE VIEW long_urls AS SELECT id, url FROM hits WHERE length(url) > 10;
                """, "CREATE OR REPLACE VIEW long_urls AS SELECT id FROM hits WHERE length(url) > 20;\n");
        assertThat(draft).contains("CREATE OR REPLACE VIEW").doesNotContain("DROP VIEW");
    }

    /**
     * ClickHouse cannot replace a materialized view (only the experimental MODIFY QUERY changes one): a changed one,
     * writing to a TO table or to its own inner table, is dropped and created again, with a comment that the rows
     * already in its table are not backfilled.
     */
    @Test
    void aChangedMaterializedViewOnClickhouseIsDroppedAndCreatedAgain() throws SQLException {
        String draft = roundTrip("clickhouse", """
                CREATE TABLE hits (id UInt64, url String) ENGINE = MergeTree ORDER BY id;
                CREATE TABLE url_counts (url String, n UInt64) ENGINE = SummingMergeTree ORDER BY url;
                CREATE MATERIALIZED VIEW url_counts_mv TO url_counts AS SELECT url, count() AS n FROM hits GROUP BY url;
                CREATE MATERIALIZED VIEW long_hits ENGINE = MergeTree ORDER BY id AS SELECT id FROM hits
                    WHERE length(url) > 10;
                """, """
                DROP VIEW url_counts_mv;
                CREATE MATERIALIZED VIEW url_counts_mv TO url_counts AS SELECT lower(url) AS url, count() AS n FROM hits
                    GROUP BY url;
                DROP VIEW long_hits;
                CREATE MATERIALIZED VIEW long_hits ENGINE = MergeTree ORDER BY id AS SELECT id, url FROM hits
                    WHERE length(url) > 20;
                """);
        assertThat(section(draft, "up")).contains("DROP VIEW url_counts_mv;", "DROP VIEW long_hits;",
                "the rows already in its TO table stay as the old query wrote them and are not backfilled",
                "its inner table goes with it");
    }

    /**
     * ClickHouse renames a table or materialized view with {@code RENAME TABLE} (it has no {@code ALTER TABLE ... RENAME
     * TO}) and drops a materialized view as a view: a table and a materialized view renamed by hand, one dropped and
     * one created.
     */
    @Test
    void renamedDroppedAndCreatedTablesAndMaterializedViewsOnClickhouse() throws SQLException {
        String draft = roundTrip("clickhouse", """
                CREATE TABLE c (id UInt64, s String) ENGINE = MergeTree ORDER BY id;
                CREATE TABLE hits (id UInt64, url String) ENGINE = MergeTree ORDER BY id;
                CREATE MATERIALIZED VIEW mv_old ENGINE = MergeTree ORDER BY id AS SELECT id FROM hits;
                CREATE MATERIALIZED VIEW mv_gone ENGINE = MergeTree ORDER BY id AS SELECT id, url FROM hits;
                """, """
                RENAME TABLE c TO c2;
                RENAME TABLE mv_old TO mv_new;
                DROP VIEW mv_gone;
                CREATE MATERIALIZED VIEW mv_made ENGINE = MergeTree ORDER BY url AS SELECT url FROM hits;
                """);
        assertThat(section(draft, "up")).contains("RENAME TABLE c TO c2;", "RENAME TABLE mv_old TO mv_new;",
                "DROP VIEW mv_gone;").doesNotContain("ALTER", "MATERIALIZED VIEW mv_gone");
        assertThat(section(draft, "down")).contains("RENAME TABLE c2 TO c;", "RENAME TABLE mv_new TO mv_old;",
                "DROP VIEW mv_made;").doesNotContain("ALTER", "DROP MATERIALIZED");
    }

    /**
     * A ClickHouse materialized view dropped by hand over a table then renamed by hand: the view goes before the rename
     * in up, and comes back after the rename back in down, as it reads the table by its committed name.
     */
    @Test
    void aMaterializedViewDroppedOverATableRenamedByHandOnClickhouse() throws SQLException {
        String draft = roundTrip("clickhouse", """
                CREATE TABLE hits (id UInt64, url String) ENGINE = MergeTree ORDER BY id;
                CREATE TABLE url_counts (url String, n UInt64) ENGINE = SummingMergeTree ORDER BY url;
                CREATE MATERIALIZED VIEW url_counts_mv TO url_counts AS SELECT url, count() AS n FROM hits GROUP BY url;
                CREATE MATERIALIZED VIEW long_hits ENGINE = MergeTree ORDER BY id AS SELECT id FROM hits;
                """, """
                DROP VIEW url_counts_mv;
                DROP VIEW long_hits;
                RENAME TABLE hits TO visits;
                """);
        assertThat(section(draft, "up")).containsSubsequence("DROP VIEW url_counts_mv;", "DROP VIEW long_hits;",
                "RENAME TABLE hits TO visits;");
        assertThat(section(draft, "down")).containsSubsequence("RENAME TABLE visits TO hits;",
                "CREATE MATERIALIZED VIEW long_hits", "CREATE MATERIALIZED VIEW url_counts_mv");
    }

    /**
     * A ClickHouse dictionary changed by hand is replaced ({@code CREATE OR REPLACE DICTIONARY}, as a plain create of
     * one that exists fails), with the committed definition in down; one created by hand is dropped in down, one
     * dropped by hand created again.
     */
    @Test
    void dictionariesChangedCreatedAndDroppedOnClickhouse() throws SQLException {
        String dictionary = "CREATE DICTIONARY %s (k String, v String DEFAULT '%s') PRIMARY KEY k "
                + "SOURCE(CLICKHOUSE(TABLE 'src')) LIFETIME(MIN 0 MAX 0) LAYOUT(COMPLEX_KEY_HASHED());\n";
        String draft = roundTrip("clickhouse", "CREATE TABLE src (k String, v String) ENGINE = MergeTree ORDER BY k;\n"
                + dictionary.formatted("d", "") + dictionary.formatted("d_gone", ""),
                "CREATE OR REPLACE " + dictionary.formatted("d", "x").substring("CREATE ".length())
                        + "DROP DICTIONARY d_gone;\n" + dictionary.formatted("d2", ""));
        assertThat(section(draft, "up")).contains("CREATE OR REPLACE DICTIONARY d\n", "`v` String DEFAULT 'x'",
                "DROP DICTIONARY d_gone;", "CREATE DICTIONARY d2\n");
        assertThat(section(draft, "down")).contains("DROP DICTIONARY d2;", "CREATE OR REPLACE DICTIONARY d\n",
                "`v` String DEFAULT ''", "CREATE DICTIONARY d_gone\n");
    }

    /** A MariaDB table that references {@code notes} by hand, without a primary key or foreign keys yet. */
    private static final String MARIADB_KIDS = COMMITTED + "CREATE TABLE kids (id INTEGER NOT NULL, note INTEGER, "
            + "other INTEGER, third INTEGER);\n";

    /**
     * SQLite cannot add, drop or change a table's constraints, nor change a column, in place: the draft rebuilds the
     * table (a new table with the live definition, the shared columns copied, the old one dropped, the new one
     * renamed) and creates its indexes and triggers again, and the down section rebuilds it back; the view on it and
     * the table that references it stay.
     */
    @Test
    void aTableWhoseConstraintsAndColumnsChangedOnSqliteIsRebuilt() throws SQLException {
        roundTrip("sqlite", SQLITE_NOTES, """
                PRAGMA legacy_alter_table = ON;
                CREATE TABLE "notes x" (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT,
                    due TEXT, n INTEGER AS (length(title)), CONSTRAINT title_body UNIQUE (title, body), CHECK (title <> ''));
                INSERT INTO "notes x" (id, title, body) SELECT id, title, body FROM notes;
                DROP TABLE notes;
                ALTER TABLE "notes x" RENAME TO notes;
                CREATE INDEX notes_title ON notes (title);
                CREATE INDEX notes_due ON notes (due);
                CREATE TRIGGER notes_touch AFTER UPDATE OF title ON notes BEGIN
                    UPDATE notes SET due = NULL WHERE id = NEW.id; END;
                """);
    }

    /** A constraint added and one dropped on a table whose name needs quotes and whose new name is taken. */
    @Test
    void aQuotedTableWhoseConstraintChangedOnSqliteIsRebuiltUnderAFreeName() throws SQLException {
        String committed = "CREATE TABLE \"Odd Notes\" (id INTEGER PRIMARY KEY, body TEXT CHECK (body <> ''));\n"
                + "CREATE TABLE \"Odd Notes_new\" (id INTEGER);\n";
        roundTrip("sqlite", committed, "CREATE TABLE x (id INTEGER PRIMARY KEY, body TEXT UNIQUE);\n"
                + "DROP TABLE \"Odd Notes\";\nALTER TABLE x RENAME TO \"Odd Notes\";\n");
    }

    /**
     * A foreign key added on SQLite, to a table whose name needs quotes: the rebuild checks the table's rows against
     * it after the rename, naming the table as SQLite reads it.
     */
    @Test
    void aForeignKeyAddedOnSqliteIsCheckedAfterTheRebuild() throws SQLException {
        String committed = "CREATE TABLE notes (id INTEGER PRIMARY KEY);\n"
                + "CREATE TABLE \"Odd 'Kids'\" (id INTEGER PRIMARY KEY, note INTEGER);\n";
        String draft = roundTrip("sqlite", committed, "CREATE TABLE x (id INTEGER PRIMARY KEY, "
                + "note INTEGER REFERENCES notes (id));\nDROP TABLE \"Odd 'Kids'\";\nALTER TABLE x RENAME TO \"Odd 'Kids'\";\n");
        assertThat(section(draft, "up")).contains("pragma_foreign_key_check('Odd ''Kids''')");
        assertThat(section(draft, "down")).doesNotContain("foreign_key_check");
    }

    /** A table, its index and trigger, a view on it and a table that references it ON DELETE CASCADE. */
    private static final String SQLITE_NOTES = """
            CREATE TABLE notes (id INTEGER PRIMARY KEY, title VARCHAR(20) NOT NULL DEFAULT 'x', body TEXT,
                CONSTRAINT body_check CHECK (body <> ''));
            CREATE TABLE kids (id INTEGER PRIMARY KEY, note INTEGER REFERENCES notes (id) ON DELETE CASCADE);
            CREATE INDEX notes_title ON notes (title);
            CREATE INDEX notes_body ON notes (body);
            CREATE TRIGGER notes_trim AFTER INSERT ON notes BEGIN UPDATE notes SET title = trim(title) WHERE id = NEW.id; END;
            CREATE VIEW note_titles AS SELECT title FROM notes;
            """;

    /**
     * Objects of the kinds whose DROP names more than a name, added by hand and then committed and dropped by hand:
     * an aggregate's and an operator's argument types, an operator class's and family's index method, a cast's
     * types; and the parts of other objects (a text search mapping, a publication's table, a sequence's owner, a
     * disabled event trigger), taken back alone or with their object.
     */
    @Test
    void objectsWhoseDropNamesMoreThanANameOnPostgres() throws SQLException {
        roundTrip("postgres", COMMITTED + APP, KINDS);
        roundTrip("postgres", COMMITTED + APP + KINDS, """
                DROP PUBLICATION app_pub;
                DROP EVENT TRIGGER "App Evt";
                DROP CAST (integer AS app.pair);
                DROP OPERATOR CLASS app.cls USING btree;
                DROP OPERATOR FAMILY app.fam USING btree;
                DROP OPERATOR app.=== (integer, integer);
                DROP OPERATOR app.!!! (NONE, integer);
                DROP AGGREGATE app."My Sum"(integer);
                DROP TEXT SEARCH CONFIGURATION app.cfg;
                DROP TEXT SEARCH DICTIONARY app.dict;
                DROP TEXT SEARCH TEMPLATE app.tmpl;
                DROP TEXT SEARCH PARSER app.prs;
                DROP FOREIGN TABLE app.remote;
                DROP SERVER app_srv;
                DROP FOREIGN DATA WRAPPER app_fdw;
                DROP CONVERSION app.conv;
                DROP ACCESS METHOD app_am;
                DROP SEQUENCE app.owned_seq;
                DROP EXTENSION citext;
                """);
    }

    /**
     * Parts added to objects the committed schema has are taken back alone; a setting changed to another value
     * (a sequence's owning column, an event trigger's state) is set, not also reset.
     */
    @Test
    void partsAddedToCommittedObjectsOnPostgres() throws SQLException {
        roundTrip("postgres", COMMITTED + APP + KINDS + "CREATE SEQUENCE app.kept_seq OWNED BY app.flags.key;\n", """
                ALTER TEXT SEARCH CONFIGURATION app.cfg ADD MAPPING FOR tag WITH simple;
                ALTER PUBLICATION app_pub ADD TABLE notes;
                ALTER SEQUENCE app.kept_seq OWNED BY NONE;
                ALTER SEQUENCE app.owned_seq OWNED BY app.flags.key;
                ALTER EVENT TRIGGER "App Evt" ENABLE ALWAYS;
                CREATE SEQUENCE app.other_seq OWNED BY app."Odd Flags"."Key";
                """);
    }

    /**
     * Loose members of operator families (the dump's one {@code ALTER OPERATOR FAMILY ... ADD} per family): those added
     * to a family that had none are dropped again in down, and a family whose members changed gets the dropped ones
     * dropped and the added ones added, each by the strategy or support number and types DROP names.
     */
    @Test
    void operatorFamilyMembersAddedAndChangedOnPostgres() throws SQLException {
        roundTrip("postgres", COMMITTED + APP + """
                CREATE OPERATOR FAMILY app.fam USING btree;
                CREATE OPERATOR FAMILY app."Odd Fam" USING btree;
                ALTER OPERATOR FAMILY app."Odd Fam" USING btree ADD OPERATOR 1 < (integer, bigint),
                    OPERATOR 3 = (integer, bigint), FUNCTION 1 (integer, bigint) btint48cmp(integer, bigint);
                """, """
                ALTER OPERATOR FAMILY app.fam USING btree ADD OPERATOR 1 < (integer, smallint),
                    FUNCTION 1 (integer, smallint) btint42cmp(integer, smallint);
                ALTER OPERATOR FAMILY app."Odd Fam" USING btree DROP OPERATOR 3 (integer, bigint);
                ALTER OPERATOR FAMILY app."Odd Fam" USING btree ADD OPERATOR 2 <= (integer, bigint);
                """);
    }

    /** Objects of the kinds {@link #objectsWhoseDropNamesMoreThanANameOnPostgres} drafts. */
    private static final String KINDS = """
            CREATE FUNCTION app.addi(integer, integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT $1 + $2 $$;
            CREATE AGGREGATE app."My Sum"(integer) (SFUNC = app.addi, STYPE = integer, INITCOND = '0');
            CREATE FUNCTION app.eqi(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 = $2 $$;
            CREATE OPERATOR app.=== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = app.eqi);
            CREATE OPERATOR app.!!! (RIGHTARG = integer, FUNCTION = int4abs);
            CREATE OPERATOR FAMILY app.fam USING btree;
            CREATE OPERATOR CLASS app.cls FOR TYPE integer USING btree FAMILY app.fam AS
                OPERATOR 1 <, OPERATOR 3 =, FUNCTION 1 btint4cmp(integer, integer);
            CREATE TEXT SEARCH CONFIGURATION app.cfg (COPY = english);
            CREATE TEXT SEARCH DICTIONARY app.dict (TEMPLATE = simple);
            CREATE TEXT SEARCH TEMPLATE app.tmpl (LEXIZE = dsimple_lexize);
            CREATE TEXT SEARCH PARSER app.prs (START = prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end,
                LEXTYPES = prsd_lextype);
            CREATE TYPE app.pair AS (a integer, b integer);
            CREATE FUNCTION app.pair_of(integer) RETURNS app.pair LANGUAGE sql IMMUTABLE AS $$ SELECT ROW($1, $1)::app.pair $$;
            CREATE CAST (integer AS app.pair) WITH FUNCTION app.pair_of(integer);
            CREATE EXTENSION citext;
            CREATE EVENT TRIGGER "App Evt" ON ddl_command_start EXECUTE FUNCTION app.trg_evt();
            ALTER EVENT TRIGGER "App Evt" DISABLE;
            CREATE PUBLICATION app_pub FOR TABLE app.flags;
            CREATE FOREIGN DATA WRAPPER app_fdw;
            CREATE SERVER app_srv FOREIGN DATA WRAPPER app_fdw OPTIONS (host 'localhost');
            CREATE FOREIGN TABLE app.remote (id integer) SERVER app_srv;
            CREATE SEQUENCE app.owned_seq OWNED BY app.flags.id;
            CREATE CONVERSION app.conv FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;
            CREATE ACCESS METHOD app_am TYPE INDEX HANDLER bthandler;
            """;

    /**
     * An enum value added by hand is added in up, placed before the value that follows it; the down section says
     * PostgreSQL cannot remove it, and the up section runs again over it (as replay's down check does).
     */
    @Test
    void enumValuesAddedOnPostgresAreAddedInPlace() throws SQLException {
        String committedSql = COMMITTED + APP;
        try (TestDatabase live = TestDatabase.create("postgres"); TestDatabase db = TestDatabase.create("postgres")) {
            live.execute(committedSql);
            live.execute("ALTER TYPE app.status ADD VALUE 'legacy' BEFORE 'closed';\n"
                    + "ALTER TYPE app.status ADD VALUE 'it''s';\nALTER TYPE app.status ADD VALUE 'first' BEFORE 'active';\n");
            db.execute(committedSql);
            String draft = DriftDraft.of(dump(live), dump(db), draftDialect(live));
            assertThat(draft).startsWith("-- migrate:up\n-- ALTER TYPE ... ADD VALUE runs inside a transaction on "
                    + "PostgreSQL 12 and later: no transaction:false is needed")
                    .contains("ALTER TYPE app.status ADD VALUE IF NOT EXISTS 'first' BEFORE 'active';",
                            "ALTER TYPE app.status ADD VALUE IF NOT EXISTS 'legacy' BEFORE 'closed';",
                            "ALTER TYPE app.status ADD VALUE IF NOT EXISTS 'it''s';")
                    .contains("-- migrate:down\n-- Not undone: PostgreSQL cannot remove a value from an enum type, "
                            + "so app.status keeps 'first', 'legacy', 'it''s'.")
                    .doesNotContain("Changed out of band");

            db.execute(section(draft, "up"));
            assertThat(dump(db)).isEqualTo(dump(live));
            db.execute(section(draft, "up"));
            assertThat(dump(db)).isEqualTo(dump(live));
        }
    }

    /** Enum values renamed by hand are renamed, and renamed back in down, in place of a comment. */
    @Test
    void enumValuesRenamedOnPostgresAreRenamedBothWays() throws SQLException {
        String draft = roundTrip("postgres", COMMITTED + APP + "INSERT INTO app.flags VALUES (1, 'k', 'closed');\n",
                "ALTER TYPE app.status RENAME VALUE 'closed' TO 'it''s closed';\n"
                        + "ALTER TYPE app.status RENAME VALUE 'active' TO 'open';\n");
        assertThat(draft).isEqualTo("""
                -- migrate:up
                ALTER TYPE app.status RENAME VALUE 'active' TO 'open';

                ALTER TYPE app.status RENAME VALUE 'closed' TO 'it''s closed';

                -- migrate:down
                ALTER TYPE app.status RENAME VALUE 'open' TO 'active';

                ALTER TYPE app.status RENAME VALUE 'it''s closed' TO 'closed';
                """);
    }

    /**
     * A table made unlogged by hand (its owned sequence with it) and one made logged are drafted as SET UNLOGGED and
     * SET LOGGED, and back.
     */
    @Test
    void tablesMadeLoggedOrUnloggedOnPostgresAreSetBack() throws SQLException {
        String draft = roundTrip("postgres", COMMITTED + """
                CREATE TABLE counted (id serial PRIMARY KEY, k text);
                CREATE UNLOGGED TABLE cache (id int GENERATED ALWAYS AS IDENTITY, k text);
                """, "ALTER TABLE counted SET UNLOGGED;\nALTER TABLE cache SET LOGGED;\n");
        assertThat(section(draft, "up")).contains("ALTER TABLE public.counted SET UNLOGGED;",
                "ALTER TABLE public.cache SET LOGGED;");
        assertThat(section(draft, "down")).contains("ALTER TABLE public.counted SET LOGGED;",
                "ALTER TABLE public.cache SET UNLOGGED;");
    }

    /** The committed objects of a schema outside the search path, with names that need quotes. */
    private static final String APP = """
            CREATE SCHEMA app;
            CREATE TYPE app.status AS ENUM ('active', 'closed');
            CREATE TABLE app.flags (id bigint PRIMARY KEY, key text NOT NULL, status app.status);
            CREATE TABLE app."Odd Flags" ("Key" text PRIMARY KEY);
            CREATE FUNCTION app.touch(a text) RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
            CREATE FUNCTION app.trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE FUNCTION app.trg_evt() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
            """;

    /** {@code outOfBand} names its quoted column in braces, quoted here as the engine quotes. */
    private static void roundTrip(String engine, String outOfBand) throws SQLException {
        roundTrip(engine, COMMITTED, outOfBand);
    }

    /** Returns the draft. */
    private static String roundTrip(String engine, String committedSql, String outOfBand) throws SQLException {
        try (TestDatabase live = TestDatabase.create(engine); TestDatabase db = TestDatabase.create(engine)) {
            live.execute(committedSql);
            live.execute(outOfBand.replace("{Due At}", live.engine().quote("Due At")));
            db.execute(committedSql);
            String committed = dump(db);
            String drifted = dump(live);
            String draft = DriftDraft.of(drifted, committed, draftDialect(live));
            assertThat(draft).doesNotContain("Not drafted", "Changed out of band", "-- Undo");

            db.execute(section(draft, "up"));
            assertThat(dump(db)).isEqualTo(drifted);
            db.execute(section(draft, "down"));
            assertThat(dump(db)).isEqualTo(committed);
            if (draftDialect(db).oneStatementPerSection()) {
                stepByStep(db, draft, committed);
            }
            return draft;
        }
    }

    /**
     * Runs each up statement, its undo (the down statement at the mirrored place) and the statement again: each pair
     * is a migration of its own where dbmate runs one statement per section.
     */
    private static void stepByStep(TestDatabase db, String draft, String committed) throws SQLException {
        StatementSplitter splitter = new StatementSplitter(db.engine().dialect());
        List<SqlStatement> up = splitter.split(section(draft, "up"));
        List<SqlStatement> down = splitter.split(section(draft, "down"));
        assertThat(down).hasSameSizeAs(up);
        String before = committed;
        for (int i = 0; i < up.size(); i++) {
            db.execute(up.get(i).sql());
            db.execute(down.get(up.size() - 1 - i).sql());
            assertThat(dump(db)).as("undone by its mirror: " + up.get(i).sql()).isEqualTo(before);
            db.execute(up.get(i).sql());
            before = dump(db);
        }
    }

    static String section(String draft, String name) {
        String[] parts = draft.split("-- migrate:down\n", 2);
        return name.equals("up") ? parts[0].replace("-- migrate:up\n", "") : parts[1];
    }

    /** The draft dialect of {@code db}'s server. */
    static DraftDialect draftDialect(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return db.engine().draft(c);
        }
    }

    static String dump(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return SchemaDump.withoutMigrations(SchemaDump.dump(db.engine(), c));
        }
    }
}
