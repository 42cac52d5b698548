package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.MateyTools;
import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.ServerRole;
import io.matey.error.MateyException;
import io.matey.lint.Linter;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MariaDB marks the index it creates for a foreign key, which no dump shows; adding the key back replaces a marked
 * index but keeps one declared explicitly, as the checkpoint's {@code KEY} is once loaded. An incremental replay
 * therefore starts from the prefix run, not its checkpoint, when the tail adds keys (docs/architecture.md §6), and
 * fails where {@code --clean} and a live {@code db down} do.
 */
class ImplicitForeignKeyIndexTest {

    private static final String DROP = "migrations/002_drop_fk.sql";
    private static final ReplayOptions CLEAN = new ReplayOptions(null, null, true, false, false);

    @TempDir
    Path dir;

    private TestWorkspace appliedParentsAndChildren(String engine) {
        TestWorkspace ws = new TestWorkspace(dir, engine);
        ws.migration("001_create.sql", "CREATE TABLE parents (id INT PRIMARY KEY);\nCREATE TABLE children (id INT "
                + "PRIMARY KEY, parent_id INT, FOREIGN KEY (parent_id) REFERENCES parents (id));",
                "DROP TABLE children;\nDROP TABLE parents;");
        ws.apply();
        return ws;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void anIncrementalReplayFailsTheDownThatReplacesTheImplicitIndexAsACleanOneDoes(String engine) {
        TestWorkspace ws = appliedParentsAndChildren(engine);
        ws.migration("002_drop_fk.sql", "ALTER TABLE children DROP FOREIGN KEY children_ibfk_1;",
                "ALTER TABLE children ADD CONSTRAINT children_ibfk_1 FOREIGN KEY (parent_id) REFERENCES parents (id);");

        for (ReplayOptions options : new ReplayOptions[] {ReplayOptions.defaults(), CLEAN}) {
            assertThatThrownBy(() -> ws.apply(options)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith(DROP + ": down roundtrip mismatch: rollback state differs")
                    .hasMessageContaining("-  KEY `parent_id` (`parent_id`)\n+  KEY `children_ibfk_1` (`parent_id`)");
        }
    }

    /** 002, whose down section is accepted as inexact, then 003, whose down section adds 001's foreign key back. */
    private static void acceptedInexactThenForeignKeyAddedBack(TestWorkspace ws) {
        ws.migration("002_notes.sql", "CREATE TABLE notes (id INT PRIMARY KEY);\nCREATE TABLE drafts (id INT PRIMARY "
                + "KEY);", "DROP TABLE notes;");
        ws.write("db/core/config.toml", ws.read("db/core/config.toml") + "\n[inexact_downs]\n\"002_notes.sql\" = "
                + "\"drafts stay\"\n");
        ws.migration("003_drop_fk.sql", "ALTER TABLE children DROP FOREIGN KEY children_ibfk_1;",
                "ALTER TABLE children ADD CONSTRAINT children_ibfk_1 FOREIGN KEY (parent_id) REFERENCES parents (id);");
    }

    /**
     * After a down section accepted as inexact, the replay goes on from the state after that migration's up section;
     * loaded from its checkpoint's text, the implicit index would be declared, and the later down that adds the key
     * back would pass where a live {@code db down} fails.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void theStateAfterAnAcceptedInexactDownKeepsTheImplicitIndex(String engine) {
        TestWorkspace ws = appliedParentsAndChildren(engine);
        acceptedInexactThenForeignKeyAddedBack(ws);

        for (ReplayOptions options : new ReplayOptions[] {ReplayOptions.defaults(), CLEAN}) {
            assertThatThrownBy(() -> ws.apply(options)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith("migrations/003_drop_fk.sql: down roundtrip mismatch: rollback state "
                            + "differs")
                    .hasMessageContaining("-  KEY `parent_id` (`parent_id`)\n+  KEY `children_ibfk_1` (`parent_id`)");
        }
    }

    /**
     * The same when the migrations before create an account, which the server keeps from their first run: the
     * replay drops its own account and runs their up sections again, rather than loading the checkpoint's text.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void theStateAfterAnAcceptedInexactDownIsBuiltByUpSectionsCreatingAccounts(String engine) throws SQLException {
        String user = "mysqlfix_app_" + Long.toString(System.nanoTime() & 0xffffff, 36);
        TestWorkspace ws = new TestWorkspace(dir, engine);
        ws.migration("001_create.sql", "CREATE TABLE parents (id INT PRIMARY KEY);\nCREATE TABLE children (id INT "
                + "PRIMARY KEY, parent_id INT, FOREIGN KEY (parent_id) REFERENCES parents (id));\nCREATE USER '" + user
                + "'@'%';\nGRANT SELECT ON children TO '" + user + "'@'%';",
                "DROP USER '" + user + "'@'%';\nDROP TABLE children;\nDROP TABLE parents;");
        acceptedInexactThenForeignKeyAddedBack(ws);
        List<String> progress = new ArrayList<>();

        assertThatThrownBy(() -> new MateyTools(ws.matey()).schemaApply(TestWorkspace.TARGET, CLEAN, progress::add))
                .isInstanceOf(MateyException.class)
                .hasMessageStartingWith("migrations/003_drop_fk.sql: down roundtrip mismatch: rollback state differs")
                .hasMessageContaining("-  KEY `parent_id` (`parent_id`)\n+  KEY `children_ibfk_1` (`parent_id`)");
        assertThat(progress).anyMatch(line -> line.startsWith("migrations/002_notes.sql  restored by its up sections"));
        Engine mysql = Engines.byId("mysql");
        assertThat(mysql.serverRoles().list(TestDatabase.serverBase(engine))).as("dropped with the last lease")
                .extracting(ServerRole::name).doesNotContain(user);
    }

    /**
     * Lint's L414 reads a migration over the keys the earlier ones declared, and agrees with the server: a foreign key
     * a later migration adds over an explicit key gets no marked index (the round trip that adds it back is exact) and
     * no warning, while one over unindexed columns gets both, in the up section and the down section adding it back.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void lintWarnsOfAForeignKeyALaterMigrationAddsExactlyWhereTheServerMarksItsIndex(String engine) {
        for (boolean declared : new boolean[] {true, false}) {
            TestWorkspace ws = new TestWorkspace(dir.resolve(declared ? "declared" : "undeclared"), engine);
            ws.migration("001_create.sql", "CREATE TABLE parents (id INT PRIMARY KEY);\nCREATE TABLE children (id INT "
                    + "PRIMARY KEY, parent_id INT" + (declared ? ", KEY parent_id (parent_id)" : "") + ");",
                    "DROP TABLE children;\nDROP TABLE parents;");
            ws.migration("002_add_fk.sql", "ALTER TABLE children ADD FOREIGN KEY (parent_id) REFERENCES parents (id);",
                    "ALTER TABLE children DROP FOREIGN KEY children_ibfk_1;"
                            + (declared ? "" : "\nDROP INDEX parent_id ON children;"));
            ws.migration("003_drop_fk.sql", "ALTER TABLE children DROP FOREIGN KEY children_ibfk_1;",
                    "ALTER TABLE children ADD CONSTRAINT children_ibfk_1 FOREIGN KEY (parent_id) REFERENCES parents (id);");

            List<String> warned = Linter.lint(ws.matey().target(TestWorkspace.TARGET)).stream()
                    .filter(f -> f.code().equals("L414")).map(f -> f.path() + ":" + f.line()).toList();
            if (declared) {
                assertThat(warned).isEmpty();
                assertThat(ws.apply(CLEAN).downChecked()).contains("migrations/003_drop_fk.sql");
            } else {
                assertThat(warned).containsExactly("migrations/002_add_fk.sql:2", "migrations/003_drop_fk.sql:5");
                assertThatThrownBy(() -> ws.apply(CLEAN)).hasMessageStartingWith("migrations/003_drop_fk.sql: down "
                        + "roundtrip mismatch");
            }
        }
    }

    @Test
    void aKeyAddedToATableWithoutForeignKeysKeepsLoadingTheCheckpoint() {
        TestWorkspace ws = appliedParentsAndChildren("mysql");
        ws.migration("002_notes.sql", "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(40));", "DROP TABLE notes;");
        ws.migration("003_index_notes.sql", "CREATE INDEX notes_body ON notes (body);", "DROP INDEX notes_body ON notes;");
        List<String> progress = new ArrayList<>();

        assertThat(new MateyTools(ws.matey()).schemaApply(TestWorkspace.TARGET, ReplayOptions.defaults(), progress::add).downChecked())
                .containsExactly("migrations/002_notes.sql", "migrations/003_index_notes.sql");
        assertThat(progress).isNotEmpty().noneMatch(line -> line.contains("anchor run"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aDownDeclaringTheIndexExplicitlyPassesBothReplays(String engine) {
        TestWorkspace ws = appliedParentsAndChildren(engine);
        ws.migration("002_drop_fk.sql", "ALTER TABLE children DROP FOREIGN KEY children_ibfk_1;",
                "ALTER TABLE children DROP INDEX parent_id, ADD KEY parent_id (parent_id),\n"
                        + "  ADD CONSTRAINT children_ibfk_1 FOREIGN KEY (parent_id) REFERENCES parents (id);");

        assertThat(ws.apply().downChecked()).containsExactly(DROP);
        assertThat(ws.apply(CLEAN).downChecked()).contains(DROP);
    }
}
