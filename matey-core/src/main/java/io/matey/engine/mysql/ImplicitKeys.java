package io.matey.engine.mysql;

import io.matey.migration.Section;
import io.matey.migration.SqlStatement;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The index InnoDB creates for a foreign key whose columns lead no index is marked as created implicitly, which no
 * catalog table or {@code SHOW CREATE TABLE} shows: adding a foreign key or an index over its columns later replaces
 * it, while an index declared explicitly, as every dump's {@code KEY} is once loaded, is kept. A checkpoint's text
 * therefore cannot carry that mark (docs/architecture.md §6). Sections are read as text, statement by statement: a
 * mention in a comment only costs a slower replay, and a statement whose table cannot be read counts for every table.
 */
final class ImplicitKeys {

    /** What may leave an implicitly created index: a foreign key added. */
    private static final Pattern FOREIGN_KEY = Pattern.compile("(?i)\\bFOREIGN\\s+KEY\\b|\\bREFERENCES\\b");
    /**
     * What may replace one: a key, index or constraint added to an existing table ({@code ALTER TABLE ... ADD},
     * {@code CREATE INDEX}); a table created with its keys holds no implicit index yet.
     */
    private static final Pattern KEY = Pattern.compile("(?is)\\bALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)*TABLE\\b[^;]*?"
            + "\\bADD\\s+(?:CONSTRAINT|PRIMARY|UNIQUE|KEY|INDEX|FOREIGN|FULLTEXT|SPATIAL)\\b"
            + "|\\bCREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:UNIQUE\\s+|FULLTEXT\\s+|SPATIAL\\s+)?INDEX\\b");
    /**
     * What may carry an implicit index to another table name: a rename, or a table created {@code LIKE} another,
     * which copies the mark; then every table counts.
     */
    private static final Pattern MOVES = Pattern.compile("(?i)\\bRENAME\\b|\\bLIKE\\b");
    private static final String NAME = "(?:`(?:[^`]|``)+`|[\\w$]+)";
    /** The table a statement creates or alters, or indexes ({@code CREATE INDEX ... ON t}): its last name part. */
    private static final Pattern TABLE = Pattern.compile("(?is)(?:CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:TEMPORARY\\s+)?"
            + "TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?|ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)*TABLE\\s+|CREATE\\s+"
            + "(?:OR\\s+REPLACE\\s+)?(?:ONLINE\\s+|OFFLINE\\s+)?(?:UNIQUE\\s+|FULLTEXT\\s+|SPATIAL\\s+)?INDEX\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+(?:USING\\s+\\w+\\s+)?ON\\s+)(?:" + NAME + "\\s*\\.\\s*)?("
            + NAME + ")");

    private ImplicitKeys() {
    }

    /**
     * Whether {@code tail} may meet an implicitly created index that {@code prefixUps} left and a dump hides: a key
     * added in the tail to a table a foreign key was added to before.
     */
    static boolean hiddenFrom(List<Section> prefixUps, List<Section> tail) {
        Set<String> foreign = tables(prefixUps, FOREIGN_KEY);
        Set<String> keyed = foreign.isEmpty() ? Set.of() : tables(tail, KEY);
        if (foreign.isEmpty() || keyed.isEmpty()) {
            return false;
        }
        boolean moved = prefixUps.stream().anyMatch(s -> MOVES.matcher(s.sql()).find())
                || tail.stream().anyMatch(s -> MOVES.matcher(s.sql()).find());
        return moved || foreign.contains(null) || keyed.contains(null) || !Collections.disjoint(foreign, keyed);
    }

    /**
     * The tables (lower case) of the statements {@code what} finds in; null among them for a statement whose table
     * cannot be read (a routine's body, say).
     */
    private static Set<String> tables(List<Section> sections, Pattern what) {
        Set<String> tables = new HashSet<>();
        for (Section section : sections) {
            if (!what.matcher(section.sql()).find()) {
                continue;
            }
            for (SqlStatement statement : section.statements(MysqlEngine.DIALECT)) {
                String code = statement.code();
                if (what.matcher(code).find()) {
                    Matcher table = TABLE.matcher(code);
                    tables.add(table.lookingAt()
                            ? table.group(1).replace("`", "").toLowerCase(Locale.ROOT) : null);
                }
            }
        }
        return tables;
    }
}
