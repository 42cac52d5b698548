package io.matey.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plug-in claim of docs/architecture.md §3: main code outside an engine's package names no engine, neither by a
 * string literal equal to an engine's id or alias nor by a reference to a class of the engine's package, so a new
 * engine touches only the files the guide lists.
 */
class EnginePlugInBoundaryTest {

    /** The main sources of the modules that make up the product (the benchmarks and sample apps are its users). */
    private static final List<Path> SOURCES = List.of(Path.of("../matey-core/src/main/java"),
            Path.of("../matey-tooling/src/main/java"),
            Path.of("../matey-shell/src/main/java"), Path.of("../matey-spring-boot-autoconfigure/src/main/java"),
            Path.of("../matey-spring-boot3-autoconfigure/src/line/java"));

    /** Files that name an engine on purpose, each with why: the guide lists them. */
    private static final Map<String, String> ALLOWED = Map.of(
            "io/matey/log/SecretArguments.java", "ClickHouse SQL's mysql() and postgresql() table functions, "
                    + "whose arguments it masks in any SQL, not engine names",
            "io/matey/spring/boot/autoconfigure/BigQueryBeanClient.java", "the starter's use of the application's "
                    + "BigQuery bean, an integration of that engine with Spring (docs/architecture.md §3)");

    @Test
    void noMainCodeOutsideAnEnginePackageNamesAnEngine() throws IOException {
        Set<String> names = new TreeSet<>();
        Set<String> packages = new TreeSet<>();
        for (Engine engine : Engines.all()) {
            names.add(engine.id());
            names.addAll(engine.aliases());
            packages.add(engine.getClass().getPackageName());
        }
        List<String> found = new ArrayList<>();
        for (Path root : SOURCES) {
            assertThat(root).isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    if (!inside(relative, packages) && !ALLOWED.containsKey(relative)) {
                        found.addAll(namings(relative, Files.readString(file, StandardCharsets.UTF_8), names,
                                packages));
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void findsALiteralAndAReferenceButNotAComment() {
        String code = """
                import io.matey.engine.sqlite.SqliteEngine;
                // "sqlite" in a comment
                /* io.matey.engine.sqlite.X */
                class X { String a = "postgres"; String b = "a \\"mysql\\" word"; String c = \"""
                    mysql\""";
                    char q = '"'; String d = "mariadb"; }
                """;
        assertThat(namings("X.java", code, Set.of("sqlite", "postgres", "mysql", "mariadb"),
                Set.of("io.matey.engine.sqlite")))
                .containsExactly("X.java:1 names io.matey.engine.sqlite", "X.java:4 names \"postgres\"",
                        "X.java:6 names \"mariadb\"");
    }

    private static boolean inside(String relative, Set<String> packages) {
        return packages.stream().anyMatch(p -> relative.startsWith(p.replace('.', '/') + "/"));
    }

    /** Each engine name the code's string literals equal and each engine package its code (not comments) names. */
    static List<String> namings(String file, String code, Set<String> names, Set<String> packages) {
        List<String> found = new ArrayList<>();
        int line = 1;
        int at = 0;
        while (at < code.length()) {
            char c = code.charAt(at);
            if (code.startsWith("//", at)) {
                int end = code.indexOf('\n', at);
                at = end < 0 ? code.length() : end;
            } else if (code.startsWith("/*", at)) {
                int end = code.indexOf("*/", at + 2) + 2;
                line += lines(code, at, end);
                at = end;
            } else if (code.startsWith("\"\"\"", at)) {
                int end = code.indexOf("\"\"\"", at + 3) + 3;
                line += lines(code, at, end);
                at = end;
            } else if (c == '"' || c == '\'') {
                int end = at + 1;
                while (code.charAt(end) != c) {
                    end += code.charAt(end) == '\\' ? 2 : 1;
                }
                String literal = code.substring(at + 1, end);
                if (c == '"' && names.contains(literal.toLowerCase(Locale.ROOT))) {
                    found.add(file + ":" + line + " names \"" + literal + "\"");
                }
                at = end + 1;
            } else if (c == '\n') {
                line++;
                at++;
            } else {
                int start = at++;
                while (at < code.length() && "\"'/\n".indexOf(code.charAt(at)) < 0) {
                    at++;
                }
                String span = code.substring(start, at);
                for (String engine : packages) {
                    if (span.contains(engine + ".")) {
                        found.add(file + ":" + line + " names " + engine);
                    }
                }
            }
        }
        return found;
    }

    private static int lines(String code, int from, int to) {
        return (int) code.substring(from, to).chars().filter(ch -> ch == '\n').count();
    }
}
