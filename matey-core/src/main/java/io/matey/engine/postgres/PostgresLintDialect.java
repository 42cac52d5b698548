package io.matey.engine.postgres;

import io.matey.lint.LintDialect;
import java.util.List;
import java.util.Optional;

/** What lint knows of PostgreSQL's SQL (docs/architecture.md §3). */
final class PostgresLintDialect implements LintDialect {

    /**
     * The keywords after {@code CREATE [OR REPLACE]} that name each kind {@link UnsupportedObjects} refuses, with
     * the kind's name.
     */
    private static final List<String[]> UNDUMPABLE = List.<String[]>of(
            new String[] {"subscriptions", "SUBSCRIPTION"});

    @Override
    public boolean setStatementsAreSessionSettings() {
        return true;
    }

    @Override
    public boolean concurrentIndexBuilds() {
        return true;
    }

    @Override
    public Optional<String> undumpable(List<String> tokens) {
        return kind(tokens).map(kind -> "The PostgreSQL schema dump does not render " + kind);
    }

    private static Optional<String> kind(List<String> tokens) {
        Words words = new Words(tokens);
        if (!words.accept("CREATE")) {
            return Optional.empty();
        }
        words.accept("OR", "REPLACE");
        for (String[] kind : UNDUMPABLE) {
            if (words.accept(List.of(kind).subList(1, kind.length).toArray(String[]::new))) {
                return Optional.of(kind[0]);
            }
        }
        return Optional.empty();
    }

    /** Keyword matching over token images: a quoted name or a literal never equals a keyword. */
    private static final class Words {
        private final List<String> tokens;
        private int pos;

        Words(List<String> tokens) {
            this.tokens = tokens;
        }

        boolean accept(String... keywords) {
            if (pos + keywords.length > tokens.size()) {
                return false;
            }
            for (int i = 0; i < keywords.length; i++) {
                if (!tokens.get(pos + i).equalsIgnoreCase(keywords[i])) {
                    return false;
                }
            }
            pos += keywords.length;
            return true;
        }
    }
}
