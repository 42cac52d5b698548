package io.matey.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises drift that two MySQL or MariaDB servers' defaults explain rather than a change: every changed line
 * differs from its counterpart only in the collation of a table ({@code COLLATE=...}) or of a character set
 * ({@code CHARSET utf8mb4 COLLATE ...}), which a dump prints only where it is not the server's default, and the
 * default differs between versions (README, "MySQL and MariaDB"). A draft migration cannot keep such drift.
 */
public final class CollationOnlyDiff {

    /** What explains such drift; {@code testUrlEnv} names the variable of the server the replay ran on. */
    public static String hint(String testUrlEnv) {
        return "Every difference is a collation that the server prints only where it is not its default: the server "
                + "the replay ran on (" + testUrlEnv + ") and this one differ in version or default collation, and no "
                + "migration can keep that. Replay on the server family and version you deploy to, or give both the "
                + "same collation_server (README, \"MySQL and MariaDB\").";
    }

    private static final Pattern TABLE_COLLATION = Pattern.compile(" COLLATE=\\w+");
    private static final Pattern CHARSET_COLLATION = Pattern.compile("( CHARSET \\w+) COLLATE \\w+");

    private CollationOnlyDiff() {
    }

    /** Whether the unified diff {@code diff} changes lines, and only in the collations a server default decides. */
    public static boolean matches(String diff) {
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (String line : diff.split("\n")) {
            if (line.startsWith("-") && !line.startsWith("---")) {
                removed.add(withoutCollations(line.substring(1)));
            } else if (line.startsWith("+") && !line.startsWith("+++")) {
                added.add(withoutCollations(line.substring(1)));
            }
        }
        return !removed.isEmpty() && removed.equals(added);
    }

    private static String withoutCollations(String line) {
        return CHARSET_COLLATION.matcher(TABLE_COLLATION.matcher(line).replaceAll("")).replaceAll("$1");
    }
}
