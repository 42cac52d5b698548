package io.matey.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The registry of codes a nolint directive may name is the one the README documents and the rules report: the
 * README's rule table and the code literals of the main sources are read, so none of the three can drift apart.
 */
class RuleCodesTest {

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));
    private static final Pattern ROW = Pattern.compile("^\\| ([^|]+) \\| (error|warning|note|error/warning) \\|");
    private static final Pattern CODE = Pattern.compile("L\\d{3}|SF\\.LT\\d{2}");
    private static final Pattern LITERAL = Pattern.compile("\"(" + CODE.pattern() + ")\"");

    @Test
    void theReadmeRuleTableListsExactlyTheRegisteredCodes() throws Exception {
        String readme = Files.readString(MODULE.getParent().resolve("README.md"), StandardCharsets.UTF_8);
        Set<String> documented = new TreeSet<>();
        for (String line : readme.substring(readme.indexOf("\n## Lint")).lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                all(CODE.matcher(row.group(1)), documented);
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(RuleCodes.ALL);
    }

    @Test
    void theRulesReportExactlyTheRegisteredCodes() throws Exception {
        Set<String> reported = new TreeSet<>();
        // the rules that gate live commands are in the core, the others in the command line's tooling (§1)
        for (String module : List.of("matey-core", "matey-tooling")) {
            try (Stream<Path> sources = Files.walk(MODULE.getParent().resolve(module).resolve("src/main/java"))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> !p.getFileName().toString().equals("RuleCodes.java")).toList()) {
                    all(LITERAL.matcher(Files.readString(source, StandardCharsets.UTF_8)), reported, 1);
                }
            }
        }
        assertThat(reported).containsExactlyInAnyOrderElementsOf(RuleCodes.ALL);
    }

    private static void all(Matcher matcher, Set<String> into) {
        all(matcher, into, 0);
    }

    private static void all(Matcher matcher, Set<String> into, int group) {
        while (matcher.find()) {
            into.add(matcher.group(group));
        }
    }
}
