package io.matey.log;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the passwords that text bound for a message, a log line or an endpoint may carry (docs/architecture.md
 * §11): one place for the patterns, so URLs in a driver's error and in a quoted statement are masked alike.
 */
public final class Secrets {

    /** What stands for a password in every masked text. */
    public static final String MASK = "****";
    /**
     * What a command to paste has where a password goes ({@code postgres://app:<password>@db/app}), for the user to
     * fill in: not a secret, so masking leaves it as written, since a masked password in a command cannot log in.
     */
    public static final String PLACEHOLDER = "<password>";
    /** What follows the {@code :} of {@code host:port}: a port, then the path, query or the URL's end. */
    private static final String PORT = "\\d*(?:[/?#\\s'\")]|$)";
    /**
     * A user name: it may hold {@code @} (as in {@code user@server:pass@host}) unless its {@code :} starts a port,
     * which makes it {@code user@host:port}.
     */
    private static final String USER = "[^\\s:/@'\"`()<>]%s(?:@[^\\s:/'\"`()<>]*(?=:(?!" + PORT + ")))?";
    /** A scheme, one of a chain such as {@code jdbc:postgresql:}. */
    private static final String SCHEME = "[A-Za-z][A-Za-z0-9+.-]*:";
    /**
     * The {@code user:secret@} of a URL in text, starting a word: after {@code scheme://} or {@code //} (the user
     * may be empty) or else after {@code scheme:/} or nothing (a user is needed, and the secret must not start with
     * {@code //}, which makes a scheme of the user). The secret ends at the last {@code @} of its word, so one
     * holding an unencoded {@code @}, {@code /} or {@code #} is masked whole; it may not cross a double quote,
     * which ends a JSON string, nor a space unless escaped by a backslash as a session line may type it.
     */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?<![\\w@.%+-])((?:" + SCHEME + ")*//"
            + USER.formatted("*") + "|(?:" + SCHEME + "/)?" + USER.formatted("+") + "):(?!//)(?:\\\\\\s|[^\\s\"])*@");
    /** A whole URL's user-info: the user name's {@code :} and the last {@code @}, unless that is a port's. */
    private static final Pattern URL_USER_INFO = Pattern.compile("^((?:(?:" + SCHEME + ")+(?=/))?/{0,2}"
            + USER.formatted("*") + "):(?!//).*@", Pattern.DOTALL);
    /**
     * The value of a {@code password=} parameter: up to the next {@code &} or whitespace, leaving the punctuation
     * that closes the URL in a message ({@code )}, a quote, the {@code :} before what follows) outside the mask.
     */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile(
            "(?i)([?&;]password=)[^&\\s]*?(?=&|[)'\"\\]>:,;.]*(?:\\s|$))");
    /**
     * The value of a libpq keyword/value {@code password=} ({@code host=h password=x dbname=d}): quoted with
     * {@code '} (a space inside, {@code \'} escaped) or up to the next whitespace, leaving closing punctuation
     * as {@link #PASSWORD_PARAMETER} does.
     */
    private static final Pattern PASSWORD_KEYWORD = Pattern.compile(
            "(?i)(?<![\\w.?&;-])(password\\s*=\\s*)(?:'(?:\\\\.|[^'\\\\])*'|(?:\\\\.|[^\\s'\\\\])+?(?=[)'\"\\]>:,;.]*(?:\\s|$)))");
    /**
     * A URL quoted whole, as typed in a session line ({@code --url "postgres://u:pa ss@h/db"}) or quoted by a
     * message: masked as a whole URL, so a secret holding a space is masked too.
     */
    private static final Pattern QUOTED_URL = Pattern.compile("\"((?:" + SCHEME + ")+/[^\"]*)\"|'((?:" + SCHEME
            + ")+/[^']*)'");
    /**
     * What SQL adds: {@code password=x} of a connection string (a subscription's, inside its literal),
     * {@code PASSWORD 'x'} of a role or an OPTIONS list, and MySQL/MariaDB's {@code PASSWORD('x')} and any
     * {@code BY 'x'} of a user ({@code IDENTIFIED [WITH plugin] BY}): not only after {@code IDENTIFIED}, since a
     * misspelt clause ({@code IDENTIFIED BOGUS BY 'x'}) is what a syntax error quotes, and the server's {@code near
     * '...'} text starts anywhere in it, perhaps cut off inside the literal. Only the literals of a file's field and
     * line separators ({@code TERMINATED|ENCLOSED|ESCAPED|STARTING BY}) stay as written.
     */
    private static final Pattern SQL_PASSWORD = Pattern.compile(
            "(?i)(\\bpassword\\s*=\\s*)(?:''.*?''|'[^']*'|[^\\s&';)]+)"
            + "|(\\bpassword\\s+|\\bpassword\\s*\\(\\s*"
            + "|(?<!\\b(?:terminated|enclosed|escaped|starting)\\s{1,20})\\bby\\s+)(?:'(?:[^']|'')*'|'[^']*$)");

    /**
     * What precedes a database engine's call: {@code CREATE|ATTACH DATABASE ... ENGINE =}, no parenthesis between
     * (a table's engine follows its column list).
     */
    private static final Pattern DATABASE_ENGINE = Pattern.compile(
            "(?is)\\b(?:CREATE|ATTACH)\\s+DATABASE\\b[^(]*\\bENGINE\\s*=\\s*$");
    /** The name and {@code =} that a secret argument of {@code headers(...)} starts with, before its value. */
    private static final Pattern HEADER_NAME = Pattern.compile("'(?:[^'\\\\]|\\\\.|'')*'\\s*=\\s*");

    private Secrets() {
    }

    /**
     * Masks one URL given whole, such as the text of a URL that does not parse: everything from the first
     * {@code :} after the user name to the last {@code @} (whatever the password holds), and its
     * {@code password=} parameters.
     */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher userInfo = URL_USER_INFO.matcher(url);
        return maskParameters(userInfo.find() && !placeholder(url, userInfo)
                ? url.substring(0, userInfo.end(1)) + ":" + MASK + "@" + url.substring(userInfo.end()) : url);
    }

    /** Whether the secret a match found (from its first group's end, after the {@code :}, to its final {@code @}) is the {@link #PLACEHOLDER}. */
    private static boolean placeholder(String text, MatchResult secret) {
        return text.startsWith(PLACEHOLDER + "@", secret.end(1) + 1) && secret.end() == secret.end(1) + PLACEHOLDER.length() + 2;
    }

    /**
     * Masks every {@code user:password@} and {@code ?password=} of a URL in the text, a quoted URL's as a whole
     * one's, and every {@code password=} of a libpq keyword/value string.
     */
    public static String maskUrls(String text) {
        if (text == null) {
            return null;
        }
        String quoted = QUOTED_URL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) != null
                ? "\"" + maskUrl(m.group(1)) + "\"" : "'" + maskUrl(m.group(2)) + "'"));
        return maskParameters(URL_PASSWORD.matcher(quoted).replaceAll(m -> Matcher.quoteReplacement(
                placeholder(quoted, m) ? m.group() : m.group(1) + ":" + MASK + "@")));
    }

    private static String maskParameters(String text) {
        String masked = PASSWORD_PARAMETER.matcher(text).replaceAll("$1" + MASK);
        return PASSWORD_KEYWORD.matcher(masked).replaceAll("$1" + MASK);
    }

    /**
     * Masks the passwords of SQL text: those of its URLs, connection strings, PASSWORD clauses and the calls that
     * take one by position. {@code format()}'s arguments go first, while its format string is still as written
     * ({@code PASSWORD ''%s''} holds what the PASSWORD clause's pattern would read as a literal).
     */
    public static String maskSql(String sql) {
        String formatted = maskArguments(sql, FormatPasswordArguments.CALL,
                (call, texts, before) -> FormatPasswordArguments.of(texts));
        String clauses = SQL_PASSWORD.matcher(formatted).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) != null ? m.group(1) + MASK : m.group(2) + "'" + MASK + "'"));
        return maskUrls(maskArguments(clauses, SecretArguments.CALL, (call, texts, before) -> SecretArguments.of(
                call.group(1), texts, DATABASE_ENGINE.matcher(before).find())));
    }

    /** Which arguments of a call are secrets. */
    private interface SecretPositions {
        /**
         * @param call      the call's name and opening parenthesis, matched
         * @param arguments the call's arguments as written, trimmed
         * @param before    the statement's text before the call
         */
        List<Integer> of(Matcher call, List<String> arguments, String before);
    }

    /**
     * The string literals the calls {@code calls} finds pass as their secrets by position ({@link SecretArguments}:
     * ClickHouse's; {@link FormatPasswordArguments}: PostgreSQL's {@code format()}) replaced by the mask.
     */
    private static String maskArguments(String sql, Pattern calls, SecretPositions secrets) {
        Matcher call = calls.matcher(sql);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (call.find()) {
            List<int[]> arguments = arguments(sql, call.end());
            List<String> texts = arguments.stream().map(a -> sql.substring(a[0], a[1])).toList();
            String before = sql.substring(sql.lastIndexOf(';', call.start()) + 1, call.start());
            for (int position : secrets.of(call, texts, before)) {
                int from = valueStart(sql, arguments.get(position));
                int to = arguments.get(position)[1];
                if (from >= copied && to - from >= 2 && sql.charAt(from) == '\'' && sql.charAt(to - 1) == '\'') {
                    out.append(sql, copied, from).append('\'').append(MASK).append('\'');
                    copied = to;
                }
            }
        }
        return out.append(sql.substring(copied)).toString();
    }

    /** Where an argument's value starts: after a header's name and {@code =}, else where the argument does. */
    private static int valueStart(String sql, int[] argument) {
        Matcher name = HEADER_NAME.matcher(sql).region(argument[0], argument[1]);
        return name.lookingAt() ? name.end() : argument[0];
    }

    /** The start and end (trimmed) of each top-level argument of the call whose list starts at {@code start}. */
    private static List<int[]> arguments(String sql, int start) {
        List<int[]> arguments = new ArrayList<>();
        int depth = 0;
        for (int i = start; i < sql.length() && depth >= 0; i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = literalEnd(sql, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (c == ')' || c == ',' && depth == 0) {
                int from = start;
                int to = i;
                while (from < to && Character.isWhitespace(sql.charAt(from))) {
                    from++;
                }
                while (to > from && Character.isWhitespace(sql.charAt(to - 1))) {
                    to--;
                }
                arguments.add(new int[] {from, to});
                start = i + 1;
                depth -= c == ')' ? 1 : 0;
            }
        }
        return arguments;
    }

    /** The index of the quote that ends the SQL string literal opened at {@code open} ({@code ''} and {@code \'} escape). */
    private static int literalEnd(String sql, int open) {
        for (int i = open + 1; i < sql.length(); i++) {
            if (sql.charAt(i) == '\\') {
                i++;
            } else if (sql.charAt(i) == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return sql.length();
    }
}
