package io.matey.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.matey.error.MateyException;
import io.matey.testing.EngineMatrix;
import io.matey.testing.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acceptance 3 and bad input: a set is applied in one transaction, and input that does not fit is refused before
 * anything is written. Either way every table, and every file, is as it was.
 */
class DataSafetyTest {

    private static final String SCHEMA = """
            CREATE TABLE roles (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL);
            CREATE TABLE perms (role_id BIGINT NOT NULL, name VARCHAR(20) NOT NULL, PRIMARY KEY (role_id, name));
            CREATE TABLE audit (id BIGINT NOT NULL PRIMARY KEY, at TIMESTAMP NOT NULL, price DECIMAL(6,2));""";

    private static final String MANIFEST = """
            [core]
            files = [
              { name = "roles", table = "roles", mode = "replace", order_by = "id" },
              { name = "perms", table = "perms", mode = "upsert", on = ["role_id", "name"] },
              { name = "audit", table = "audit", mode = "insert", order_by = "id" },
            ]
            """;

    private static final String BREAKS = "The row breaks that constraint: change the row (or the rows it "
            + "conflicts with or refers to) so that it holds, and run `matey data apply` again.";

    @TempDir
    Path dir;

    private static DataHarness seeded(Path dir, String engine) throws SQLException {
        DataHarness h = DataHarness.atHead(dir, engine, SCHEMA);
        h.db.execute("""
                INSERT INTO roles (id, name) VALUES (1, 'admin'), (2, 'guest');
                INSERT INTO perms (role_id, name) VALUES (1, 'read'), (1, 'write');
                INSERT INTO audit (id, at, price) VALUES (1, '2024-01-01 00:00:00', 1.50);""");
        goodFiles(h);
        return h;
    }

    /** A set that changes all three tables. */
    private static void goodFiles(DataHarness h) {
        h.manifest(MANIFEST);
        h.file("roles", "{\"id\": 1, \"name\": \"administrator\"}", "{\"id\": 3, \"name\": \"editor\"}");
        h.file("perms", "{\"role_id\": 3, \"name\": \"read\"}");
        h.file("audit", "{\"id\": 2, \"at\": \"2024-02-01T10:00:00\", \"price\": \"9.99\"}");
    }

    private static Map<String, List<List<String>>> tables(DataHarness h) throws SQLException {
        return Map.of("roles", h.rows("SELECT id, name FROM roles ORDER BY id"),
                "perms", h.rows("SELECT role_id, name FROM perms ORDER BY role_id, name"),
                "audit", h.rows("SELECT id, at, price FROM audit ORDER BY id"));
    }

    @ParameterizedTest
    @EngineMatrix
    void aRowTheDatabaseRefusesInTheThirdFileLeavesEveryTableAsItWas(String engine) throws Exception {
        try (DataHarness h = seeded(dir, engine)) {
            Map<String, List<List<String>>> before = tables(h);
            // Row 1 of audit exists already: the database refuses the insert.
            h.file("audit", "{\"id\": 2, \"at\": \"2024-02-01T10:00:00\"}", "{\"id\": 1, \"at\": \"2024-02-01T10:00:00\"}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith(h.ws.target().resolve("data/audit.jsonl") + ":2: the database refused this "
                            + "row of table 'audit': ")
                    .hasMessageEndingWith(". The set's transaction was rolled back; no table was changed. " + BREAKS
                            + " Mode insert appends every row of the file each time `matey data apply` runs, so a file "
                            + "applied before conflicts with its own rows: mode upsert (with `on`) or replace matches "
                            + "rows by their key and can be applied again.")
                    .hasMessageNotContaining("..");
            assertThat(tables(h)).isEqualTo(before);

            goodFiles(h);
            assertThat(h.apply(null).files()).extracting(AppliedFile::inserted, AppliedFile::updated, AppliedFile::deleted)
                    .containsExactly(tuple(1, 1, 1), tuple(1, 0, 0), tuple(1, 0, 0));
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void aRowBreakingAConstraintIsNamedByFileAndLineWithTheDatabasesReason(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine, """
                CREATE TABLE roles (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL);
                CREATE TABLE users (id BIGINT NOT NULL PRIMARY KEY, age INTEGER CHECK (age >= 0), nick VARCHAR(20) NOT NULL);""")) {
            h.db.execute("INSERT INTO users (id, age, nick) VALUES (1, 30, 'ann');");
            h.manifest("""
                    [core]
                    files = [
                      { name = "roles", table = "roles", mode = "insert" },
                      { name = "users", table = "users", mode = "upsert", on = ["id"] },
                    ]
                    """);
            h.file("roles", "{\"id\": 1, \"name\": \"admin\"}");
            String row = "{\"id\": %d, \"age\": %d, \"nick\": \"n\"}";
            h.file("users", row.formatted(1, 31), row.formatted(2, 5), row.formatted(3, -1), row.formatted(4, 7));
            String where = h.ws.target().resolve("data/users.jsonl") + ":3: the database refused this row of table 'users': ";
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class).hasMessageStartingWith(where)
                    .hasMessageContaining(Map.of("postgres", "users_age_check", "sqlite", "CHECK constraint failed", "mysql",
                            "CONSTRAINT `users.age` failed").get(engine));
            // an update refused: line 1 changes the existing row's nick to null
            h.file("users", "{\"id\": 1, \"age\": 30, \"nick\": null}", row.formatted(2, 5));
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith(where.replace(":3:", ":1:")).hasMessageContaining("nick");
            assertThat(h.rows("SELECT id, age, nick FROM users ORDER BY id")).containsExactly(List.of("1", "30", "ann"));
            assertThat(h.rows("SELECT id FROM roles")).isEmpty();
        }
    }

    @Test
    void sqliteTellsTheDatabaseRefusingARowFromABadRowAndNamesFileLineAndConstraint() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "sqlite", """
                CREATE TABLE roles (id INTEGER PRIMARY KEY, name TEXT NOT NULL CHECK (length(name) > 1));
                CREATE TABLE users (id INTEGER PRIMARY KEY, role_id INTEGER NOT NULL REFERENCES roles (id));
                CREATE TABLE notes (id INTEGER PRIMARY KEY,
                  role_id INTEGER REFERENCES roles (id) DEFERRABLE INITIALLY DEFERRED);""")) {
            h.db.execute("INSERT INTO roles VALUES (1, 'admin'), (2, 'editor'); INSERT INTO users VALUES (1, 2);");
            h.manifest("""
                    [core]
                    files = [
                      { name = "roles", table = "roles", mode = "replace" },
                      { name = "notes", table = "notes", mode = "insert" },
                    ]
                    """);
            h.file("notes", "{\"id\": 1, \"role_id\": 1}");
            Path roles = h.ws.target().resolve("data/roles.jsonl");
            String rolledBack = " The set's transaction was rolled back; no table was changed. ";

            h.file("roles", "{\"id\": 1, \"name\": \"admin\"}", "{\"id\": 2, \"name\": null}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class).hasMessage(roles + ":2: the "
                    + "database refused this row of table 'roles': NOT NULL constraint failed: roles.name." + rolledBack
                    + BREAKS);
            h.file("roles", "{\"id\": 1, \"name\": \"admin\"}", "{\"id\": 2, \"name\": \"e\"}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class).hasMessage(roles + ":2: the "
                    + "database refused this row of table 'roles': CHECK constraint failed: length(name) > 1."
                    + rolledBack + BREAKS);
            // replace deletes role 2, which users (not in the set) still refers to
            h.file("roles", "{\"id\": 1, \"name\": \"admin\"}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class).hasMessage(roles + ": the "
                    + "database refused to delete the row of key [2] from table 'roles', which the file no longer "
                    + "holds (mode replace): FOREIGN KEY constraint failed." + rolledBack + "Rows of another table "
                    + "still refer to it: keep the row in the file, or change the rows that refer to it first, and run "
                    + "`matey data apply` again.");
            h.file("roles", "{\"id\": 1, \"name\": \"admin\"}", "{\"id\": 2, \"name\": \"editor\"}");
            h.file("notes", "{\"id\": 1, \"role_id\": 9}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class).hasMessage("data apply: the "
                    + "database refused data set 'core' when it was committed: FOREIGN KEY constraint failed."
                    + rolledBack + "A constraint checked only at commit (a deferred foreign key) failed, so no row is "
                    + "named: a row of the set refers to a row no table holds, or rows of another table refer to one "
                    + "the set removes. Correct the files (data/roles.jsonl, data/notes.jsonl) or those rows, and run "
                    + "`matey data apply` again.");
            assertThat(h.rows("SELECT id, name FROM roles ORDER BY id"))
                    .containsExactly(List.of("1", "admin"), List.of("2", "editor"));
            assertThat(h.rows("SELECT id FROM notes")).as("rolled back").isEmpty();
        }
    }

    private record Refusal(String scenario, Consumer<DataHarness> input, String message) {
    }

    private static List<Refusal> refusals(DataHarness h, String engine) {
        Path data = h.ws.target().resolve("data");
        String label = Map.of("sqlite", "DECIMAL(6,2)", "postgres", "numeric(6,2)", "mysql", "decimal(6,2)").get(engine);
        String timestamp = engine.equals("sqlite") ? "TIMESTAMP" : "timestamp";
        List<Refusal> refusals = new ArrayList<>(List.of(
                new Refusal("invalid JSON", x -> x.file("audit", "{\"id\": 2, \"at\": \"2024-02-01T10:00:00\"}", "{\"id\": 3,"),
                        data.resolve("audit.jsonl") + ":2: invalid JSON: "),
                new Refusal("not an object", x -> x.file("audit", "[1]"),
                        data.resolve("audit.jsonl") + ":1: a data file line must be a JSON object."),
                new Refusal("unknown columns", x -> x.file("audit", "{\"id\": 2, \"at\": \"2024-02-01T10:00:00\"}",
                        "{\"id\": 3, \"colour\": 1, \"at\": \"2024-02-01T10:00:00\", \"size\": 2}"),
                        data.resolve("audit.jsonl") + ":2: data file 'audit' contains unknown column(s): 'colour', "
                                + "'size' (table 'audit'; first on this line)."),
                new Refusal("too many decimals", x -> x.file("audit", "{\"id\": 2, \"at\": \"2024-02-01T10:00:00\", \"price\": \"1.234\"}"),
                        data.resolve("audit.jsonl") + ":1: column 'price' (" + label
                                + "): 1.234 has more than 2 digit(s) after the point."),
                new Refusal("too many digits", x -> x.file("audit", "{\"id\": 2, \"at\": \"2024-02-01T10:00:00\", \"price\": 12345}"),
                        data.resolve("audit.jsonl") + ":1: column 'price' (" + label
                                + "): 12345 has more than 4 digit(s) before the point."),
                new Refusal("not a timestamp", x -> x.file("audit", "{\"id\": 2, \"at\": \"yesterday\"}"),
                        data.resolve("audit.jsonl") + ":1: column 'at' (" + timestamp
                                + "): \"yesterday\" is not an ISO-8601 timestamp (YYYY-MM-DDTHH:MM:SS[.ffffff])."),
                new Refusal("decimal as a boolean", x -> x.file("audit", "{\"id\": 2, \"at\": \"2024-02-01T10:00:00\", \"price\": true}"),
                        data.resolve("audit.jsonl") + ":1: column 'price' (" + label
                                + "): expected a decimal string such as \"12.50\", got true."),
                new Refusal("integer out of range", x -> x.file("roles", "{\"id\": 9223372036854775808, \"name\": \"x\"}"),
                        data.resolve("roles.jsonl") + ":1: column 'id' (" + (engine.equals("postgres") ? "int8"
                                : engine.equals("mysql") ? "bigint" : "BIGINT") + "): 9223372036854775808 is out of range "
                                + "[-9223372036854775808, 9223372036854775807]."),
                new Refusal("missing key column", x -> x.file("perms", "{\"role_id\": 3, \"name\": \"read\"}", "{\"role_id\": 3}"),
                        data.resolve("perms.jsonl") + ":2: the row lacks key column 'name'."),
                new Refusal("replace row without its primary key", x -> x.file("roles", "{\"id\": 1, \"name\": \"a\"}", "{\"name\": \"editor\"}"),
                        data.resolve("roles.jsonl") + ":2: the row lacks key column 'id'."),
                new Refusal("repeated key", x -> x.file("perms", "{\"role_id\": 3, \"name\": \"read\"}", "{\"name\": \"read\", \"role_id\": 3}"),
                        data.resolve("perms.jsonl") + ":2: the row repeats the key [3, \"read\"] of line 1."),
                new Refusal("repeated one-column key", x -> x.file("roles", "{\"id\": 1, \"name\": \"a\"}",
                        "{\"id\": 2, \"name\": \"b\"}", "{\"name\": \"c\", \"id\": 1}"),
                        data.resolve("roles.jsonl") + ":3: the row repeats the key [1] of line 1."),
                new Refusal("key column not in the table", x -> x.manifest(MANIFEST.replace("[\"role_id\", \"name\"]", "[\"role_id\", \"nom\"]")),
                        data.resolve("data.toml") + ":4: data set 'core', file 2: data file 'perms' references missing "
                                + "key column(s) (on): 'nom' (table 'perms')."),
                new Refusal("missing file", x -> x.ws.write(TestWorkspace.TARGET + "/data/data.toml", MANIFEST.replace("\"audit\", table", "\"audits\", table")),
                        data.resolve("data.toml") + ":5: data set 'core', file 3: data file " + data.resolve("audits.jsonl")
                                + " does not exist."),
                new Refusal("missing table", x -> x.manifest(MANIFEST.replace("table = \"audit\"", "table = \"audits\"")),
                        data.resolve("data.toml") + ":5: data set 'core', file 3: table 'audits' of data file 'audit' "
                                + "does not exist in the live database."),
                // Any name is a table's name, quoted whole: SQL in it is only a name the database lacks.
                new Refusal("table named with SQL in it", x -> x.manifest(MANIFEST.replace("table = \"audit\"", "table = \"audit; DROP TABLE roles\"")),
                        data.resolve("data.toml") + ":5: data set 'core', file 3: table 'audit; DROP TABLE roles' of data "
                                + "file 'audit' does not exist in the live database.")));
        if (!engine.equals("sqlite")) {
            refusals.add(new Refusal("string too long", x -> x.file("roles", "{\"id\": 1, \"name\": \"abcdefghijklmnopqrstu\"}"),
                    data.resolve("roles.jsonl") + ":1: column 'name' (varchar(20)): \"abcdefghijklmnopqrstu\" "
                            + "is longer than 20 characters."));
        }
        return refusals;
    }

    @ParameterizedTest
    @EngineMatrix
    void badInputIsRefusedWithNothingChanged(String engine) throws Exception {
        try (DataHarness h = seeded(dir, engine)) {
            Map<String, List<List<String>>> before = tables(h);
            for (Refusal refusal : refusals(h, engine)) {
                goodFiles(h);
                refusal.input().accept(h);
                Map<String, String> files = h.ws.files();
                assertThatThrownBy(() -> h.apply(null)).as(refusal.scenario()).isInstanceOf(MateyException.class)
                        .hasMessageStartingWith(refusal.message());
                assertThat(tables(h)).as(refusal.scenario()).isEqualTo(before);
                assertThat(h.ws.files()).as(refusal.scenario()).isEqualTo(files);
            }
            goodFiles(h);
            assertThatThrownBy(() -> h.apply("nope")).hasMessage("Unknown data set 'nope'. Available sets: core.");
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void aSetThatLeavesADanglingReferenceFailsAsAWhole(String engine) throws Exception {
        // SQLite enforces foreign keys only when asked; data apply asks.
        try (DataHarness h = DataHarness.atHead(dir, engine, """
                CREATE TABLE roles (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL);
                CREATE TABLE users (id BIGINT NOT NULL PRIMARY KEY, role_id BIGINT NOT NULL REFERENCES roles (id));""")) {
            h.db.execute("INSERT INTO roles (id, name) VALUES (1, 'admin'), (2, 'guest');");
            h.db.execute("INSERT INTO users (id, role_id) VALUES (10, 2);");
            h.manifest("""
                    [core]
                    files = [{ name = "roles", table = "roles", mode = "replace", order_by = "id" }]
                    """);
            h.file("roles", "{\"id\": 1, \"name\": \"administrator\"}");
            List<List<String>> before = h.rows("SELECT id, name FROM roles ORDER BY id");

            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith(h.ws.target().resolve("data/roles.jsonl") + ": the database refused to "
                            + "delete the row of key [2] from table 'roles', which the file no longer holds (mode "
                            + "replace): ")
                    .hasMessageEndingWith(". The set's transaction was rolled back; no table was changed. Rows of "
                            + "another table still refer to it: keep the row in the file, or change the rows that refer "
                            + "to it first, and run `matey data apply` again.");
            assertThat(h.rows("SELECT id, name FROM roles ORDER BY id")).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EngineMatrix
    void bothCommandsRequireTheLiveSchemaAtTheWorktreeHead(String engine) throws Exception {
        try (DataHarness h = seeded(dir, engine)) {
            h.ws.migration("002_more.sql", "CREATE TABLE more_data (id INTEGER);", "DROP TABLE more_data;");
            h.ws.apply();
            Map<String, String> files = h.ws.files();
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class).hasMessageStartingWith(
                    "data apply requires the live database schema to match the current worktree head. Live applied "
                            + "index: 1, worktree head: 2; `matey db up --path db/core --url '")
                    .hasMessageContaining("` applies the pending migrations, `matey db plan --path db/core --url '")
                    .hasMessageEndingWith("' --diff` shows the difference.");
            assertThatThrownBy(() -> h.export(null)).isInstanceOf(MateyException.class)
                    .hasMessageStartingWith("data export requires the live database schema to match the current worktree head.");
            assertThat(h.ws.files()).isEqualTo(files);
        }
    }

    /**
     * Result-set metadata shows a MariaDB ENUM as CHAR, so a value outside it used to reach the server, which named
     * only "row 1" of its statement; the file's line is named before anything is written.
     */
    @Test
    void aValueOutsideAMysqlEnumIsNamedByFileAndLine() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "mysql",
                "CREATE TABLE moods (id BIGINT NOT NULL PRIMARY KEY, mood ENUM('ok', 'sad') NOT NULL);")) {
            h.db.execute("INSERT INTO moods (id, mood) VALUES (1, 'ok');");
            h.manifest("[core]\nfiles = [{ name = \"moods\", table = \"moods\", mode = \"upsert\", on = \"id\" }]\n");
            h.file("moods", "{\"id\": 2, \"mood\": \"SAD\"}", "{\"id\": 3, \"mood\": \"bad\"}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class).hasMessage(
                    h.ws.target().resolve("data/moods.jsonl") + ":2: column 'mood' (enum): \"bad\" is not one of its "
                            + "values \"ok\", \"sad\".");
            assertThat(h.rows("SELECT id, mood FROM moods ORDER BY id")).containsExactly(List.of("1", "ok"));
        }
    }

    /**
     * A row refused only for a row before it in the same batch (the file's second row takes the name the third then
     * repeats): the batch is undone to its savepoint and sent one row at a time, so the third line is named.
     */
    @ParameterizedTest
    @EngineMatrix
    void aRowRefusedForTheRowBeforeItInItsBatchIsNamedByItsOwnLine(String engine) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine,
                "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL UNIQUE);")) {
            h.db.execute("INSERT INTO t (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c');");
            for (String mode : List.of("replace", "insert")) {
                h.manifest("[core]\nfiles = [{ name = \"t\", table = \"t\", mode = \"" + mode + "\" }]\n");
                h.file("t", "{\"id\": " + (mode.equals("insert") ? 4 : 1) + ", \"name\": \"a2\"}",
                        "{\"id\": 5, \"name\": \"e\"}", "{\"id\": 6, \"name\": \"e\"}");
                assertThatThrownBy(() -> h.apply(null)).as(mode).isInstanceOf(MateyException.class)
                        .hasMessageStartingWith(h.ws.target().resolve("data/t.jsonl") + ":3: the database refused this "
                                + "row of table 't': ");
                assertThat(h.rows("SELECT id, name FROM t ORDER BY id")).as(mode)
                        .containsExactly(List.of("1", "a"), List.of("2", "b"), List.of("3", "c"));
            }
        }
    }

    /**
     * A MariaDB table without transactions would keep the rows written before a refused one: the set is refused
     * while its files are checked, naming the entry, the table and its storage engine, with nothing written (also
     * the file before it, whose table has transactions).
     */
    @ParameterizedTest
    @ValueSource(strings = {"MyISAM", "Aria", "MEMORY"})
    void aMariadbTableWithoutTransactionsIsRefusedBeforeAnythingIsWritten(String storage) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "mysql", """
                CREATE TABLE notes (id INT NOT NULL PRIMARY KEY, body VARCHAR(20) NOT NULL);
                CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL UNIQUE) ENGINE=%s;""".formatted(storage))) {
            h.db.execute("INSERT INTO t (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c');");
            h.file("notes", "{\"body\": \"written first\", \"id\": 1}");
            h.file("t", "{\"id\": 1, \"name\": \"a2\"}", "{\"id\": 5, \"name\": \"e\"}",
                    "{\"id\": 6, \"name\": \"e\"}");
            for (String mode : List.of("replace", "insert")) {
                h.manifest("[core]\nfiles = [\n  { name = \"notes\", table = \"notes\", mode = \"insert\" },\n"
                        + "  { name = \"t\", table = \"t\", mode = \"" + mode + "\" },\n]\n");
                assertThatThrownBy(() -> h.apply(null)).as(mode).isInstanceOf(MateyException.class).hasMessage(
                        h.ws.target().resolve("data/data.toml") + ":4: data set 'core', file 2: table 't' of data file "
                                + "'t' uses storage engine " + storage + ", which has no transactions: data apply writes "
                                + "a set in one transaction so that a row the database refuses leaves every table as it "
                                + "was, and a " + storage + " table would keep the rows written before it. Nothing was "
                                + "written. Convert the table to a transactional engine in a migration (ALTER TABLE `t` "
                                + "ENGINE=InnoDB), or leave it out of the data set.");
                assertThat(h.rows("SELECT id, name FROM t ORDER BY id")).as(mode)
                        .containsExactly(List.of("1", "a"), List.of("2", "b"), List.of("3", "c"));
                assertThat(h.rows("SELECT * FROM notes")).as(mode).isEmpty();
            }
        }
    }

    /**
     * MariaDB's BOOLEAN is TINYINT(1), whose dumps write 1 and 0: apply takes them as well as true and false, and
     * refuses integers outside TINYINT and other JSON; export writes true and false.
     */
    @Test
    void aMysqlBooleanTakesOneAndZeroAndExportsTrueAndFalse() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "mysql",
                "CREATE TABLE flags (id BIGINT NOT NULL PRIMARY KEY, active BOOLEAN NOT NULL, seen TINYINT(1));")) {
            h.manifest("[core]\nfiles = [{ name = \"flags\", table = \"flags\", mode = \"replace\", order_by = [\"id\"] }]\n");
            h.file("flags", "{\"id\": 1, \"active\": 1, \"seen\": 0}", "{\"id\": 2, \"active\": false, \"seen\": true}");
            h.apply(null);
            assertThat(h.rows("SELECT id, active, seen FROM flags ORDER BY id"))
                    .containsExactly(List.of("1", "1", "0"), List.of("2", "0", "1"));
            h.export(null);
            assertThat(h.file("flags")).isEqualTo("{\"active\": true, \"id\": 1, \"seen\": false}\n"
                    + "{\"active\": false, \"id\": 2, \"seen\": true}\n");

            h.file("flags", "{\"id\": 3, \"active\": 128}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageContaining("data/flags.jsonl:1: column 'active' (tinyint(1)): 128 is out of range [-128, 127]");
            h.file("flags", "{\"id\": 3, \"active\": \"yes\"}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageContaining("data/flags.jsonl:1: column 'active'")
                    .hasMessageContaining("true, false, 1 or 0");
        }
    }

    /** Each member of a SET value must be one of its labels; a bad one stops the set before any file is written. */
    @Test
    void aMemberOutsideAMysqlSetIsNamedByFileAndLineAndNothingIsWritten() throws Exception {
        assertLabelsCheckedBeforeWriting("mysql",
                "CREATE TABLE posts (id BIGINT NOT NULL PRIMARY KEY, tags SET('news', 'tech', 'it''s') NOT NULL);",
                "posts", "tags", List.of("NEWS,it's", "", "tech,sports"),
                ":3: column 'tags' (set): \"tech,sports\" has member \"sports\", which is not one of its values "
                        + "\"news\", \"tech\", \"it's\".",
                List.of("news,it's", ""));
    }

    /** A PostgreSQL enum's labels come from pg_enum and are compared exactly, as the server does. */
    @Test
    void aValueOutsideAPostgresEnumIsNamedByFileAndLineAndNothingIsWritten() throws Exception {
        assertLabelsCheckedBeforeWriting("postgres", "CREATE TYPE mood AS ENUM ('ok', 'sad');\n"
                + "CREATE TABLE moods (id BIGINT NOT NULL PRIMARY KEY, mood mood NOT NULL);",
                "moods", "mood", List.of("sad", "OK"), ":2: column 'mood' (mood): \"OK\" is not one of its values "
                        + "\"ok\", \"sad\".",
                List.of("sad", "ok"));
    }

    /**
     * The elements of an enum array, and the values of a domain over an enum (and arrays of it), are checked against
     * the enum's labels as a scalar enum column's are: named by file, line and column before anything is written.
     */
    @Test
    void aValueOutsideAPostgresEnumInAnArrayOrDomainIsNamedByFileAndLine() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "postgres", """
                CREATE TYPE mood AS ENUM ('happy', 'sad');
                CREATE DOMAIN steady_mood AS mood;
                CREATE TABLE people (id bigint PRIMARY KEY, moods mood[], history mood[][], steady steady_mood,
                  steadies steady_mood[]);""")) {
            h.manifest("[core]\nfiles = [{ name = \"people\", table = \"people\", mode = \"replace\", order_by = \"id\" }]\n");
            String good = "{\"history\": [[\"happy\"], [\"sad\"]], \"id\": 1, \"moods\": [\"sad\", \"happy\"], "
                    + "\"steadies\": [\"sad\"], \"steady\": \"happy\"}";
            Map<String, String> bad = Map.of(
                    "{\"id\": 2, \"moods\": [\"sad\", \"meh\"]}", "column 'moods' (mood[])",
                    "{\"id\": 2, \"history\": [[\"sad\"], [\"meh\"]]}", "column 'history' (mood[])",
                    "{\"id\": 2, \"steady\": \"meh\"}", "column 'steady' (steady_mood)",
                    "{\"id\": 2, \"steadies\": [\"meh\"]}", "column 'steadies' (steady_mood[])");
            for (Map.Entry<String, String> row : bad.entrySet()) {
                h.file("people", good, row.getKey());
                assertThatThrownBy(() -> h.apply(null)).as(row.getKey()).isInstanceOf(MateyException.class).hasMessage(
                        h.ws.target().resolve("data/people.jsonl") + ":2: " + row.getValue()
                                + ": \"meh\" is not one of its values \"happy\", \"sad\".");
                assertThat(h.rows("SELECT id FROM people")).isEmpty();
            }
            h.file("people", good);
            h.apply(null);
            h.export(null);
            assertThat(h.file("people")).isEqualTo(good + "\n");
        }
    }

    /**
     * A set whose first file adds a role and whose second inserts {@code values} into {@code table}'s
     * {@code column} (ids from 1) is refused with {@code reason} at its line, neither table changed; with
     * {@code fixed} instead, it applies.
     */
    private void assertLabelsCheckedBeforeWriting(String engine, String ddl, String table, String column,
            List<String> values, String reason, List<String> fixed) throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, engine,
                "CREATE TABLE roles (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL);\n" + ddl)) {
            h.db.execute("INSERT INTO roles (id, name) VALUES (1, 'admin');");
            h.manifest("[core]\nfiles = [\n  { name = \"roles\", table = \"roles\", mode = \"upsert\", on = \"id\" },\n"
                    + "  { name = \"" + table + "\", table = \"" + table + "\", mode = \"insert\", "
                    + "order_by = \"id\" },\n]\n");
            h.file("roles", "{\"id\": 2, \"name\": \"guest\"}");
            h.file(table, rows(column, values));
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessage(h.ws.target().resolve("data/" + table + ".jsonl") + reason);
            assertThat(h.rows("SELECT id, name FROM roles ORDER BY id")).containsExactly(List.of("1", "admin"));
            assertThat(h.rows("SELECT id FROM " + table)).isEmpty();

            h.file(table, rows(column, fixed));
            h.apply(null);
            assertThat(h.rows("SELECT " + column + " FROM " + table + " ORDER BY id"))
                    .containsExactlyElementsOf(fixed.stream().map(List::of).toList());
        }
    }

    private static String[] rows(String column, List<String> values) {
        String[] rows = new String[values.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = "{\"id\": " + (i + 1) + ", \"" + column + "\": \"" + values.get(i) + "\"}";
        }
        return rows;
    }

    /** The manifest is checked the same way on every engine: the embedded one shows it. */
    @Test
    void exportWithoutAnOrderFollowsThePrimaryKey() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "sqlite", SCHEMA)) {
            h.db.execute("INSERT INTO roles (id, name) VALUES (10, 'b'), (2, 'a');");
            h.manifest("[core]\nfiles = [{ name = \"roles\", table = \"roles\", mode = \"replace\" }]\n");
            h.export(null);
            assertThat(h.file("roles")).isEqualTo("{\"id\": 2, \"name\": \"a\"}\n{\"id\": 10, \"name\": \"b\"}\n");
        }
    }

    @Test
    void exportOfATableWithoutKeyNeedsAnOrderAndWritesNothingWhenAFileFails() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "sqlite", SCHEMA + "\nCREATE TABLE notes (body VARCHAR(20));")) {
            h.manifest("""
                    [core]
                    files = [
                      { name = "roles", table = "roles", mode = "replace" },
                      { name = "notes", table = "notes", mode = "insert" },
                    ]
                    """);
            Map<String, String> files = h.ws.files();
            assertThatThrownBy(() -> h.export(null)).isInstanceOf(MateyException.class).hasMessage(
                    h.ws.target().resolve("data/data.toml") + ":4: data set 'core', file 2: data file 'notes' needs "
                            + "order_by for a deterministic export: table 'notes' has no primary key to order its rows "
                            + "by. Add order_by = [\"<column>\", ...] (columns that tell the rows apart) to this entry.");
            assertThat(h.ws.files()).as("roles was exported before notes failed, and is not written").isEqualTo(files);
        }
    }
}
