package io.matey.engine.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.schema.DriftDraft;
import io.matey.schema.SchemaDump;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A column's rename by the server's version: {@code RENAME COLUMN} where it exists, else {@code CHANGE COLUMN}. */
class MysqlDraftDialectTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            10.4.32-MariaDB           | ALTER TABLE `t` CHANGE COLUMN `qty` `quantity` decimal(10,3) NOT NULL
            10.5.0-MariaDB            | ALTER TABLE `t` RENAME COLUMN `qty` TO `quantity`;
            10.11.6-MariaDB-0+deb12u1 | ALTER TABLE `t` RENAME COLUMN `qty` TO `quantity`;
            11.4.2-MariaDB            | ALTER TABLE `t` RENAME COLUMN `qty` TO `quantity`;
            5.7.44                    | ALTER TABLE `t` CHANGE COLUMN `qty` `quantity` decimal(10,3) NOT NULL
            8.0.36                    | ALTER TABLE `t` RENAME COLUMN `qty` TO `quantity`;
            """)
    void aColumnIsRenamedAsTheServerVersionAllows(String version, String statement) {
        assertThat(MysqlDraftDialect.of(version).renameColumn("`t`", "`qty`", "`quantity`", "decimal(10,3) NOT NULL"))
                .isEqualTo(statement.endsWith(";") ? statement : statement + ";");
    }

    /**
     * The server's own version picks {@code RENAME COLUMN}; the {@code CHANGE COLUMN} of a server before it restates
     * the definition as the dump writes it, default, collation and comment included, and runs on this one to the same
     * schema, and back.
     */
    @Test
    void bothRenamesRunOnTheServer() throws SQLException {
        String schema = "CREATE TABLE t (id int PRIMARY KEY, qty varchar(10) CHARACTER SET latin1 COLLATE latin1_bin "
                + "NOT NULL DEFAULT 'n/a' COMMENT 'how many', KEY t_qty (qty));\n";
        try (TestDatabase live = TestDatabase.create("mysql"); TestDatabase db = TestDatabase.create("mysql")) {
            live.execute(schema);
            live.execute("ALTER TABLE t RENAME COLUMN qty TO quantity;\n");
            db.execute(schema);
            String committed = dump(db);
            String drifted = dump(live);
            String draft;
            try (Connection c = live.connect()) {
                draft = DriftDraft.of(drifted, committed, live.engine().draft(c));
            }
            assertThat(draft).contains("ALTER TABLE `t` RENAME COLUMN `qty` TO `quantity`;");
            String old = DriftDraft.of(drifted, committed, MysqlDraftDialect.of("10.4.32-MariaDB"));
            assertThat(old).contains("ALTER TABLE `t` CHANGE COLUMN `qty` `quantity` varchar(10) COLLATE latin1_bin "
                    + "NOT NULL DEFAULT 'n/a' COMMENT 'how many';").doesNotContain("RENAME COLUMN");
            String[] sections = old.replace("-- migrate:up\n", "").split("-- migrate:down\n");
            db.execute(sections[0]);
            assertThat(dump(db)).isEqualTo(drifted);
            db.execute(sections[1]);
            assertThat(dump(db)).isEqualTo(committed);
        }
    }

    private static String dump(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return SchemaDump.withoutMigrations(SchemaDump.dump(db.engine(), c));
        }
    }
}
