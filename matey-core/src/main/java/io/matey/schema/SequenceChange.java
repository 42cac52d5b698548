package io.matey.schema;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sequence whose options changed out of band, drafted as {@code ALTER SEQUENCE} with every option the live dump
 * states (PostgreSQL's and MariaDB's dumps write them all), so it keeps its current value, which dropping and
 * creating it again would lose (docs/architecture.md §3).
 */
final class SequenceChange {

    /** PostgreSQL's {@code CREATE [UNLOGGED] SEQUENCE name\n    AS ...}, MariaDB's {@code ... nocycle ENGINE=InnoDB}. */
    private static final Pattern SEQUENCE = Pattern.compile("^CREATE (UNLOGGED )?SEQUENCE (" + DraftTarget.NAME
            + ")(\\s.*?)( ENGINE=\\w+)?;?$", Pattern.DOTALL);

    private SequenceChange() {
    }

    /**
     * The statements that give the committed sequence the live one's logging and options, or null when the blocks
     * are not the same sequence (name and MariaDB's storage engine alike) with other logging or options.
     */
    static String alter(String committed, String live) {
        Matcher before = SEQUENCE.matcher(committed);
        Matcher after = SEQUENCE.matcher(live);
        if (!before.matches() || !after.matches() || !same(before, after, 2) || !same(before, after, 4)) {
            return null;
        }
        String options = same(before, after, 3) ? null : "ALTER SEQUENCE " + after.group(2) + after.group(3) + ";";
        if (same(before, after, 1)) {
            return options;
        }
        // PostgreSQL's: a no-op where its owning table's SET LOGGED or SET UNLOGGED made it so already
        String logged = "ALTER SEQUENCE " + after.group(2) + (after.group(1) == null ? " SET LOGGED;" : " SET UNLOGGED;");
        return options == null ? logged : logged + "\n\n" + options;
    }

    private static boolean same(Matcher before, Matcher after, int group) {
        return String.valueOf(before.group(group)).equals(String.valueOf(after.group(group)));
    }
}
