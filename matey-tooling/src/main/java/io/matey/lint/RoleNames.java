package io.matey.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.parser.Token;

/**
 * The roles a {@code CREATE ROLE|USER|GROUP} statement creates and a {@code DROP ROLE|USER|GROUP} drops (L108), by
 * key: quotes removed, case folded (as {@link Names#key} does for tables), a MySQL account's host kept after
 * {@code @} unless it is the default {@code '%'}.
 */
final class RoleNames {

    private RoleNames() {
    }

    /** The role the statement creates; null when it is no role creation. */
    static String created(List<Token> tokens) {
        int at = afterHead(tokens, "CREATE");
        return at < 0 ? null : account(tokens, at).key();
    }

    /** The roles the statement drops, {@code DROP ROLE [IF EXISTS] a, "B", 'c'@'host'}; empty for any other. */
    static List<String> dropped(List<Token> tokens) {
        List<String> roles = new ArrayList<>();
        int at = afterHead(tokens, "DROP");
        while (at >= 0 && at < tokens.size()) {
            Account account = account(tokens, at);
            roles.add(account.key());
            at = account.end() < tokens.size() && tokens.get(account.end()).image.equals(",") ? account.end() + 1 : -1;
        }
        return roles;
    }

    /**
     * The index of the first name after {@code verb ROLE|USER|GROUP [IF [NOT] EXISTS]}, or -1 when the statement does
     * not start so ({@code CREATE USER MAPPING} is no role).
     */
    private static int afterHead(List<Token> tokens, String verb) {
        TokenCursor head = new TokenCursor(tokens);
        if (!head.accept(verb) || !head.acceptAny("ROLE", "USER", "GROUP") || head.peek("MAPPING")) {
            return -1;
        }
        if (!head.accept("IF", "NOT", "EXISTS")) {
            head.accept("IF", "EXISTS");
        }
        return head.position() < tokens.size() ? head.position() : -1;
    }

    /** A name, with a MySQL host after {@code @} when one follows, and the index after it. */
    private record Account(String key, int end) {
    }

    private static Account account(List<Token> tokens, int at) {
        String key = unquote(tokens.get(at).image);
        int end = at + 1;
        if (end + 1 < tokens.size() && tokens.get(end).image.equals("@")) {
            key += "@" + unquote(tokens.get(end + 1).image);
            end += 2;
        }
        return new Account(key.toLowerCase(Locale.ROOT).replaceFirst("@%$", ""), end);
    }

    private static String unquote(String image) {
        boolean single = image.length() >= 2 && image.startsWith("'") && image.endsWith("'");
        return single ? image.substring(1, image.length() - 1) : Names.unquote(image);
    }
}
