package io.matey.engine.mysql;

import io.matey.migration.ParsedSql;
import io.matey.migration.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.parser.Token;

/**
 * The SQL a statement runs from a string: {@code EXECUTE IMMEDIATE <expr>} (MariaDB) and {@code PREPARE name FROM
 * <expr>}, at any position, so also in trigger, routine and event bodies. The write guard checks a string literal's
 * text like any statement; anything else is built at run time, which no guard can read before it runs
 * (docs/architecture.md §6). {@code EXECUTE name} runs what a {@code PREPARE} already gave.
 */
final class DynamicSql {

    /** One place that runs SQL from a string: how, and the text when it is one literal. */
    record Run(String how, Optional<SqlStatement> literal) {
    }

    /** Where the string expression ends when it is a literal and nothing else. */
    private static final Set<String> AFTER_LITERAL = Set.of(";", "USING");

    private DynamicSql() {
    }

    static List<Run> of(ParsedSql statement) {
        if (!statement.mentions("IMMEDIATE") && !statement.mentions("PREPARE")) {
            return List.of();
        }
        List<Token> tokens = statement.tokens();
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (ParsedSql.is(tokens.get(i), "EXECUTE") && ParsedSql.is(tokens.get(i + 1), "IMMEDIATE")) {
                runs.add(new Run("EXECUTE IMMEDIATE", literal(tokens, i + 2, statement.source().line())));
            } else if (ParsedSql.is(tokens.get(i), "PREPARE") && i + 3 < tokens.size()
                    && ParsedSql.is(tokens.get(i + 2), "FROM")) {
                runs.add(new Run("PREPARE ... FROM", literal(tokens, i + 3, statement.source().line())));
            }
        }
        return runs;
    }

    /** The text of a single-quoted literal at {@code at} that is the whole expression; empty for anything else. */
    private static Optional<SqlStatement> literal(List<Token> tokens, int at, int line) {
        String image = tokens.get(at).image;
        boolean alone = at + 1 == tokens.size() || AFTER_LITERAL.contains(tokens.get(at + 1).image.toUpperCase(Locale.ROOT));
        if (!alone || image.length() < 2 || image.charAt(0) != '\'' || image.charAt(image.length() - 1) != '\'') {
            return Optional.empty();
        }
        return Optional.of(new SqlStatement(unescape(image.substring(1, image.length() - 1)), line));
    }

    /** MySQL's string escapes: {@code ''} and a backslash before a character (the default SQL mode's reading). */
    private static String unescape(String body) {
        StringBuilder text = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                text.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                text.append(c);
                i++;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
