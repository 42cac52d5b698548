package io.matey.engine.clickhouse;

import io.matey.lint.LintDialect;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What lint knows of ClickHouse's SQL (docs/architecture.md §3). {@code SET} changes session settings only, a
 * column added without a default gives existing rows its type's default value (0, '', the epoch), {@code ALTER
 * ... UPDATE|DELETE} are mutations and {@code ON CLUSTER} is distributed DDL. The canonical
 * dump fails on an object whose definition holds a password, which the server shows as {@code '[HIDDEN]'} (§5): a
 * dictionary source naming a {@code PASSWORD}, a table on a remote database engine given one, or a view or table
 * reading a remote database's table function given one.
 */
final class ClickHouseLintDialect implements LintDialect {

    /** Table engines whose fifth argument is the remote server's password. */
    private static final Set<String> PASSWORD_ENGINES = Set.of("MYSQL", "POSTGRESQL", "MATERIALIZEDPOSTGRESQL", "MONGODB");
    /** Table functions whose fifth argument is the remote server's password. */
    private static final Set<String> PASSWORD_FUNCTIONS = Set.of("MYSQL", "POSTGRESQL", "MONGODB", "REMOTE", "REMOTESECURE");

    @Override
    public boolean setStatementsAreSessionSettings() {
        return true;
    }

    @Override
    public boolean notNullColumnGetsImplicitZero() {
        return true;
    }

    @Override
    public boolean alterMutations() {
        return true;
    }

    @Override
    public boolean clusterDdl() {
        return true;
    }

    @Override
    public Optional<String> undumpable(List<String> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).equalsIgnoreCase("CREATE")) {
            return Optional.empty();
        }
        int kind = tokens.size() > 2 && tokens.get(1).equalsIgnoreCase("OR") ? 3 : 1;
        String object = kind < tokens.size() ? tokens.get(kind).toUpperCase(Locale.ROOT) : "";
        if (object.equals("DICTIONARY") && tokens.stream().anyMatch(t -> t.equalsIgnoreCase("PASSWORD"))) {
            return Optional.of(hidden("a dictionary whose source names a password"));
        }
        if (object.equals("TABLE") && remotePassword(tokens)) {
            return Optional.of(hidden("a table whose engine is given a remote server's password"));
        }
        if (Set.of("TABLE", "VIEW", "MATERIALIZED").contains(object) && functionPassword(tokens)) {
            return Optional.of(hidden("a view or table reading a table function given a remote server's password"));
        }
        return Optional.empty();
    }

    private static String hidden(String object) {
        return "The ClickHouse schema dump cannot render " + object + " (the server shows it as '[HIDDEN]'; keep "
                + "credentials in a named collection)";
    }

    /** {@code ENGINE = MySQL('host', 'db', 'table', 'user', 'password')} and its kin: a fifth argument. */
    private static boolean remotePassword(List<String> tokens) {
        for (int i = 0; i + 3 < tokens.size(); i++) {
            if (tokens.get(i).equalsIgnoreCase("ENGINE") && tokens.get(i + 1).equals("=")
                    && PASSWORD_ENGINES.contains(tokens.get(i + 2).toUpperCase(Locale.ROOT)) && tokens.get(i + 3).equals("(")) {
                return arguments(tokens, i + 3) >= 5;
            }
        }
        return false;
    }

    /** {@code SELECT ... FROM mysql('host', 'db', 'table', 'user', 'password')} and its kin: a fifth argument. */
    private static boolean functionPassword(List<String> tokens) {
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (PASSWORD_FUNCTIONS.contains(tokens.get(i).toUpperCase(Locale.ROOT)) && tokens.get(i + 1).equals("(")
                    && !tokens.get(i - 1).equals("=") && arguments(tokens, i + 1) >= 5) {
                return true;
            }
        }
        return false;
    }

    /** The number of top-level arguments of the parenthesis at {@code open}. */
    private static int arguments(List<String> tokens, int open) {
        int depth = 0;
        int commas = 0;
        for (int j = open; j < tokens.size(); j++) {
            String token = tokens.get(j);
            if (token.equals("(")) {
                depth++;
            } else if (token.equals(")") && --depth == 0) {
                return j == open + 1 ? 0 : commas + 1;
            } else if (token.equals(",") && depth == 1) {
                commas++;
            }
        }
        return commas + 1;
    }
}
