package io.matey.engine;

import io.matey.error.MateyException;
import io.matey.log.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A database URL in dbmate/matey form ({@code sqlite3:path}, {@code postgres://user:pass@host:5432/db?...},
 * {@code mysql://...}, {@code clickhouse://...}, {@code bigquery://...}). {@link #toString()} masks the
 * password, so a URL can be put into any message or log; {@link #raw()} is for drivers only.
 */
public final class MateyUrl {

    private static final int MAX_PORT = 65535;
    /** RFC 3986's scheme: what makes {@code //user:pass@host} no scheme at all. */
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

    private final String raw;
    private final String scheme;
    private final String user;
    private final String password;
    private final String host;
    private final int port;
    private final String path;
    private final Map<String, String> query;

    private MateyUrl(String raw, String scheme, String user, String password, String host, int port, String path,
            Map<String, String> query) {
        this.raw = raw;
        this.scheme = scheme;
        this.user = user;
        this.password = password;
        this.host = host;
        this.port = port;
        this.path = path;
        this.query = query;
    }

    public static MateyUrl parse(String text) {
        String value = text == null ? "" : text.strip();
        int colon = value.indexOf(':');
        if (colon <= 0 || !SCHEME.matcher(value.substring(0, colon)).matches()) {
            throw new MateyException("Invalid database URL '" + Secrets.maskUrl(value) + "': expected <scheme>:... "
                    + "such as sqlite3:db.sqlite3 or postgres://user@host:5432/db.");
        }
        String scheme = value.substring(0, colon).toLowerCase(Locale.ROOT);
        if (Engines.fileScheme(scheme)) {
            return parseFile(value, scheme, value.substring(colon + 1));
        }
        try {
            URI uri = new URI(value);
            if (strayAt(value, uri)) {
                throw new MateyException("Invalid database URL '" + Secrets.maskUrl(value) + "': an '@' comes "
                        + "after the host, as when a password holds '@', '/', '?' or '#' unencoded; percent-encode "
                        + "them (%40, %2F, %3F, %23).");
            }
            if (uri.getHost() == null) {
                throw new MateyException("Invalid database URL '" + Secrets.maskUrl(value) + "': "
                        + authorityProblem(uri.getRawAuthority()) + ".");
            }
            if (uri.getPort() > MAX_PORT) {
                throw new MateyException("Invalid database URL '" + Secrets.maskUrl(value) + "': port " + uri.getPort()
                        + " is out of range; expected a number from 1 to " + MAX_PORT + ".");
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            String path = uri.getRawPath() == null ? "" : decode(uri.getRawPath());
            return new MateyUrl(value, scheme, user, password, uri.getHost(), uri.getPort(),
                    path.startsWith("/") ? path.substring(1) : path, parseQuery(uri.getRawQuery()));
        } catch (URISyntaxException e) {
            throw new MateyException("Invalid database URL '" + Secrets.maskUrl(value) + "': " + mask(e.getReason())
                    + ".");
        }
    }

    /**
     * Whether an {@code @} comes after the authority {@link URI} took (outside a query's {@code key=value}): then
     * the password holds a character a URL reserves, cut it short there, and what {@link URI} read as host, port
     * and path is a piece of the password and the real host.
     */
    private static boolean strayAt(String value, URI uri) {
        int at = value.lastIndexOf('@');
        if (at < 0 || uri.getRawAuthority() == null) {
            return false;
        }
        int authorityEnd = value.indexOf("//") + 2 + uri.getRawAuthority().length();
        if (at < authorityEnd) {
            return false;
        }
        int query = value.indexOf('?', authorityEnd);
        int fragment = value.indexOf('#', authorityEnd);
        if (query < 0 || query > at || (fragment >= 0 && fragment < at)) {
            return true;
        }
        return value.lastIndexOf('=', at) < Math.max(value.lastIndexOf('&', at), query);
    }

    /** Why {@link URI} found no host in the authority (it then keeps it whole): say which part is wrong. */
    private static String authorityProblem(String rawAuthority) {
        if (rawAuthority == null || rawAuthority.isEmpty()) {
            return "a host is required";
        }
        if (rawAuthority.indexOf('@') != rawAuthority.lastIndexOf('@')) {
            return "the password (or user) contains '@': percent-encode it as %40";
        }
        String hostPort = rawAuthority.substring(rawAuthority.lastIndexOf('@') + 1);
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && !hostPort.endsWith("]")) {
            String port = hostPort.substring(colon + 1);
            if (!port.matches("[0-9]+")) {
                return "port '" + port + "' is not a number; expected host:port with a port from 1 to " + MAX_PORT;
            }
            hostPort = hostPort.substring(0, colon);
        }
        if (hostPort.isEmpty()) {
            return "a host is required";
        }
        return "host '" + hostPort + "' is not a valid host name (letters, digits, '-' and '.'; no '_')";
    }

    private static MateyUrl parseFile(String value, String scheme, String rest) {
        String path = rest.startsWith("//") ? rest.substring(2) : rest;
        Map<String, String> query = Map.of();
        int q = path.indexOf('?');
        if (q >= 0) {
            query = parseQuery(path.substring(q + 1));
            path = path.substring(0, q);
        }
        if (path.isEmpty()) {
            throw new MateyException("Invalid database URL '" + Secrets.maskUrl(value) + "': a file path is required, e.g. sqlite3:db/app.sqlite3.");
        }
        return new MateyUrl(value, scheme, null, null, null, -1, path, query);
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Collections.unmodifiableMap(out);
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            out.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        return Collections.unmodifiableMap(out);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Masks every {@code user:password@} in arbitrary text, such as a driver's error message. */
    public static String mask(String text) {
        return Secrets.maskUrls(text);
    }

    /** Returns a copy naming another database (or, for file engines, another file path). */
    public MateyUrl withPath(String newPath) {
        if (isFile()) {
            StringBuilder sb = new StringBuilder(scheme).append(':').append(newPath);
            appendQuery(sb);
            return parse(sb.toString());
        }
        try {
            URI uri = new URI(raw);
            URI changed = new URI(uri.getScheme(), uri.getRawUserInfo() == null ? null : uri.getUserInfo(),
                    uri.getHost(), uri.getPort(), "/" + newPath, uri.getQuery(), uri.getFragment());
            return parse(changed.toString());
        } catch (URISyntaxException e) {
            throw new MateyException("Cannot derive a database URL from '" + this + "': " + e.getReason());
        }
    }

    private void appendQuery(StringBuilder sb) {
        if (!query.isEmpty()) {
            sb.append('?');
            String sep = "";
            for (Map.Entry<String, String> e : query.entrySet()) {
                sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
                sep = "&";
            }
        }
    }

    public boolean isFile() {
        return host == null;
    }

    public String raw() {
        return raw;
    }

    public String scheme() {
        return scheme;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String host() {
        return host;
    }

    /** The port, or -1 when the URL does not name one. */
    public int port() {
        return port;
    }

    /** The database name for servers, the file path for SQLite (without query). */
    public String path() {
        return path;
    }

    public Map<String, String> query() {
        return query;
    }

    /** The URL with its password replaced by {@code ****}: safe for messages, logs and endpoints. */
    @Override
    public String toString() {
        return Secrets.maskUrl(raw);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MateyUrl other && other.raw.equals(raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }
}
