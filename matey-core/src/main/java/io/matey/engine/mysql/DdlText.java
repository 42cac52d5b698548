package io.matey.engine.mysql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewrites of {@code SHOW CREATE} text that remove what belongs to a server or a database name, not to the schema. */
final class DdlText {

    private static final String QUOTED = "`(?:[^`]|``)*`";
    /** {@code DEFINER=`user`@`host`} (or a role without host), which follows ALGORITHM= in views. */
    private static final Pattern DEFINER = Pattern.compile("^(CREATE (?:ALGORITHM=\\w+ )?)DEFINER=" + QUOTED + "(?:@" + QUOTED + ")? ");
    /** The end of a function's RETURNS line, where the server prints the result's character set and collation. */
    private static final Pattern RETURNS_COLLATION = Pattern.compile("(\\) RETURNS [^\n]*?) CHARSET \\w+ COLLATE (\\w+)(?=\n|$)");
    /** A function's result type with a parenthesised parameter, on the header line, with its modifiers. */
    private static final Pattern RETURNS_WIDTH = Pattern.compile("^([^\n]*?\\) RETURNS )(\\w+\\(\\d+\\))(?: unsigned)?( zerofill)?(?=[ \n]|$)");
    /** A repeating event's {@code STARTS '...'}, in the header before {@code DO}, past quoted interval values. */
    private static final Pattern EVENT_STARTS = Pattern.compile("^(CREATE EVENT " + QUOTED
            + " ON SCHEDULE EVERY (?:[^'\n]|'[^'\n]*')*?) STARTS '[^'\n]*'");
    private static final Pattern VIEW_HEAD = Pattern.compile("^CREATE (?:ALGORITHM=(\\w+) )?(?:SQL SECURITY (\\w+) )?VIEW ");

    private DdlText() {
    }

    /** The definer names an account of the dumped server; a loaded object belongs to whoever loads it. */
    static String withoutDefiner(String ddl) {
        return DEFINER.matcher(ddl).replaceFirst("$1");
    }

    /** Keeps a view's ALGORITHM and SQL SECURITY only when they differ from the defaults (UNDEFINED, DEFINER). */
    static String viewWithoutDefaults(String ddl) {
        Matcher m = VIEW_HEAD.matcher(ddl);
        if (!m.find()) {
            return ddl;
        }
        StringBuilder head = new StringBuilder("CREATE ");
        if (m.group(1) != null && !m.group(1).equalsIgnoreCase("UNDEFINED")) {
            head.append("ALGORITHM=").append(m.group(1)).append(' ');
        }
        if (m.group(2) != null && !m.group(2).equalsIgnoreCase("DEFINER")) {
            head.append("SQL SECURITY ").append(m.group(2)).append(' ');
        }
        return head.append("VIEW ").append(ddl.substring(m.end())).toString();
    }

    /**
     * Writes the {@code CHARSET x COLLATE y} the server prints after a function's string result type as a table's
     * ({@link CharsetDefaults#resultClause}): the character set always, so that the text does not depend on the
     * database's default, the collation only where the set does not imply it, as servers of other versions print
     * different defaults for the same function (docs/architecture.md §5).
     */
    static String returnsAsTables(String ddl, CharsetDefaults defaults) {
        Matcher m = RETURNS_COLLATION.matcher(ddl);
        if (!m.find()) {
            return ddl;
        }
        return ddl.substring(0, m.start()) + m.group(1) + defaults.resultClause(m.group(2)) + ddl.substring(m.end());
    }

    /**
     * Drops the display width MariaDB prints in a function's integer result ({@code RETURNS int(11)}), as a column's
     * (docs/architecture.md §5): MySQL 8 prints none, and it changes nothing. Parameters keep what the author wrote.
     */
    static String returnsWithoutDisplayWidth(String ddl) {
        Matcher m = RETURNS_WIDTH.matcher(ddl);
        if (!m.find()) {
            return ddl;
        }
        return m.group(1) + ColumnText.withoutDisplayWidth(m.group(2), m.group(3) != null)
                + ddl.substring(m.end(2));
    }

    /**
     * Drops a repeating event's {@code STARTS}, for an event whose start the server took from the clock because its
     * schedule named none ({@link MysqlCatalog#clockStartedEvents}): loading the text without it starts the event when
     * it is loaded, again the clock's time, so the dump is a fixed point and reads alike whenever the migration ran
     * (docs/architecture.md §5).
     */
    static String eventWithoutStarts(String ddl) {
        return EVENT_STARTS.matcher(ddl).replaceFirst("$1");
    }

    /**
     * Removes {@code `db`.} qualifiers that name the dumped database itself, so the dump loads into a database
     * of any name (MySQL qualifies view bodies fully; routine bodies keep what their author wrote).
     */
    static String withoutQualifier(String ddl, String database) {
        return ddl.replace(Backticks.quote(database) + ".", "");
    }
}
