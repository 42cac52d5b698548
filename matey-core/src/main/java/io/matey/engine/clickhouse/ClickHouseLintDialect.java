package io.matey.engine.clickhouse;

import io.matey.lint.LintDialect;
import io.matey.log.SecretArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What lint knows of ClickHouse's SQL (docs/architecture.md §3). {@code SET} changes session settings only, a
 * column is NOT NULL unless its type is {@code Nullable}, and one added without a default gives existing rows its
 * type's default value (0, '', the epoch), {@code ALTER
 * ... UPDATE|DELETE} are mutations, {@code ON CLUSTER} is distributed DDL, and a request holds one statement
 * (dbmate sends a section as one). The canonical dump fails on an object whose definition holds a secret, which the server shows as {@code '[HIDDEN]'} (§5): a
 * dictionary source naming a {@code PASSWORD}, a table whose remote database or object storage engine is given a
 * password or secret key, a view or table reading such a table function given one, or one sending HTTP headers
 * ({@link SecretArguments}).
 */
final class ClickHouseLintDialect implements LintDialect {

    @Override
    public boolean setStatementsAreSessionSettings() {
        return true;
    }

    @Override
    public boolean notNullColumnGetsImplicitZero() {
        return true;
    }

    @Override
    public boolean columnsNotNullUnlessNullable() {
        return true;
    }

    @Override
    public boolean alterMutations() {
        return true;
    }

    @Override
    public boolean oneStatementPerRequest() {
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
        if (Set.of("TABLE", "VIEW", "MATERIALIZED").contains(object)) {
            for (int i = 1; i + 1 < tokens.size(); i++) {
                if (tokens.get(i + 1).equals("(") && givenSecret(tokens.get(i), arguments(tokens, i + 1))) {
                    return Optional.of(hidden(holderOfSecret(tokens, i)));
                }
            }
        }
        return Optional.empty();
    }

    /** What holds the secret that the call at {@code call} is given. */
    private static String holderOfSecret(List<String> tokens, int call) {
        if (tokens.get(call).equalsIgnoreCase("headers")) {
            return "a table or view sending HTTP headers";
        }
        boolean engine = call > 1 && tokens.get(call - 1).equals("=") && tokens.get(call - 2).equalsIgnoreCase("ENGINE");
        return (engine ? "a table whose engine is" : "a view or table reading a table function")
                + " given a remote server's password or a storage secret key";
    }

    private static String hidden(String object) {
        return "The ClickHouse schema dump cannot render " + object + " (the server shows it as '[HIDDEN]'; keep "
                + "credentials in a named collection)";
    }

    /** Whether a call passes a string literal where it takes a secret ({@link SecretArguments}). */
    private static boolean givenSecret(String function, List<String> arguments) {
        return SecretArguments.of(function, arguments, false).stream().anyMatch(i -> arguments.get(i).startsWith("'"));
    }

    /** The top-level arguments of the parenthesis at {@code open}, each as its tokens' images joined. */
    private static List<String> arguments(List<String> tokens, int open) {
        List<String> arguments = new ArrayList<>();
        StringBuilder argument = new StringBuilder();
        for (int j = open + 1, depth = 0; j < tokens.size(); j++) {
            String token = tokens.get(j);
            if (depth == 0 && (token.equals(",") || token.equals(")"))) {
                arguments.add(argument.toString());
                if (token.equals(")")) {
                    break;
                }
                argument.setLength(0);
                continue;
            }
            depth += token.equals("(") ? 1 : token.equals(")") ? -1 : 0;
            argument.append(token);
        }
        return arguments;
    }
}
