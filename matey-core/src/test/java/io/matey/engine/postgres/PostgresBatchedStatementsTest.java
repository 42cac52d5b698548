package io.matey.engine.postgres;

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

/**
 * Row-writing statements that PostgreSQL sections send in batches (docs/architecture.md §7): a failure still names
 * its own statement and line, and the section's transaction, statements returning rows and transaction:false
 * sections keep their semantics.
 */
class PostgresBatchedStatementsTest {

    private static final String FILE = "migrations/20260101000000_rows.sql";

    /** Line 1 the directive, line 2 the table, then one INSERT a line for ids 1..count. */
    private static StringBuilder inserts(String directive, int count) {
        StringBuilder text = new StringBuilder("-- migrate:up" + directive + "\n"
                + "CREATE TABLE items (id integer PRIMARY KEY, qty integer);\n");
        for (int id = 1; id <= count; id++) {
            text.append("INSERT INTO items (id, qty) VALUES (").append(id).append(", 1);\n");
        }
        return text;
    }

    @Test
    void aFailingInsertAmidABatchNamesItsOwnLineAndRollsBackTheSection() throws SQLException {
        StringBuilder text = inserts("", 300); // lines 3..302
        text.append("INSERT INTO items (id, qty)\n  VALUES (7, 1);\n"); // lines 303-304: a duplicate key
        for (int id = 1001; id <= 1020; id++) {
            text.append("INSERT INTO items (id, qty) VALUES (").append(id).append(", 1);\n");
        }
        text.append("-- migrate:down\nDROP TABLE items;\n");
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);

            assertThatThrownBy(() -> runner(db, c).up(migration(text.toString())))
                    .isInstanceOfSatisfying(MigrationFailedException.class, e -> assertThat(e.line()).isEqualTo(303))
                    .hasMessageStartingWith(FILE + ":303: up section failed: ")
                    .hasMessageContaining("duplicate key value violates unique constraint")
                    .hasMessageContaining("Statement: 'INSERT INTO items (id, qty) VALUES (7, 1)'")
                    .hasMessageContaining("rolled back and its version is not recorded")
                    .hasMessageNotContaining("Batch entry");
            assertThat(db.engine().dumpSchema(c)).isEmpty();
            assertThat(db.engine().migrationTable().appliedVersions(c)).isEmpty();
        }
    }

    @Test
    void aPositionInAMultiLineInsertOfABatchNamesTheLineOfThatPosition() throws SQLException {
        StringBuilder text = inserts("", 10); // lines 3..12
        text.append("INSERT INTO items (id, qty)\n  VALUES (11,\n    'many'::integer);\n"); // 'many' on line 15
        text.append("INSERT INTO items (id, qty) VALUES (12, 1);\n-- migrate:down\nDROP TABLE items;\n");
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);

            assertThatThrownBy(() -> runner(db, c).up(migration(text.toString())))
                    .isInstanceOfSatisfying(MigrationFailedException.class, e -> assertThat(e.line()).isEqualTo(15))
                    .hasMessageContaining("invalid input syntax for type integer: \"many\"");
        }
    }

    @Test
    void statementsReturningRowsAndNoticesRunBetweenBatchesAndTheLastUpdateCountIsReported() throws SQLException {
        StringBuilder text = inserts("", 5);
        text.append("""
                INSERT INTO items (id, qty) VALUES (6, 1) RETURNING id;
                SELECT count(*) FROM items;
                DO $$ BEGIN RAISE NOTICE 'half way'; END $$;
                INSERT INTO items (id, qty) VALUES (7, 1);
                insert into items (id, qty) values (8, 1);
                UPDATE items SET qty = 2 WHERE id > 5;
                -- migrate:down
                DROP TABLE items;
                """);
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);
            MigrationRunner runner = runner(db, c);

            runner.up(migration(text.toString()));

            assertThat(runner.rowsAffected()).isEqualTo(3);
            assertThat(TestDatabase.firstValue(c, "SELECT count(*) || ':' || sum(qty) FROM items")).isEqualTo("8:11");
            assertThat(db.engine().migrationTable().appliedVersions(c)).containsExactly("20260101000000");
        }
    }

    @Test
    void aTransactionFalseSectionThatRefusesATransactionBlockKeepsTheRowsBeforeItsFailure() throws SQLException {
        StringBuilder text = inserts(" transaction:false", 5); // lines 3..7
        text.append("CREATE INDEX CONCURRENTLY items_qty ON items (qty);\n"); // line 8
        text.append("INSERT INTO items (id, qty) VALUES (6, 1);\nINSERT INTO items (id, qty) VALUES (3, 1);\n");
        text.append("-- migrate:down\nDROP TABLE items;\n");
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);

            assertThatThrownBy(() -> runner(db, c).up(migration(text.toString())))
                    .isInstanceOfSatisfying(MigrationFailedException.class, e -> assertThat(e.line()).isEqualTo(10))
                    .hasMessageContaining("duplicate key value");
            assertThat(TestDatabase.firstValue(c, "SELECT count(*) FROM items")).isEqualTo("6");
        }
    }

    @Test
    void aTransactionFalseSectionThatRunsInOneTransactionRollsBackABatchedFailure() throws SQLException {
        StringBuilder text = inserts(" transaction:false", 5);
        text.append("INSERT INTO items (id, qty) VALUES (3, 1);\n-- migrate:down\nDROP TABLE items;\n"); // line 8
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);

            assertThatThrownBy(() -> runner(db, c).up(migration(text.toString())))
                    .isInstanceOfSatisfying(MigrationFailedException.class, e -> assertThat(e.line()).isEqualTo(8))
                    .hasMessageContaining("transaction:false still runs its statements in one transaction");
            assertThat(db.engine().dumpSchema(c)).isEmpty();
        }
    }

    private static MigrationRunner runner(TestDatabase db, Connection c) {
        return new MigrationRunner(db.engine(), db.engine().migrationTable(), c);
    }

    private static Migration migration(String text) {
        return new Migration(FILE, "20260101000000", text.getBytes(StandardCharsets.UTF_8));
    }
}
