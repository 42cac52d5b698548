package io.matey.engine.bigquery;

import io.matey.lint.LintDialect;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Lint facts of the BigQuery emulator (docs/architecture.md §3): its dump is rendered from the tables API, which
 * cannot show views, routines, partitioning, clustering, column defaults or options faithfully (see
 * {@link EmulatorDump}), so lint reports a migration creating them (L301) before a replay fails on it.
 */
final class EmulatorLintDialect implements LintDialect {

    static final EmulatorLintDialect INSTANCE = new EmulatorLintDialect();

    private static final Set<String> OBJECTS = Set.of("VIEW", "MATERIALIZED", "FUNCTION", "PROCEDURE", "AGGREGATE");
    private static final Set<String> MODIFIERS = Set.of("OR", "REPLACE", "TEMP", "TEMPORARY", "TABLE");
    private static final Set<String> TABLE_OPTIONS = Set.of("PARTITION", "CLUSTER", "DEFAULT", "OPTIONS");

    private EmulatorLintDialect() {
    }

    @Override
    public Optional<String> undumpable(List<String> tokens) {
        List<String> words = tokens.stream().map(t -> t.toUpperCase(Locale.ROOT)).toList();
        if (words.size() < 2 || !(words.get(0).equals("CREATE") || words.get(0).equals("ALTER"))) {
            return Optional.empty();
        }
        int at = 1;
        while (at < words.size() && MODIFIERS.contains(words.get(at)) && !isTableFunction(words, at)) {
            at++;
        }
        if (at < words.size() && (OBJECTS.contains(words.get(at)) || isTableFunction(words, at))) {
            return Optional.of("The bigquery-emulator schema dump does not render views, materialized views or routines");
        }
        boolean table = words.contains("TABLE");
        return table ? words.stream().filter(TABLE_OPTIONS::contains).findFirst().map(word -> "The bigquery-emulator "
                + "schema dump does not render " + word + " clauses (partitioning, clustering, column defaults, options)")
                : Optional.empty();
    }

    private static boolean isTableFunction(List<String> words, int at) {
        return words.get(at).equals("TABLE") && at + 1 < words.size() && words.get(at + 1).equals("FUNCTION");
    }
}
