package io.matey.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.lint.SchemaChange.AddColumn;
import io.matey.lint.SchemaChange.AddUnique;
import io.matey.lint.SchemaChange.ClearColumn;
import io.matey.lint.SchemaChange.CopyRows;
import io.matey.lint.SchemaChange.CreateIndex;
import io.matey.lint.SchemaChange.CreateSchema;
import io.matey.lint.SchemaChange.CreateTable;
import io.matey.lint.SchemaChange.CreateType;
import io.matey.lint.SchemaChange.DeleteAll;
import io.matey.lint.SchemaChange.DropColumn;
import io.matey.lint.SchemaChange.DropPartition;
import io.matey.lint.SchemaChange.DropSchema;
import io.matey.lint.SchemaChange.DropTable;
import io.matey.lint.SchemaChange.DropView;
import io.matey.lint.SchemaChange.ExchangeTables;
import io.matey.lint.SchemaChange.RenameColumn;
import io.matey.lint.SchemaChange.RenameEnumValue;
import io.matey.lint.SchemaChange.RenameSchema;
import io.matey.lint.SchemaChange.RenameTable;
import io.matey.lint.SchemaChange.ReplacePartition;
import io.matey.lint.SchemaChange.ReplaceTable;
import io.matey.lint.SchemaChange.SetNotNull;
import io.matey.lint.SchemaChange.Truncate;
import io.matey.migration.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeReaderTest {

    private static List<SchemaChange> read(String sql) {
        return ChangeReader.read(ParsedStatement.of(new SqlStatement(sql, 1)));
    }

    @Test
    void createdObjectsComeFromTheHeadEvenWhereTheGrammarRejectsTheRest() {
        assertThat(read("CREATE TABLE IF NOT EXISTS app.\"Users\" (id int) PARTITION BY RANGE (id)"))
                .containsExactly(new CreateTable("Users", true));
        assertThat(read("CREATE TABLE ranked AS SELECT id, row_number() OVER (PARTITION BY kind) FROM events"))
                .containsExactly(new CreateTable("ranked"), new CopyRows("ranked", "events"));
        assertThat(read("CREATE TABLE t (id INTEGER PRIMARY KEY) STRICT")).containsExactly(new CreateTable("t"));
        assertThat(read("CREATE UNLOGGED TABLE u (id int)")).containsExactly(new CreateTable("u"));
        assertThat(read("CREATE SCHEMA IF NOT EXISTS audit")).containsExactly(new CreateSchema("audit"));
        assertThat(read("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS u ON ONLY s.users (a DESC NULLS LAST) "
                + "INCLUDE (b) WHERE deleted_at IS NULL")).containsExactly(new CreateIndex("users", "u", true, true, true));
        assertThat(read("CREATE INDEX ON users USING gin (doc)")).containsExactly(new CreateIndex("users", null, false,
                false));
        assertThat(read("CREATE FULLTEXT INDEX ft ON `docs` (body)")).containsExactly(new CreateIndex("docs", "ft",
                false, false));
    }

    @Test
    void droppedAndTruncatedNameLists() {
        assertThat(read("DROP TABLE IF EXISTS a, s.b CASCADE")).containsExactly(new DropTable("a"), new DropTable("b"));
        assertThat(read("DROP DATABASE legacy")).containsExactly(new DropSchema("legacy"));
        assertThat(read("TRUNCATE TABLE ONLY users, orders RESTART IDENTITY")).containsExactly(new Truncate("users"),
                new Truncate("orders"));
        assertThat(read("DROP INDEX CONCURRENTLY users_email")).isEmpty();
        assertThat(read("DELETE FROM ONLY s.users")).containsExactly(new DeleteAll("users"));
        assertThat(read("DELETE FROM users RETURNING id")).containsExactly(new DeleteAll("users"));
        assertThat(read("DELETE FROM users WHERE id IN (SELECT id FROM old)")).as("a row condition").isEmpty();
        assertThat(read("DELETE FROM users USING old WHERE users.id = old.id")).isEmpty();
        assertThat(read("DELETE FROM users ORDER BY id LIMIT 10")).isEmpty();
        assertThat(read("DELETE FROM users WHERE id = (SELECT max(id) FROM (SELECT id FROM users) x)")).isEmpty();
        assertThat(read("ALTER TABLE s CLEAR COLUMN IF EXISTS v, REPLACE PARTITION 202401 FROM e"))
                .as("ClickHouse's clauses the grammar keeps as text").containsExactly(new ClearColumn("s", "v"),
                        new ReplacePartition("s", "partition 202401"));
        assertThat(read("ALTER TABLE s CLEAR COLUMN v IN PARTITION 202401, ADD COLUMN n String, DROP COLUMN w"))
                .as("the grammar keeps the clauses after one it does not know as text: each is read alone")
                .containsExactly(new ClearColumn("s", "v"), new AddColumn("s", "n", false, true), new DropColumn("s", "w"));
        assertThat(read("ALTER TABLE s REPLACE PARTITION 1 FROM e, DROP COLUMN w, DROP PARTITION 2"))
                .containsExactly(new ReplacePartition("s", "partition 1"), new DropColumn("s", "w"),
                        new DropPartition("s", "partition 2", false));
        assertThat(read("EXCHANGE TABLES a AND b")).containsExactly(new ExchangeTables("a", "b"));
        assertThat(read("CREATE OR REPLACE TABLE t (id int)")).containsExactly(new ReplaceTable("t"), new CreateTable("t"));
        assertThat(read("DROP VIEW IF EXISTS v, w")).containsExactly(new DropView("v"), new DropView("w"));
    }

    @Test
    void alterTableClausesComeFromTheSyntaxTree() {
        assertThat(read("ALTER TABLE users ADD COLUMN age int NOT NULL, ADD COLUMN plan text NOT NULL DEFAULT 'free', "
                + "ADD COLUMN n bigserial NOT NULL, ADD COLUMN k int PRIMARY KEY, ADD COLUMN note text"))
                .containsExactly(new AddColumn("users", "age", true, false), new AddColumn("users", "plan", false, false),
                        new AddColumn("users", "n", false, false), new AddColumn("users", "k", true, true),
                        new AddColumn("users", "note", false, true));
        assertThat(read("ALTER TABLE m ADD COLUMN a Nullable(String), ADD COLUMN c String NULL, "
                + "ADD COLUMN d UInt8 DEFAULT 1, ADD COLUMN f LowCardinality(String)"))
                .as("ClickHouse's Nullable type and a NULL written are not bare").containsExactly(
                        new AddColumn("m", "a", false, false), new AddColumn("m", "c", false, false),
                        new AddColumn("m", "d", false, false), new AddColumn("m", "f", false, true));
        assertThat(read("ALTER TABLE users ADD CONSTRAINT u UNIQUE (email)")).containsExactly(new AddUnique("users", false));
        assertThat(read("ALTER TABLE users ADD UNIQUE KEY u (email)")).containsExactly(new AddUnique("users", false));
        assertThat(read("ALTER TABLE users ADD CONSTRAINT pk PRIMARY KEY (id)")).containsExactly(new AddUnique("users", true));
        assertThat(read("ALTER TABLE users ADD UNIQUE INDEX u (email)")).containsExactly(new AddUnique("users", false));
        assertThat(read("ALTER TABLE users ADD CONSTRAINT u UNIQUE KEY (email)")).containsExactly(new AddUnique("users", false));
    }

    @Test
    void uniqueConstraintsTheGrammarRejectsComeFromTheTokens() {
        assertThat(read("ALTER TABLE users ADD UNIQUE u (email)")).containsExactly(new AddUnique("users", false));
        assertThat(read("ALTER TABLE `users` ADD UNIQUE `u` USING BTREE (`email`)"))
                .containsExactly(new AddUnique("users", false));
        assertThat(read("ALTER TABLE users ADD UNIQUE IF NOT EXISTS u (email), ADD CONSTRAINT v UNIQUE (name), "
                + "ADD KEY k (a), ADD CONSTRAINT c CHECK (id > 0)"))
                .containsExactly(new AddUnique("users", false), new AddUnique("users", false));
        assertThat(read("ALTER TABLE users ADD UNIQUE u (email), RENAME COLUMN tier TO plan"))
                .containsExactly(new AddUnique("users", false));
    }

    @Test
    void aPlainKeyOrIndexAddedByAlterTableIsNoUniqueConstraint() {
        assertThat(read("ALTER TABLE t ADD KEY ix_a (a)")).isEmpty();
        assertThat(read("ALTER TABLE `t` ADD KEY `ix_b` (`b`)")).isEmpty();
        assertThat(read("ALTER TABLE t ADD INDEX ix_ab (a, b)")).isEmpty();
        assertThat(read("ALTER TABLE users ADD CONSTRAINT c CHECK (id > 0)")).isEmpty();
        assertThat(read("ALTER TABLE users DROP COLUMN IF EXISTS \"Email\", DROP CONSTRAINT c"))
                .containsExactly(new DropColumn("users", "Email"));
        assertThat(read("ALTER TABLE users ALTER COLUMN a SET DEFAULT 0, ALTER COLUMN a SET NOT NULL, "
                + "ALTER COLUMN b DROP NOT NULL")).containsExactly(new SetNotNull("users", "a"));
    }

    @Test
    void renamesInPostgresAndMysqlSpellings() {
        assertThat(read("ALTER TABLE users RENAME COLUMN name TO full_name"))
                .containsExactly(new RenameColumn("users", "name", "full_name"));
        assertThat(read("ALTER TABLE users RENAME TO accounts")).containsExactly(new RenameTable("users", "accounts"));
        assertThat(read("RENAME TABLE a TO b, c TO d")).containsExactly(new RenameTable("a", "b"), new RenameTable("c", "d"));
        assertThat(read("ALTER TABLE t CHANGE COLUMN a b int NOT NULL")).containsExactly(new RenameColumn("t", "a", "b"));
        assertThat(read("ALTER TABLE t CHANGE COLUMN a a bigint")).isEmpty();
        assertThat(read("ALTER TABLE t RENAME CONSTRAINT a TO b")).isEmpty();
        assertThat(read("ALTER TABLE customers RENAME COLUMN tier TO plan"))
                .containsExactly(new RenameColumn("customers", "tier", "plan"));
        assertThat(read("ALTER TABLE `customers` RENAME COLUMN `tier` TO `plan`"))
                .containsExactly(new RenameColumn("customers", "tier", "plan"));
        assertThat(read("ALTER TABLE t RENAME a TO b")).containsExactly(new RenameColumn("t", "a", "b"));
        assertThat(read("ALTER TABLE IF EXISTS s.t RENAME TO plan")).containsExactly(new RenameTable("t", "plan"));
        assertThat(read("ALTER TABLE t RENAME INDEX plan TO b")).isEmpty();
        assertThat(read("ALTER TABLE a RENAME TO plan")).containsExactly(new RenameTable("a", "plan"));
        assertThat(read("RENAME TABLE a TO plan")).containsExactly(new RenameTable("a", "plan"));
        assertThat(read("ALTER TABLE t CHANGE old new varchar(10) NOT NULL"))
                .containsExactly(new RenameColumn("t", "old", "new"));
        assertThat(read("ALTER TABLE t CHANGE COLUMN IF EXISTS a b int, CHANGE c c bigint"))
                .containsExactly(new RenameColumn("t", "a", "b"));
        assertThat(read("ALTER TABLE t RENAME COLUMN IF EXISTS c TO d")).containsExactly(new RenameColumn("t", "c", "d"));
    }

    @Test
    void postgresSchemaAndEnumValueRenames() {
        assertThat(read("ALTER SCHEMA audit RENAME TO audit_trail")).containsExactly(new RenameSchema("audit",
                "audit_trail"));
        assertThat(read("ALTER SCHEMA audit OWNER TO admin")).isEmpty();
        assertThat(read("CREATE TYPE public.mood AS ENUM ('happy', 'sad')")).containsExactly(new CreateType("mood"));
        assertThat(read("ALTER TYPE public.mood RENAME VALUE 'sad' TO 'unhappy'"))
                .containsExactly(new RenameEnumValue("mood", "'sad'", "'unhappy'"));
        assertThat(read("ALTER TYPE mood ADD VALUE 'calm' AFTER 'happy'")).isEmpty();
    }

    @Test
    void tableRenamesTheGrammarRejectsComeFromTheTokens() {
        assertThat(read("RENAME TABLE a TO sample")).containsExactly(new RenameTable("a", "sample"));
        assertThat(read("RENAME TABLE s.current TO s.output, `b` TO c"))
                .containsExactly(new RenameTable("current", "output"), new RenameTable("b", "c"));
        assertThat(read("ALTER TABLE a RENAME TO sample")).containsExactly(new RenameTable("a", "sample"));
        assertThat(read("RENAME TABLE a TO sample, b")).containsExactly(new RenameTable("a", "sample"));
    }

    @Test
    void postgresOnlyKeywordBeforeTheRenamedTable() {
        assertThat(read("ALTER TABLE ONLY users RENAME TO accounts"))
                .containsExactly(new RenameTable("users", "accounts"));
        assertThat(read("ALTER TABLE IF EXISTS ONLY public.users RENAME TO accounts"))
                .containsExactly(new RenameTable("users", "accounts"));
        assertThat(read("alter table only \"app\".\"Users\" rename to \"Accounts\""))
                .containsExactly(new RenameTable("Users", "Accounts"));
        assertThat(read("ALTER TABLE ONLY public.users\n    RENAME TO accounts"))
                .containsExactly(new RenameTable("users", "accounts"));
        assertThat(read("ALTER TABLE ONLY app.users RENAME COLUMN name TO full_name"))
                .containsExactly(new RenameColumn("users", "name", "full_name"));
        assertThat(read("ALTER TABLE IF EXISTS ONLY users RENAME name TO full_name"))
                .containsExactly(new RenameColumn("users", "name", "full_name"));
    }

    @Test
    void statementsTheGrammarRejectsAreSkipped() {
        assertThat(read("ALTER TABLE IF EXISTS ONLY users ALTER COLUMN email SET NOT NULL")).isEmpty();
        assertThat(read("DO $$ BEGIN DROP TABLE users; END $$")).isEmpty();
        assertThat(read("CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN TRUNCATE users; RETURN NEW; END $$ "
                + "LANGUAGE plpgsql")).isEmpty();
        assertThat(read("INSERT INTO users (id) VALUES (1)")).isEmpty();
    }

    @Test
    void changesOnTablesCreatedEarlierInTheMigrationAreNotExisting() {
        assertThat(existing("CREATE TABLE staging (id int)", "ALTER TABLE staging RENAME TO Teams",
                "CREATE INDEX teams_id ON \"teams\" (id)", "CREATE INDEX users_id ON users (id)"))
                .containsExactly(true, false, false, true);
    }

    @Test
    void schemasAndTypesCreatedEarlierInTheMigrationAreNotExistingUnderTheirOwnNames() {
        assertThat(existing("CREATE SCHEMA staging", "ALTER SCHEMA staging RENAME TO scratch",
                "ALTER SCHEMA scratch RENAME TO sandbox", "CREATE TYPE mood AS ENUM ('sad')",
                "ALTER TYPE mood RENAME VALUE 'sad' TO 'glum'", "CREATE TABLE weather (id int)",
                "ALTER TYPE weather RENAME VALUE 'rain' TO 'showers'"))
                .containsExactly(true, false, false, true, false, true, true);
    }

    /** Whether each statement's one change acts on an existing subject, the statements read as one up section. */
    private static List<Boolean> existing(String... statements) {
        List<ParsedStatement> parsed = new ArrayList<>();
        for (int i = 0; i < statements.length; i++) {
            parsed.add(ParsedStatement.of(new SqlStatement(statements[i], i + 2)));
        }
        List<MigrationChanges.Located> changes = MigrationChanges.of(parsed);
        assertThat(changes).extracting(MigrationChanges.Located::line)
                .containsExactlyElementsOf(parsed.stream().map(ParsedStatement::line).toList());
        return changes.stream().map(MigrationChanges.Located::existing).toList();
    }
}
