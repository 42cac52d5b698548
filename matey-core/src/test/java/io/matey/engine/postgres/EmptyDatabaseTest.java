package io.matey.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engine;
import io.matey.testing.Construct;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The quick emptiness look stands in for a dump only when it is sound: whatever it calls empty dumps as the
 * empty baseline, and every construct of the corpus that a new database accepts on its own is seen.
 */
class EmptyDatabaseTest {

    @Test
    void aNewDatabaseAndOneHoldingOnlyTheMigrationTablesAreProvenEmpty() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            Engine engine = db.engine();
            assertThat(engine.provablyEmpty(c)).isTrue();
            engine.migrationTable().ensure(c);
            engine.migrationTable().record(c, "20260101000000");
            engine.progressTable().begin(c, "20260101000001", "up", 0, 2);
            assertThat(engine.provablyEmpty(c)).isTrue();
            assertThat(engine.dumpSchema(c)).isEqualTo(engine.zeroBaseline());
        }
    }

    @Test
    void everyConstructANewDatabaseTakesAloneIsSeen() throws SQLException {
        int standalone = 0;
        for (Construct construct : Constructs.ALL) {
            try (TestDatabase db = TestDatabase.create("postgres")) {
                try {
                    db.execute(construct.up());
                } catch (SQLException needsAnEarlierConstruct) {
                    continue;
                }
                standalone++;
                try (Connection c = db.connect()) {
                    assertThat(db.engine().provablyEmpty(c)).as(construct.name()).isFalse();
                }
            }
        }
        assertThat(standalone).as("constructs that stand alone").isGreaterThanOrEqualTo(Constructs.ALL.size() / 2);
    }

    @Test
    void objectsOnlyBuiltInsCarryAreSeen() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            db.execute("CREATE SCHEMA app");
            assertThat(db.engine().provablyEmpty(c)).as("a schema").isFalse();
        }
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            db.execute("CREATE TYPE mood AS ENUM ('ok', 'sad')");
            assertThat(db.engine().provablyEmpty(c)).as("an enum").isFalse();
        }
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            db.execute("CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY)");
            assertThat(db.engine().provablyEmpty(c)).as("dbmate's migrations table").isTrue();
            db.execute("CREATE INDEX schema_migrations_extra ON schema_migrations (version DESC)");
            assertThat(db.engine().provablyEmpty(c)).as("an index of one's own on it").isFalse();
        }
    }
}
