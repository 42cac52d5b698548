package io.matey.engine;

import io.matey.error.MateyException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the JDBC URL an application configures into the Matey URL of the same database, so that reports name
 * a database the way {@code matey db ... --url} takes it (docs/architecture.md §7). Credentials come apart from
 * the URL, as JDBC keeps them; {@code user} and {@code password} parameters are dropped from it. The URL a message
 * shows ({@link #describe}) also leaves out the driver's own options, so that it works pasted into Matey or dbmate
 * ({@link Engine#pastedParameter}).
 */
public final class JdbcUrls {

    /** {@code jdbc:<sub-protocol>:<rest>}; the sub-protocol is an engine's id or alias. */
    private static final Pattern JDBC = Pattern.compile("jdbc:([A-Za-z0-9]+):(.*)", Pattern.DOTALL);
    private static final Pattern SERVER = Pattern.compile(
            "//([^/?#]+?)(?::(\\d+))?(?:/([^?#]*))?(?:\\?([^#]*))?");

    private JdbcUrls() {
    }

    /**
     * The Matey URL to connect to the database of a JDBC URL, with the driver's options; empty for a JDBC URL of
     * another kind (a wrapping driver's, say).
     */
    public static Optional<MateyUrl> toMateyUrl(String jdbcUrl, String user, String password) {
        return toMateyUrl(jdbcUrl, user, password, false);
    }

    /** The Matey URL that messages show for a JDBC URL: no password, no option only the JDBC driver reads. */
    public static Optional<MateyUrl> describe(String jdbcUrl, String user) {
        return describe(jdbcUrl, user, null);
    }

    /**
     * {@link #describe(String, String)} with the password the connection logs in with, which the URL's
     * {@link MateyUrl#toString()} masks: a message then says that one is needed without showing it.
     */
    public static Optional<MateyUrl> describe(String jdbcUrl, String user, String password) {
        return toMateyUrl(jdbcUrl, user, password, true);
    }

    private static Optional<MateyUrl> toMateyUrl(String jdbcUrl, String user, String password, boolean pasted) {
        if (jdbcUrl == null) {
            return Optional.empty();
        }
        Matcher jdbc = JDBC.matcher(jdbcUrl);
        Optional<Engine> engine = jdbc.matches() ? Engines.find(jdbc.group(1)) : Optional.empty();
        if (engine.isEmpty()) {
            return Optional.empty();
        }
        return engine.get().fileUrls() ? fileUrl(engine.get(), jdbc.group(2))
                : serverUrl(engine.get(), jdbc.group(2), user, password, pasted);
    }

    /** {@code jdbc:sqlite:[file:]path[?...]}; an in-memory database has no Matey URL. */
    private static Optional<MateyUrl> fileUrl(Engine engine, String rest) {
        String path = rest.startsWith("file:") ? rest.substring("file:".length()) : rest;
        int query = path.indexOf('?');
        path = query >= 0 ? path.substring(0, query) : path;
        return path.isEmpty() || path.startsWith(":memory:") ? Optional.empty()
                : Optional.of(MateyUrl.parse(engine.urlScheme() + ":" + path));
    }

    private static Optional<MateyUrl> serverUrl(Engine engine, String rest, String user, String password,
            boolean pasted) {
        Matcher m = SERVER.matcher(rest);
        if (!m.matches() || m.group(1).contains(",")) {
            return Optional.empty();
        }
        StringBuilder url = new StringBuilder(engine.urlScheme()).append("://");
        String name = user == null ? null : user.replaceFirst("@.*", ""); // MySQL reports user@host
        if (name != null && !name.isEmpty()) {
            url.append(encode(name));
            if (password != null && !password.isEmpty()) {
                url.append(':').append(encode(password));
            }
            url.append('@');
        }
        url.append(m.group(1));
        if (m.group(2) != null) {
            url.append(':').append(m.group(2));
        }
        url.append('/').append(m.group(3) == null ? "" : m.group(3)).append(parameters(engine, m.group(4), pasted));
        try {
            return Optional.of(MateyUrl.parse(url.toString()));
        } catch (MateyException e) {
            return Optional.empty();
        }
    }

    private static String parameters(Engine engine, String query, boolean pasted) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&", "?", "").setEmptyValue("");
        for (String pair : query.split("&")) {
            String key = pair.split("=", 2)[0];
            String lower = key.toLowerCase(Locale.ROOT);
            String shown = pasted ? engine.pastedParameter(key, pair) : pair;
            if (!key.isEmpty() && !lower.equals("user") && !lower.equals("password") && shown != null) {
                kept.add(shown);
            }
        }
        return kept.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
