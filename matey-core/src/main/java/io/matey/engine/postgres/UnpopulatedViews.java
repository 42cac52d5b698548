package io.matey.engine.postgres;

import io.matey.migration.Section;
import io.matey.migration.SqlStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a materialized view is populated is data, which the dump does not write: a load creates every one
 * populated (docs/architecture.md §5). A tail that refreshes or reads a view its prefix left unpopulated
 * ({@code WITH NO DATA}: {@code REFRESH ... CONCURRENTLY} and a {@code SELECT} fail on it) would pass from a loaded
 * checkpoint where a {@code --clean} replay and a live database fail, so the replay runs the prefix instead
 * (docs/architecture.md §6). Sections are read as text, statement by statement: a mention in a comment only costs a
 * slower replay, and a view whose name cannot be read, or a relation renamed, counts for every mention.
 */
final class UnpopulatedViews {

    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[\\w$]+)";
    /** A view created or refreshed {@code WITH NO DATA}: its name's last part. */
    private static final Pattern UNPOPULATED = Pattern.compile("(?is)^(?:CREATE\\s+MATERIALIZED\\s+VIEW\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?|REFRESH\\s+MATERIALIZED\\s+VIEW\\s+(?:CONCURRENTLY\\s+)?)(?:" + NAME
            + "\\s*\\.\\s*)?(" + NAME + ")(?=[\\s(]).*\\bWITH\\s+NO\\s+DATA\\b");
    private static final Pattern NO_DATA = Pattern.compile("(?i)\\bWITH\\s+NO\\s+DATA\\b");
    /** A relation renamed: it may be such a view (ALTER TABLE renames views too). */
    private static final Pattern RENAME = Pattern.compile("(?is)\\bALTER\\s+(?:MATERIALIZED\\s+VIEW|TABLE)\\b[^;]*?"
            + "\\bRENAME\\s+TO\\b");

    private UnpopulatedViews() {
    }

    /** Whether {@code tail} mentions a materialized view that {@code prefixUps} may leave unpopulated. */
    static boolean hiddenFrom(List<Section> prefixUps, List<Section> tail) {
        Set<String> names = new HashSet<>();
        boolean unreadable = false;
        for (Section section : prefixUps) {
            if (!NO_DATA.matcher(section.sql()).find()) {
                continue;
            }
            for (SqlStatement statement : section.statements(PostgresEngine.DIALECT)) {
                String code = statement.code();
                if (NO_DATA.matcher(code).find()) {
                    Matcher view = UNPOPULATED.matcher(code);
                    if (view.find()) {
                        names.add(name(view.group(1)));
                    } else {
                        unreadable = true;
                    }
                }
            }
        }
        if (names.isEmpty() && !unreadable) {
            return false;
        }
        boolean everyMention = unreadable || prefixUps.stream().anyMatch(s -> RENAME.matcher(s.sql()).find())
                || tail.stream().anyMatch(s -> RENAME.matcher(s.sql()).find());
        for (Section section : tail) {
            String text = section.sql().toLowerCase(Locale.ROOT);
            if (everyMention && !text.isBlank() || names.stream().anyMatch(n -> mentions(text, n))) {
                return true;
            }
        }
        return false;
    }

    /** An unquoted name as PostgreSQL folds it, a quoted one as written. */
    private static String name(String part) {
        return part.startsWith("\"") ? part.substring(1, part.length() - 1).replace("\"\"", "\"")
                : part.toLowerCase(Locale.ROOT);
    }

    private static boolean mentions(String lowerText, String name) {
        return Pattern.compile("(?<![\\w$])" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "(?![\\w$])")
                .matcher(lowerText).find();
    }
}
