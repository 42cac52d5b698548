package io.matey.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.matey.artifact.LockFileCodec;
import io.matey.artifact.LockStep;
import io.matey.artifact.SchemaLock;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;

class FlatTomlTest {

    private static final String LOCK = LockFileCodec.render(new SchemaLock(0, "blake2b-256", "matey-catalog-v1",
            "postgres", "app", "schema.sql", "migrations", "checkpoints", 2, "c2", "s2", List.of(
                    new LockStep(1, "001", "migrations/001_a.sql", "m1", "checkpoints/001_a.sql", "c1", "k1", "s1", null),
                    new LockStep(2, "002", "migrations/002_b.sql", "m2", "checkpoints/002_b.sql", "c2", "k2", "s2",
                            "drops a column"))));

    @ParameterizedTest
    @ValueSource(strings = {
        "targets = [\"postgres\"]\n",
        "targets = [\"a\", 'b/c',]   # two\n\n# end",
        "engine = \"postgres\"\r\nurl_env = \"DATABASE_URL\"\r\ntest_url_env = \"TEST_DATABASE_URL\"\r\n",
        "\t engine = \"sqlite\"\nallow_non_dbmate_files = true\n[codegen]\nenabled = false\ngenerator = 'tables'\n"
            + "options = \"noviews,nojoined\"\n[other]\n",
        "a = -12\nb = +0\nc = 0\nd = 999999999999999999\ne = []\nf = [true, false]\ng = [1, 2, 3]\nh = \"\"\n",
        "k = \"ünïcode and # not a comment\" # a comment\n[t]\n  [[arr]]\nx = 1\n[[arr]]\n\n[[arr]]\nx = 2\n",
        "",
        "# only a comment",
        "targets = [\n  \".\",\n  \"server\",\n]\nafter = 1\n",
        "a = [ # first\r\n  1, # one\n\n  2\n  # last\n  ]\nb = [\n]\n[t]\nc = [\n'x'\n\n, \"y\"]\n",
        "a = [\n1]\n",
    })
    void readsTheSubsetAsTomljDoes(String text) {
        TomlMap flat = FlatToml.parse(text);
        assertNotNull(flat, "in the subset");
        assertEquals(render(TomlMap.of(Toml.parse(text))), render(flat));
    }

    @Test
    void readsTheLockMateyWritesAsTomljDoes() {
        assertEquals(render(TomlMap.of(Toml.parse(LOCK))), render(FlatToml.parse(LOCK)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a.b = 1\n", "\"quoted key\" = 1\n", "[a.b]\n", "a = \"tab\\t\"\n", "a = 'C:\\dir'\n", "a = \"\"\"x\"\"\"\n",
        "a = 1.5\n", "a = 1e3\n", "a = 1_000\n", "a = 0x10\n", "a = 012\n", "a = 1979-05-27\n", "a = inf\n",
        "a = {b = 1}\n", "a = [1, \"x\"]\n",
        "a = [\n1,\n\"x\"]\n", "a = [1\r2]\n", "a = [1 # bell\u0007\n]\n", "a = [\n1,\n", "a = [1\n, , 2]\n", "a = [[1]]\n", "a = 1\na = 2\n", "[t]\n[t]\n",
        "t = 1\n[t]\n", "[t]\n[[t]]\n", "t = []\n[[t]]\n", "a = 1\rb = 2\n", "a = \"x\n", "a =\n", "a = 1 2\n",
        "\uFEFFa = 1\n", "a = 9999999999999999999\n", "a = \"bell\u0007\"\n", "ü = 1\n",
    })
    void leavesEverythingElseToTomlj(String text) {
        assertNull(FlatToml.parse(text));
    }

    @Test
    void wordsSyntaxErrorsAsTomljDoes() {
        TomlSyntaxException error = assertThrows(TomlSyntaxException.class, () -> TomlText.parse("a = 1\na = 2\n"));
        assertEquals(2, error.line());
        assertEquals(Toml.parse("a = 1\na = 2\n").errors().get(0).toString(), error.describe());
    }

    @Test
    void readsOtherDocumentsWithTomlj() throws TomlSyntaxException {
        TomlMap map = TomlText.parse("[tool.matey]\ntargets = [\n  \"db\",\n]\n");
        assertEquals(List.of("db"), ((TomlMap) ((TomlMap) map.get("tool")).get("matey")).get("targets"));
    }

    /**
     * Random documents made of the subset's pieces and of near misses: whenever the flat reader takes one, tomlj
     * reads it without error and to the same values and lines; whatever it declines goes to tomlj anyway.
     */
    @Test
    void agreesWithTomljOnRandomDocuments() {
        String[] keys = {"a", "b", "url_env", "x-y", "_k", "9", "a.b", "\"q\"", "ü", ""};
        String[] values = {"1", "-7", "+0", "0", "01", "1_0", "1.5", "true", "false", "True", "\"s\"", "'s'",
            "\"a # b\"", "\"\"", "\"esc\\\"q\"", "'it''s'", "[]", "[1, 2]", "[1,]", "[\"a\", 'b']", "[1, \"a\"]",
            "[[1]]", "{}", "\"unterminated", "9223372036854775807", "9223372036854775808", "", "1979-05-27",
            "[\n  \"a\",\n  \"b\",\n]", "[ # c\n1,\r\n\n2 # d\n]", "[\n1,\n'x']", "[1,\n,2]", "[\n", "[1\n# c"};
        String[] headers = {"[t]", "[[t]]", "[u]", "[[u]]", "[t.u]", "[ t ]", "[[ t ]]", "[t] # c", "[]"};
        String[] trailers = {"", " ", "\t", " # note", "#", " x"};
        Random random = new Random(20261203);
        int taken = 0;
        for (int round = 0; round < 4000; round++) {
            StringBuilder text = new StringBuilder();
            int lines = random.nextInt(6);
            for (int i = 0; i < lines; i++) {
                switch (random.nextInt(5)) {
                    case 0 -> text.append(headers[random.nextInt(headers.length)]);
                    case 1 -> text.append("# comment");
                    case 2 -> text.append("");
                    default -> text.append(random.nextBoolean() ? "" : " ").append(keys[random.nextInt(keys.length)])
                            .append(random.nextBoolean() ? " = " : "=").append(values[random.nextInt(values.length)]);
                }
                text.append(trailers[random.nextInt(trailers.length)]).append(random.nextInt(8) == 0 ? "\r\n" : "\n");
            }
            String document = text.toString();
            TomlMap flat = FlatToml.parse(document);
            if (flat != null) {
                taken++;
                var tomlj = Toml.parse(document);
                assertEquals(List.of(), tomlj.errors(), document);
                assertEquals(render(TomlMap.of(tomlj)), render(flat), document);
            }
        }
        assertTrue(taken > 500, "the flat reader took " + taken + " of the documents");
    }

    /** The files every start-up reads must not pay for loading and warming tomlj's ANTLR grammar. */
    @Test
    void matey_files_are_read_without_tomljs_grammar() throws Exception {
        try (Isolated loader = new Isolated()) {
            Class<?> text = loader.loadClass(TomlText.class.getName());
            for (String file : List.of(LOCK, "targets = [\"postgres\"]\n", "engine = \"postgres\"\nurl_env = \"U\"\n",
                    "targets = [\n  \"app\",\n  \"reporting\",\n]\n")) { // a workspace of two targets, as init writes it
                assertNotNull(text.getMethod("parse", String.class).invoke(null, file));
            }
            assertNull(loader.loaded("org.tomlj.internal.TomlParser"));
            text.getMethod("parse", String.class).invoke(null, "a.b = 1\n");
            assertNotNull(loader.loaded("org.tomlj.internal.TomlParser"), "the check sees tomlj's parser when used");
        }
    }

    /** Loads matey-core and tomlj afresh, so that what a parse loads can be seen. */
    private static final class Isolated extends URLClassLoader {
        Isolated() {
            super(new URL[] {location(TomlText.class), location(Toml.class)}, ClassLoader.getPlatformClassLoader());
        }

        Class<?> loaded(String name) {
            return findLoadedClass(name);
        }

        private static URL location(Class<?> type) {
            return type.getProtectionDomain().getCodeSource().getLocation();
        }
    }

    /** Every key with its line and value, tables and arrays of tables nested, in key order. */
    private static String render(TomlMap map) {
        Map<String, String> out = new TreeMap<>();
        for (String key : map.keySet()) {
            out.put(key, map.line(key) + ":" + render(map.get(key)));
        }
        return out.toString();
    }

    private static String render(Object value) {
        if (value instanceof TomlMap table) {
            return render(table);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(FlatTomlTest::render).toList().toString();
        }
        return value.getClass().getSimpleName() + " " + value;
    }
}
