package io.matey.engine.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.migration.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When an incremental replay must run the earlier migrations rather than load their checkpoint (docs/architecture.md
 * §6): only a key added to an existing table can meet an implicit foreign-key index, not a table created with keys.
 */
class ImplicitKeysTest {

    private static final List<Section> FOREIGN_KEYS = List.of(up("CREATE TABLE c (id INT PRIMARY KEY, p INT, "
            + "FOREIGN KEY (p) REFERENCES parents (id));"));

    private static Section up(String sql) {
        return new Section("up", sql, 2, true, 1);
    }

    @Test
    void aKeyAddedToAnExistingTableAfterForeignKeysNeedsTheEarlierMigrationsRun() {
        for (String sql : List.of("ALTER TABLE c ADD CONSTRAINT c_fk FOREIGN KEY (p) REFERENCES parents (id);",
                "alter table c\n  add index c_p (p);", "ALTER TABLE c ADD COLUMN n INT, ADD UNIQUE KEY c_pn (p, n);",
                "CREATE INDEX c_p ON c (p);", "CREATE UNIQUE INDEX c_p ON c (p);")) {
            assertThat(ImplicitKeys.hiddenFrom(FOREIGN_KEYS, List.of(up(sql)))).as(sql).isTrue();
        }
    }

    @Test
    void newTablesColumnsAndHistoriesWithoutForeignKeysKeepTheCheckpoint() {
        for (String sql : List.of("CREATE TABLE t (id INT PRIMARY KEY, k INT, KEY t_k (k), UNIQUE (k));",
                "ALTER TABLE c ADD COLUMN note TEXT;", "ALTER TABLE c DROP INDEX c_p;")) {
            assertThat(ImplicitKeys.hiddenFrom(FOREIGN_KEYS, List.of(up(sql)))).as(sql).isFalse();
        }
        assertThat(ImplicitKeys.hiddenFrom(List.of(up("CREATE TABLE c (id INT PRIMARY KEY);")),
                List.of(up("CREATE INDEX c_id ON c (id);")))).isFalse();
    }

    @Test
    void aKeyAddedToATableNoForeignKeyWasAddedToKeepsTheCheckpoint() {
        for (String sql : List.of("ALTER TABLE other ADD KEY o_k (k);", "CREATE INDEX o_k ON other (k);",
                "CREATE UNIQUE INDEX o_k USING BTREE ON `db`.`other` (k);")) {
            assertThat(ImplicitKeys.hiddenFrom(FOREIGN_KEYS, List.of(up(sql)))).as(sql).isFalse();
        }
        assertThat(ImplicitKeys.hiddenFrom(FOREIGN_KEYS, List.of(up("ALTER TABLE `db`.`C` ADD KEY c_p (p);"))))
                .isTrue();
    }

    @Test
    void renamesCopiesAndStatementsWhoseTableCannotBeReadCountForEveryTable() {
        for (String sql : List.of("RENAME TABLE c TO d;\nALTER TABLE d ADD KEY d_p (p);",
                "CREATE TABLE d LIKE c;\nALTER TABLE d ADD KEY d_p (p);")) {
            assertThat(ImplicitKeys.hiddenFrom(FOREIGN_KEYS, List.of(up(sql)))).as(sql).isTrue();
        }
        List<Section> routine = List.of(up("CREATE PROCEDURE add_fk() BEGIN ALTER TABLE c ADD FOREIGN KEY (p) "
                + "REFERENCES parents (id); END;"));
        assertThat(ImplicitKeys.hiddenFrom(routine, List.of(up("ALTER TABLE other ADD KEY o_k (k);")))).isTrue();
    }
}
