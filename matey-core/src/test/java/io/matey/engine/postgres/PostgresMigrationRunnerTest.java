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

class PostgresMigrationRunnerTest {

    @Test
    void failingStatementRollsBackTheWholeSection() throws SQLException {
        Migration migration = migration("migrations/20260101000000_broken.sql", """
                -- migrate:up
                CREATE TABLE kept_out (id integer);
                INSERT INTO kept_out VALUES (1);
                INSERT INTO missing_table VALUES (1);
                -- migrate:down
                DROP TABLE kept_out;
                """);
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);

            assertThatThrownBy(() -> new MigrationRunner(db.engine(), db.engine().migrationTable(), c).up(migration))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("migrations/20260101000000_broken.sql:4: up section failed")
                    .hasMessageContaining("missing_table")
                    .hasMessageContaining("rolled back and its version is not recorded");

            assertThat(db.engine().migrationTable().appliedVersions(c)).isEmpty();
            assertThat(db.engine().dumpSchema(c)).isEmpty();
        }
    }

    @Test
    void anErrorWithAPositionNamesTheLineOfThatPosition() throws SQLException {
        Migration migration = migration("migrations/20260101000000_broken.sql", """
                -- migrate:up
                CREATE TABLE fine (id integer);
                -- the users table
                CREATE TABLE users (
                  id integer,
                  name txet
                );
                -- migrate:down
                DROP TABLE users;
                """);
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);

            assertThatThrownBy(() -> new MigrationRunner(db.engine(), db.engine().migrationTable(), c).up(migration))
                    .isInstanceOfSatisfying(MigrationFailedException.class, e -> assertThat(e.line()).isEqualTo(6))
                    .hasMessageStartingWith("migrations/20260101000000_broken.sql:6: up section failed: ")
                    .hasMessageContaining("type \"txet\" does not exist")
                    .hasMessageNotContaining("Position");
        }
    }

    @Test
    void aPasswordADoBlockFormatsIsMaskedInTheFailure() throws SQLException {
        Migration migration = migration("migrations/20260101000000_role.sql", """
                -- migrate:up
                DO $$ BEGIN EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', 'matey_never', 'Yy8secret'); PERFORM 1/0;
                END $$;
                -- migrate:down
                DROP ROLE matey_never;
                """);
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);

            assertThatThrownBy(() -> new MigrationRunner(db.engine(), db.engine().migrationTable(), c).up(migration))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("division by zero")
                    .hasMessageContaining("Statement: 'DO $$ BEGIN EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', "
                            + "'matey_never', '****');")
                    .hasMessageNotContaining("Yy8secret");
        }
    }

    @Test
    void failingDownSectionSaysItsVersionStaysRecorded() throws SQLException {
        Migration migration = migration("migrations/20260101000000_items.sql", """
                -- migrate:up
                CREATE TABLE items (id integer);
                -- migrate:down
                DROP TABLE missing_table;
                """);
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);
            MigrationRunner runner = new MigrationRunner(db.engine(), db.engine().migrationTable(), c);
            runner.up(migration);

            assertThatThrownBy(() -> runner.down(migration))
                    .hasMessageContaining("migrations/20260101000000_items.sql:4: down section failed")
                    .hasMessageContaining("rolled back and its version stays recorded")
                    .hasMessageNotContaining("not recorded");
            assertThat(db.engine().migrationTable().appliedVersions(c)).containsExactly("20260101000000");
        }
    }

    @Test
    void appliesAndRevertsAMigration() throws SQLException {
        Migration migration = migration("migrations/20260101000000_items.sql", """
                -- migrate:up
                CREATE TABLE items (id integer PRIMARY KEY);
                CREATE FUNCTION item_count() RETURNS bigint LANGUAGE plpgsql AS $$
                BEGIN
                    RETURN (SELECT count(*) FROM items);
                END;
                $$;
                -- migrate:down
                DROP FUNCTION item_count();
                DROP TABLE items;
                """);
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);
            MigrationRunner runner = new MigrationRunner(db.engine(), db.engine().migrationTable(), c);

            runner.up(migration);
            assertThat(db.engine().migrationTable().appliedVersions(c)).containsExactly("20260101000000");
            assertThat(db.engine().dumpSchema(c)).contains("CREATE TABLE public.items", "public.item_count()");

            runner.down(migration);
            assertThat(db.engine().migrationTable().appliedVersions(c)).isEmpty();
            assertThat(db.engine().dumpSchema(c)).isEmpty();
        }
    }

    @Test
    void aRuleWithSeveralActionsIsOneStatement() throws SQLException {
        Migration migration = migration("migrations/20260101000000_rule.sql", """
                -- migrate:up
                CREATE TABLE t (id integer);
                CREATE TABLE a (id integer);
                CREATE TABLE b (id integer);
                CREATE RULE r AS ON INSERT TO t DO ALSO (
                    INSERT INTO a VALUES (NEW.id);
                    INSERT INTO b VALUES (NEW.id);
                );
                INSERT INTO t VALUES (5);
                -- migrate:down
                DROP TABLE t, a, b;
                """);
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            db.engine().migrationTable().ensure(c);
            new MigrationRunner(db.engine(), db.engine().migrationTable(), c).up(migration);

            assertThat(TestDatabase.firstValue(c, "SELECT (SELECT id FROM a) || ',' || (SELECT id FROM b)"))
                    .isEqualTo("5,5");
        }
    }

    private static Migration migration(String file, String text) {
        return new Migration(file, file.replaceAll("^migrations/(\\d+).*", "$1"), text.getBytes(StandardCharsets.UTF_8));
    }
}
