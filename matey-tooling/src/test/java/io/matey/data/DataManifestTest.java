package io.matey.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code data/data.toml}: sets in file order, file entries, set selection, and messages naming file, set and key. */
class DataManifestTest {

    @TempDir
    Path dir;

    private DataManifest manifest(String toml) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/data.toml"), toml);
        return DataManifest.read(dir);
    }

    private Path file() {
        return dir.resolve("data/data.toml");
    }

    @Test
    void readsSetsInFileOrderWithInlineAndArrayOfTablesEntries() throws Exception {
        DataManifest manifest = manifest("""
                [core]
                files = [
                  { name = "roles", table = "roles", mode = "replace", order_by = ["id"] },
                  { name = "permissions.jsonl", table = "auth.permissions", mode = "upsert", on = ["role_id", "name"] },
                ]

                [[demo.files]]
                name = "demo/users"
                table = "users"
                mode = "insert"
                order_by = "id"
                """);
        assertThat(manifest.names()).containsExactly("core", "demo");
        assertThat(manifest.select("core").files()).containsExactly(
                new DataFile("roles", new TableName(null, "roles"), DataMode.REPLACE, List.of(), List.of("id"), file() + ":3: data set 'core', file 1"),
                new DataFile("permissions", new TableName("auth", "permissions"), DataMode.UPSERT, List.of("role_id", "name"), List.of(),
                        file() + ":4: data set 'core', file 2"));
        DataFile users = manifest.select("demo").files().get(0);
        assertThat(users.path()).isEqualTo("data/demo/users.jsonl");
        assertThat(users.orderBy()).containsExactly("id");
    }

    @Test
    void selectsTheOnlySetOrTheNamedOne() throws Exception {
        DataManifest one = manifest("[only]\nfiles = []\n");
        assertThat(one.select(null).name()).isEqualTo("only");
        assertThatThrownBy(() -> one.select("other")).isInstanceOf(MateyException.class)
                .hasMessage("Unknown data set 'other'. Available sets: only.");

        DataManifest two = manifest("[b]\nfiles = []\n[a]\nfiles = []\n");
        assertThatThrownBy(() -> two.select(null))
                .hasMessage("Multiple data sets are defined; pass --set. Available sets: b, a.");
        assertThat(two.select("a").name()).isEqualTo("a");

        DataManifest none = manifest("");
        assertThatThrownBy(() -> none.select(null)).hasMessage("No data sets are defined in " + file() + ".");
    }

    @Test
    void missingOrUnparsableManifestIsNamed() throws Exception {
        assertThatThrownBy(() -> DataManifest.read(dir)).isInstanceOf(MateyException.class)
                .hasMessage("Data manifest not found: " + file());
        assertThatThrownBy(() -> manifest("[core\n")).hasMessageStartingWith("Unable to parse data manifest " + file() + ":1:");
        Files.write(file(), new byte[] {'[', 'c', ']', '\n', '#', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> DataManifest.read(dir)).isInstanceOf(ManifestException.class)
                .hasMessage(file() + ":2: invalid UTF-8: byte 0xE9 at byte offset 5 of the file. Save the file as UTF-8.");
    }

    /** A table is named as the database spells it; double quotes only wrap a part holding a dot or a quote. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            spaces             | Order Notes           |     | Order Notes | Order Notes
            schema and spaces  | app.Order Items       | app | Order Items | app.Order Items
            non-ASCII          | Bestellpositionen_ä   |     | Bestellpositionen_ä | Bestellpositionen_ä
            quoted parts       | "app"."Order Items"   | app | Order Items | app.Order Items
            dot inside         | "a.b"                 |     | a.b         | "a.b"
            quote inside       | app."say ""hi"".x"    | app | say "hi".x  | app."say ""hi"".x"
            leading quote      | \"\"\"x\"          |     | "x          | \"\"\"x\"
            semicolon is a name | r; DROP TABLE x      |     | r; DROP TABLE x | r; DROP TABLE x
            """)
    void aTableIsNamedAsTheDatabaseSpellsIt(String scenario, String written, String schema, String name, String shown)
            throws Exception {
        DataManifest manifest = manifest("[core]\nfiles = [{ name = \"r\", table = '" + written + "', mode = \"insert\" }]\n");
        TableName table = manifest.select(null).files().get(0).table();
        assertThat(table).as(scenario).isEqualTo(new TableName(schema, name));
        assertThat(table.toString()).as(scenario).isEqualTo(shown);
        assertThat(TableName.parse(shown)).as(scenario).contains(table);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            set not a table     | core = 1                                                                  | data.toml contains an invalid set entry: 'core' must be a table with a files array.
            unknown set key     | [core]\\nfiles = []\\nfile = []                                            | data.toml:1: unsupported keys in data set 'core': 'file'. Allowed keys: files.
            no files array      | [core]\\nfiles = 1                                                         | data.toml:1: data set 'core' must define a files array.
            non-table entry     | [core]\\nfiles = ["roles"]                                                 | data.toml:2: data set 'core', file 1 is a non-table file entry; expected { name, table, mode, ... }.
            unknown file key    | [core]\\nfiles = [{ name = "r", table = "r", mode = "insert", sort = 1 }] | data.toml:2: data set 'core', file 1: unsupported data file keys: 'sort'. Allowed keys: mode, name, on, order_by, table.
            missing table       | [core]\\nfiles = [{ name = "r", mode = "insert" }]                         | data.toml:2: data set 'core', file 1: key 'table': data file entries require string name/table/mode.
            bad mode            | [core]\\nfiles = [{ name = "r", table = "r", mode = "merge" }]             | data.toml:2: data set 'core', file 1: key 'mode': unsupported data mode 'merge'. Use replace, upsert or insert.
            empty on            | [core]\\nfiles = [{ name = "r", table = "r", mode = "upsert", on = [] }]   | data.toml:2: data set 'core', file 1: key 'on': data file 'r' has empty on.
            non-string order_by | [core]\\nfiles = [{ name = "r", table = "r", mode = "insert", order_by = [1] }] | data.toml:2: data set 'core', file 1: key 'order_by': data file 'r' has non-string or empty order_by entries.
            invalid order_by    | [core]\\nfiles = [{ name = "r", table = "r", mode = "insert", order_by = 1 }]   | data.toml:2: data set 'core', file 1: key 'order_by': data file 'r' has invalid order_by; expected string or array of strings.
            climbing name       | [core]\\nfiles = [{ name = "../r", table = "r", mode = "insert" }]         | data.toml:2: data set 'core', file 1: key 'name': data file name '../r' must be a relative path without '.' or '..' segments.
            twice qualified     | [core]\\nfiles = [{ name = "r", table = "db.public.r", mode = "insert" }]  | data.toml:2: data set 'core', file 1: key 'table': data file 'r' has table 'db.public.r', which names no table: write the table as the database spells it, unquoted (table = "Order Notes"), optionally after its schema and one dot (table = "app.Order Notes"); a part that holds a dot or starts with a double quote goes in double quotes, each inner one doubled (table = '"a.b"').
            open quote          | [core]\\nfiles = [{ name = "r", table = '"a.b', mode = "insert" }]        | data.toml:2: data set 'core', file 1: key 'table': data file 'r' has table '"a.b', which names no table: write the table as the database spells it, unquoted (table = "Order Notes"), optionally after its schema and one dot (table = "app.Order Notes"); a part that holds a dot or starts with a double quote goes in double quotes, each inner one doubled (table = '"a.b"').
            empty part          | [core]\\nfiles = [{ name = "r", table = "app.", mode = "insert" }]        | data.toml:2: data set 'core', file 1: key 'table': data file 'r' has table 'app.', which names no table: write the table as the database spells it, unquoted (table = "Order Notes"), optionally after its schema and one dot (table = "app.Order Notes"); a part that holds a dot or starts with a double quote goes in double quotes, each inner one doubled (table = '"a.b"').
            repeated file       | [core]\\nfiles = [{ name = "r", table = "a", mode = "insert" }, { name = "r.jsonl", table = "b", mode = "insert" }] | data.toml:2: data set 'core', file 2: data file 'r' is already listed in this set.
            """)
    void invalidManifestsNameTheFileTheSetAndTheKey(String scenario, String toml, String message) throws Exception {
        assertThatThrownBy(() -> manifest(toml.replace("\\n", "\n"))).as(scenario).isInstanceOf(MateyException.class)
                .hasMessage(dir.resolve("data") + "/" + message);
    }
}
