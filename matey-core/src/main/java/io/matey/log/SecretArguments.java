package io.matey.log;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Which arguments of a ClickHouse table function or engine that takes credentials by position are secrets, by
 * the signatures of ClickHouse's documentation, as the server itself tells them apart when it shows a definition
 * with {@code '[HIDDEN]'} (docs/architecture.md §11). {@link Secrets} masks them; ClickHouse's lint (L301) reports
 * a definition holding one, which the schema dump cannot render.
 * <ul>
 *   <li>{@code mysql|postgresql|materializedpostgresql|mongodb('host:port', 'db', 'table', 'user', 'password', ...)}:
 *   the fifth; as a database engine, {@code MySQL|PostgreSQL|MaterializedPostgreSQL('host:port', 'db', 'user',
 *   'password', ...)}, the fourth.</li>
 *   <li>{@code remote|remoteSecure('addresses', db, table, 'user', 'password', sharding_key)}, or with
 *   {@code db.table} or a table function as the second argument, one position earlier: the argument after the
 *   user, never the user.</li>
 *   <li>{@code s3|gcs|oss|cosn('url', 'key id', 'secret key', ['session token',] 'format', ...)}: the third and a
 *   session token (a fourth that is no format name), unless the second is {@code NOSIGN} or a format, when none
 *   is ({@code s3('url', 'CSV', 'k UInt64')}).</li>
 *   <li>{@code headers('name' = 'value', ...)}, the HTTP headers that {@code url}, {@code s3} and their engines send:
 *   every header's value, as the server hides them all, not only {@code Authorization} and {@code Cookie} (an API
 *   key travels under any name, {@code X-Api-Key}). A header is one argument; its value is what follows its
 *   {@code =}.</li>
 * </ul>
 * A named collection's {@code password = '...'} is no positional argument (its first argument is a name).
 */
public final class SecretArguments {

    /** The name and opening parenthesis of a call that may take a secret by position. */
    public static final Pattern CALL = Pattern.compile(
            "(?i)\\b(mysql|postgresql|materializedpostgresql|mongodb|remote|remotesecure|s3|gcs|oss|cosn|headers)\\s*\\(");
    /**
     * A format name (families by their prefix: {@code CSVWithNames}, {@code JSONEachRow}), {@code NOSIGN} or
     * {@code auto}, quoted or not; exact where a prefix could start a key id.
     */
    private static final Pattern FORMAT_NAME = Pattern.compile("(?i)'?(?:(?:CSV|TSV|TabSeparated|JSON|NDJSON|BSON"
            + "|Parquet|Arrow|Avro|RowBinary|Protobuf|CapnProto|Template|CustomSeparated|LineAsString|Pretty|MsgPack"
            + "|RawBLOB|Markdown)\\w*|ORC|Native|Values|XML|Npy|One|Form|Regexp|Null|Auto|Vertical|TSKV|SQLInsert"
            + "|MySQLDump|Hash|DWARF|Prometheus|NOSIGN)'?");
    /** A name quoted with backticks or double quotes, whose dots are its own. */
    private static final Pattern QUOTED_NAME = Pattern.compile("`[^`]*`|\"[^\"]*\"");
    private static final Pattern TABLE_FUNCTION = Pattern.compile("[A-Za-z_]\\w*\\s*\\(.*", Pattern.DOTALL);

    private SecretArguments() {
    }

    /**
     * The positions of the secret arguments of a call.
     *
     * @param function       the called name ({@link #CALL}'s group 1); another name has none
     * @param arguments      the call's arguments as written, trimmed
     * @param databaseEngine whether the call is a database's engine ({@code CREATE DATABASE ... ENGINE = MySQL(...)})
     */
    public static List<Integer> of(String function, List<String> arguments, boolean databaseEngine) {
        List<Integer> positions = switch (function.toLowerCase(Locale.ROOT)) {
            case "mysql", "postgresql", "materializedpostgresql" -> List.of(databaseEngine ? 3 : 4);
            case "mongodb" -> List.of(4);
            case "remote", "remotesecure" -> arguments.size() < 3 ? List.of() : List.of(remoteUser(arguments.get(1)) + 1);
            case "s3", "gcs", "oss", "cosn" -> storage(arguments);
            case "headers" -> IntStream.range(0, arguments.size()).boxed().toList();
            default -> List.of();
        };
        return positions.stream().filter(position -> position < arguments.size()).toList();
    }

    /** The user's position: after {@code db.table} or a table function, else after {@code db, table}. */
    private static int remoteUser(String second) {
        String name = QUOTED_NAME.matcher(second.startsWith("'") ? second.substring(1, second.length() - 1) : second)
                .replaceAll("");
        return TABLE_FUNCTION.matcher(second).matches() || name.contains(".") ? 2 : 3;
    }

    private static List<Integer> storage(List<String> arguments) {
        if (arguments.size() < 3 || FORMAT_NAME.matcher(arguments.get(1)).matches()) {
            return List.of();
        }
        return arguments.size() > 3 && arguments.get(3).startsWith("'") && !FORMAT_NAME.matcher(arguments.get(3)).matches()
                ? List.of(2, 3) : List.of(2);
    }
}
