package io.matey.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises MySQL or MariaDB drift that the servers' or databases' defaults explain rather than a change, and says
 * what explains it (README, "MySQL and MariaDB"):
 * <ul>
 * <li>every changed line differs only in the collation of a table ({@code COLLATE=...}) or of a character set
 * ({@code CHARSET utf8mb4 COLLATE ...}), which a dump prints only where it is not the server's default, and the
 * default differs between versions: no migration can keep that;</li>
 * <li>or in a table's default character set ({@code DEFAULT CHARSET=latin1}), which a table created without one
 * takes from its database: the live database was created with another default than the replay's scratch one.</li>
 * </ul>
 */
public final class ServerDefaultsDiff {

    private static final Pattern TABLE_COLLATION = Pattern.compile(" COLLATE=\\w+");
    private static final Pattern CHARSET_COLLATION = Pattern.compile("( CHARSET \\w+) COLLATE \\w+");
    private static final Pattern TABLE_CHARSET = Pattern.compile(" DEFAULT CHARSET=\\w+");

    private ServerDefaultsDiff() {
    }

    /**
     * What explains the unified diff {@code diff} when only such defaults differ, else null; {@code testUrlEnv}
     * names the variable of the server the replay ran on.
     */
    public static String hint(String diff, String testUrlEnv) {
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (String line : diff.split("\n")) {
            if (line.startsWith("-") && !line.startsWith("---")) {
                removed.add(withoutCollations(line.substring(1)));
            } else if (line.startsWith("+") && !line.startsWith("+++")) {
                added.add(withoutCollations(line.substring(1)));
            }
        }
        if (removed.isEmpty()) {
            return null;
        }
        if (removed.equals(added)) {
            return collationHint(testUrlEnv);
        }
        return removed.stream().map(ServerDefaultsDiff::withoutCharset).toList()
                .equals(added.stream().map(ServerDefaultsDiff::withoutCharset).toList()) ? charsetHint(testUrlEnv) : null;
    }

    public static String collationHint(String testUrlEnv) {
        return "Every difference is a collation that the server prints only where it is not its default: the server "
                + "the replay ran on (" + testUrlEnv + ") and this one differ in version or default collation, and no "
                + "migration can keep that. Replay on the server family and version you deploy to, or give both the "
                + "same collation_server (README, \"MySQL and MariaDB\").";
    }

    public static String charsetHint(String testUrlEnv) {
        return "Every difference is a table's default character set, which a table created without one takes from "
                + "its database: this database was created with another default character set than the scratch "
                + "databases on the server the replay ran on (" + testUrlEnv + "). Give this database that default "
                + "(ALTER DATABASE ... CHARACTER SET ...) and convert the tables already created (ALTER TABLE ... "
                + "CONVERT TO CHARACTER SET ...), or name the character set in the migrations "
                + "(README, \"MySQL and MariaDB\").";
    }

    private static String withoutCollations(String line) {
        return CHARSET_COLLATION.matcher(TABLE_COLLATION.matcher(line).replaceAll("")).replaceAll("$1");
    }

    private static String withoutCharset(String line) {
        return TABLE_CHARSET.matcher(line).replaceAll("");
    }
}
