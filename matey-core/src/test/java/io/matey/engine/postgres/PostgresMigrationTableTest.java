package io.matey.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.MigrationTable;
import io.matey.schema.SchemaDump;
import io.matey.testing.DbmateBinary;
import io.matey.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresMigrationTableTest {

    @Test
    void recordsAndRemovesVersions() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            MigrationTable table = db.engine().migrationTable();
            assertThat(table.exists(c)).isFalse();
            assertThat(table.appliedVersions(c)).isEmpty();

            table.ensure(c);
            table.ensure(c);
            table.record(c, "20260102000000");
            table.record(c, "20260101000000");
            table.remove(c, "20260102000000");

            assertThat(table.exists(c)).isTrue();
            assertThat(table.appliedVersions(c)).containsExactly("20260101000000");
        }
    }

    @Test
    void createsTheTableInTheCurrentSchemaAsDbmateDoes() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres")) {
            db.execute("CREATE SCHEMA app; ALTER DATABASE " + db.url().path() + " SET search_path = app");
            try (Connection c = db.connect()) {
                db.engine().migrationTable().ensure(c);
            }
            db.execute("SELECT 'app.schema_migrations'::regclass");
        }
    }

    @Test
    void keepsTheTableInTheFirstSchemaOfTheUrlsSearchPathAsDbmateDoes() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres");
                TestDatabase loaded = TestDatabase.create("postgres")) {
            MigrationTable table = db.engine().migrationTable();
            String dump;
            try (Connection c = db.engine().connect(db.urlWithSearchPath("dbmate,app"))) {
                assertThat(table.exists(c)).isFalse();
                table.ensure(c);
                table.record(c, "20260101000000");
                try (var st = c.createStatement()) {
                    st.execute("CREATE SCHEMA app; SET search_path = app");
                }
                assertThat(table.appliedVersions(c)).containsExactly("20260101000000");
                dump = SchemaDump.dump(db.engine(), c);
            }
            db.execute("SELECT 'dbmate.schema_migrations'::regclass");
            assertThat(dump).startsWith("CREATE SCHEMA app;\n\n-- Dbmate schema migrations\n");

            try (Connection c = loaded.engine().connect(loaded.urlWithSearchPath("dbmate,app"))) {
                loaded.engine().load(c, dump);
                assertThat(table.appliedVersions(c)).containsExactly("20260101000000");
            }
            loaded.execute("SELECT 'dbmate.schema_migrations'::regclass");
        }
    }

    @Test
    void dumpWithMigrationsBlockLoadsBackWithItsVersions() throws SQLException {
        String dump;
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            db.execute("CREATE TABLE items (id integer PRIMARY KEY)");
            db.engine().migrationTable().ensure(c);
            db.engine().migrationTable().record(c, "20260101000000");
            db.engine().migrationTable().record(c, "20260102000000");
            dump = SchemaDump.dump(db.engine(), c);
        }
        assertThat(dump).endsWith("-- Dbmate schema migrations\n"
                + "CREATE TABLE IF NOT EXISTS schema_migrations (version varchar(128) primary key);\n"
                + "INSERT INTO schema_migrations (version) VALUES\n"
                + "  ('20260101000000'),\n"
                + "  ('20260102000000');\n");

        try (TestDatabase copy = TestDatabase.create("postgres"); Connection c = copy.connect()) {
            copy.engine().load(c, dump);
            assertThat(copy.engine().migrationTable().appliedVersions(c))
                    .containsExactly("20260101000000", "20260102000000");
            assertThat(SchemaDump.dump(copy.engine(), c)).isEqualTo(dump);
        }
    }
    @Test
    void keepsANamedTableInTheSchemaItsNameGivesAsDbmateDoes(@TempDir Path migrations) throws Exception {
        String name = "my schema.Migrations";
        Files.writeString(migrations.resolve("20260101000000_items.sql"),
                "-- migrate:up\nCREATE TABLE items (id integer PRIMARY KEY);\n-- migrate:down\nDROP TABLE items;\n");
        try (TestDatabase db = TestDatabase.create("postgres");
                TestDatabase loaded = TestDatabase.create("postgres")) {
            DbmateBinary.Result up = DbmateBinary.installed().run(db.url(), migrations, "--migrations-table", name,
                    "--no-dump-schema", "up");
            assertThat(up.exitCode()).as(up.output()).isZero();
            MigrationTable table = db.engine().migrationTable(name);
            String dump;
            try (Connection c = db.connect()) {
                assertThat(table.appliedVersions(c)).containsExactly("20260101000000");
                assertThat(db.engine().migrationTable().exists(c)).isFalse();
                table.record(c, "20260102000000");
                dump = SchemaDump.dump(db.engine(), name, c);
            }
            assertThat(dump).doesNotContain("CREATE SCHEMA").endsWith("-- Dbmate schema migrations\n"
                    + "CREATE TABLE IF NOT EXISTS \"my schema\".\"Migrations\" (version varchar(128) primary key);\n"
                    + "INSERT INTO \"my schema\".\"Migrations\" (version) VALUES\n"
                    + "  ('20260101000000'),\n"
                    + "  ('20260102000000');\n");

            try (Connection c = loaded.connect()) {
                loaded.engine().load(c, dump);
                assertThat(table.appliedVersions(c)).containsExactly("20260101000000", "20260102000000");
                assertThat(SchemaDump.dump(loaded.engine(), name, c)).isEqualTo(dump);
            }
        }
    }

    @Test
    void keepsAnUnqualifiedNamedTableInTheFirstSchemaOfTheUrlsSearchPath() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres");
                TestDatabase loaded = TestDatabase.create("postgres")) {
            MigrationTable table = db.engine().migrationTable("custom_migrations");
            String dump;
            try (Connection c = db.engine().connect(db.urlWithSearchPath("dbmate"))) {
                table.ensure(c);
                table.record(c, "20260101000000");
                dump = SchemaDump.dump(db.engine(), "custom_migrations", c);
            }
            db.execute("SELECT 'dbmate.custom_migrations'::regclass");
            assertThat(dump).startsWith("-- Dbmate schema migrations\n"
                    + "CREATE TABLE IF NOT EXISTS \"custom_migrations\" (version varchar(128) primary key);\n");

            try (Connection c = loaded.engine().connect(loaded.urlWithSearchPath("dbmate"))) {
                loaded.engine().load(c, dump);
            }
            loaded.execute("SELECT 'dbmate.custom_migrations'::regclass");
        }
    }

    @Test
    void refusesANameOfMoreThanTwoParts() {
        assertThatThrownBy(() -> new PostgresEngine().migrationTable("a.b.c"))
                .hasMessageContaining("a.b.c").hasMessageContaining("schema.table");
    }
}
