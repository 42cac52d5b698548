package io.matey.log;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the passwords that text bound for a message, a log line or an endpoint may carry (docs/architecture.md
 * §11): one place for the patterns, so URLs in a driver's error and in a quoted statement are masked alike.
 */
public final class Secrets {

    private static final Pattern URL_PASSWORD = Pattern.compile("(?<=://)([^:/@\\s]*):([^@\\s]*)@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&\\s]*");
    /**
     * What SQL adds: {@code password=x} of a connection string (a subscription's, inside its literal) and
     * {@code PASSWORD 'x'} of a role or an OPTIONS list.
     */
    private static final Pattern SQL_PASSWORD = Pattern.compile(
            "(?i)(\\bpassword\\s*=\\s*)(?:''.*?''|'[^']*'|[^\\s&';)]+)|(\\bpassword\\s+)'(?:[^']|'')*'");

    private Secrets() {
    }

    /** Masks every {@code user:password@} and {@code ?password=} of a URL in the text. */
    public static String maskUrls(String text) {
        if (text == null) {
            return null;
        }
        String masked = URL_PASSWORD.matcher(text).replaceAll("$1:****@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1****");
    }

    /** Masks the passwords of SQL text: those of its URLs, connection strings and PASSWORD clauses. */
    public static String maskSql(String sql) {
        return maskUrls(SQL_PASSWORD.matcher(sql).replaceAll(m -> Matcher.quoteReplacement(m.group(1) != null
                ? m.group(1) + "****" : m.group(2) + "'****'")));
    }
}
