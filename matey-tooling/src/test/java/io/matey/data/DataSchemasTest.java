package io.matey.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.Matey;
import io.matey.MateyTools;
import io.matey.error.MateyException;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data sets on tables outside current_schema(): {@code table = "app.flags"} writes PostgreSQL's schema {@code app},
 * an unqualified name is the table the connection's search_path finds, and a qualifier naming another database
 * (MySQL/MariaDB, SQLite) is refused at its manifest line.
 */
class DataSchemasTest {

    /** Same-named tables in two schemas, with enum types of the same name and different labels, and a serial id. */
    private static final String SCHEMA = """
            CREATE SCHEMA app;
            CREATE TYPE app.level AS ENUM ('low', 'high');
            CREATE TYPE public.level AS ENUM ('red', 'green');
            CREATE TABLE app.flags (id serial PRIMARY KEY, name text NOT NULL, level app.level NOT NULL);
            CREATE TABLE public.flags (id integer PRIMARY KEY, name text NOT NULL, level public.level NOT NULL);
            CREATE TABLE app.notes (id integer PRIMARY KEY, body text NOT NULL);""";

    @TempDir
    Path dir;

    private static DataHarness seeded(Path dir) throws SQLException {
        DataHarness h = DataHarness.atHead(dir, "postgres", SCHEMA);
        h.db.execute("""
                INSERT INTO app.flags (id, name, level) VALUES (1, 'app-old', 'low');
                INSERT INTO public.flags (id, name, level) VALUES (1, 'public-old', 'red');""");
        return h;
    }

    private static List<List<String>> flags(DataHarness h, String schema) throws SQLException {
        return h.rows("SELECT id, name, level FROM " + schema + ".flags ORDER BY id");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"replace, 'app-new', 2", "upsert, 'app-new', 2", "insert, 'app-old', 2"})
    void aQualifiedTableIsWrittenInItsSchemaInEveryMode(String mode, String first, int rows) throws Exception {
        try (DataHarness h = seeded(dir)) {
            List<List<String>> publicBefore = flags(h, "public");
            h.manifest("[core]\nfiles = [{ name = \"flags\", table = \"app.flags\", mode = \"" + mode + "\", on = [\"id\"] }]\n");
            h.file("flags", mode.equals("insert") ? "{\"id\": 2, \"name\": \"app-two\", \"level\": \"high\"}"
                    : "{\"id\": 1, \"name\": \"app-new\", \"level\": \"high\"}\n{\"id\": 2, \"name\": \"app-two\", \"level\": \"high\"}");

            AppliedFile applied = h.apply(null).files().get(0);

            assertThat(applied.table()).isEqualTo("app.flags");
            assertThat(flags(h, "app")).hasSize(rows).first().isEqualTo(
                    List.of("1", first, mode.equals("insert") ? "low" : "high"));
            assertThat(flags(h, "public")).isEqualTo(publicBefore);
            // the serial sequence of app.flags moved past the applied ids
            assertThat(h.rows("INSERT INTO app.flags (name, level) VALUES ('next', 'low') RETURNING id"))
                    .containsExactly(List.of("3"));
        }
    }

    @Test
    void exportReadsTheQualifiedTableAndTheLabelsOfItsSchema() throws Exception {
        try (DataHarness h = seeded(dir)) {
            h.manifest("[core]\nfiles = [{ name = \"flags\", table = \"app.flags\", mode = \"replace\" }]\n");
            h.export(null);
            assertThat(h.file("flags")).isEqualTo("{\"id\": 1, \"level\": \"low\", \"name\": \"app-old\"}\n");

            h.file("flags", "{\"id\": 1, \"level\": \"red\", \"name\": \"app-old\"}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessage(h.ws.target().resolve("data/flags.jsonl") + ":1: column 'level' (level): \"red\" is not one "
                            + "of its values \"low\", \"high\".");
        }
    }

    @Test
    void anUnqualifiedNameIsTheTableTheSearchPathFindsFirst() throws Exception {
        try (DataHarness h = seeded(dir)) {
            h.manifest("""
                    [core]
                    files = [
                      { name = "flags", table = "flags", mode = "upsert", on = ["id"] },
                      { name = "notes", table = "notes", mode = "insert" },
                    ]
                    """);
            h.file("flags", "{\"id\": 1, \"name\": \"public-new\", \"level\": \"green\"}");
            h.file("notes", "{\"id\": 1, \"body\": \"found through the search_path\"}");
            String url = h.db.urlWithSearchPath("public,app").raw();
            Matey matey = h.ws.matey();

            new MateyTools(matey).dataApply(matey.target(TestWorkspace.TARGET), url, null);

            assertThat(flags(h, "public")).containsExactly(List.of("1", "public-new", "green"));
            assertThat(flags(h, "app")).containsExactly(List.of("1", "app-old", "low"));
            assertThat(h.rows("SELECT id, body FROM app.notes")).containsExactly(List.of("1", "found through the search_path"));
            // without app on the path, notes is no table of the database's, and the error says how to name it
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class).hasMessage(
                    h.ws.target().resolve("data/data.toml") + ":4: data set 'core', file 2: table 'notes' of data "
                            + "file 'notes' does not exist in the live database. An unqualified name is looked up "
                            + "through the connection's search_path; qualify it (table = \"<schema>.notes\") when it "
                            + "lives in another schema. Correct key 'table' to name an existing table, or create the "
                            + "table in a migration.");
        }
    }

    @Test
    void aFailedApplyLeavesBothSchemasAsTheyWere() throws Exception {
        try (DataHarness h = seeded(dir)) {
            List<List<String>> appBefore = flags(h, "app");
            List<List<String>> publicBefore = flags(h, "public");
            h.manifest("""
                    [core]
                    files = [
                      { name = "app_flags", table = "app.flags", mode = "replace" },
                      { name = "public_flags", table = "public.flags", mode = "insert" },
                    ]
                    """);
            h.file("app_flags", "{\"id\": 1, \"name\": \"app-new\", \"level\": \"high\"}", "{\"id\": 5, \"name\": \"five\", \"level\": \"low\"}");
            // id 1 is already in public.flags: the database refuses the second file's insert
            h.file("public_flags", "{\"id\": 1, \"name\": \"again\", \"level\": \"red\"}");

            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith(h.ws.target().resolve("data/public_flags.jsonl") + ":1: the database "
                            + "refused this row of table 'public.flags': ");

            assertThat(flags(h, "app")).isEqualTo(appBefore);
            assertThat(flags(h, "public")).isEqualTo(publicBefore);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "sqlite"})
    void aQualifierNamingAnotherDatabaseIsRefusedAtItsManifestLine(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine, "CREATE TABLE flags (id INTEGER PRIMARY KEY, name VARCHAR(20));")) {
            String qualifier = engine.equals("sqlite") ? "main" : "other";
            h.manifest("[core]\nfiles = [\n  { name = \"flags\", table = \"" + qualifier + ".flags\", mode = \"insert\" },\n]\n");
            h.file("flags", "{\"id\": 1, \"name\": \"x\"}");
            String names = engine.equals("sqlite") ? "SQLite schema (main, temp or an attached database)"
                    : "MySQL/MariaDB database";

            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class).hasMessage(
                    h.ws.target().resolve("data/data.toml") + ":3: data set 'core', file 1: key 'table': data file "
                            + "'flags' has table '" + qualifier + ".flags', whose qualifier '" + qualifier + "' names a "
                            + names + ". Data sets write only into the database the target's URL names, by unqualified "
                            + "table names: write table = \"flags\" (a table of another database is filled by a target "
                            + "whose URL names that database).");
            assertThatThrownBy(() -> h.export(null)).isInstanceOf(MateyException.class)
                    .hasMessageContaining("data.toml:3: data set 'core', file 1: key 'table'");
            assertThat(h.rows("SELECT id FROM flags")).isEmpty();
        }
    }
}
