package io.matey.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.EngineMatrix;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

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

    /** {@code outOfBand} names its quoted column in braces, quoted here as the engine quotes. */
    private static void roundTrip(String engine, String outOfBand) throws SQLException {
        roundTrip(engine, COMMITTED, outOfBand);
    }

    private static void roundTrip(String engine, String committedSql, String outOfBand) throws SQLException {
        try (TestDatabase live = TestDatabase.create(engine); TestDatabase db = TestDatabase.create(engine)) {
            live.execute(committedSql);
            live.execute(outOfBand.replace("{Due At}", live.engine().quote("Due At")));
            db.execute(committedSql);
            String committed = dump(db);
            String drifted = dump(live);
            String draft = DriftDraft.of(drifted, committed);
            assertThat(draft).doesNotContain("Not drafted", "Changed out of band", "-- Undo: CREATE");

            db.execute(section(draft, "up"));
            assertThat(dump(db)).isEqualTo(drifted);
            db.execute(section(draft, "down"));
            assertThat(dump(db)).isEqualTo(committed);
        }
    }

    private static String section(String draft, String name) {
        String[] parts = draft.split("-- migrate:down\n", 2);
        return name.equals("up") ? parts[0].replace("-- migrate:up\n", "") : parts[1];
    }

    private static String dump(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return SchemaDump.withoutMigrations(SchemaDump.dump(db.engine(), c));
        }
    }
}
