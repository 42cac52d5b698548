package io.matey.engine.mysql;

import io.matey.migration.Section;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The index InnoDB creates for a foreign key whose columns lead no index is marked as created implicitly, which no
 * catalog table or {@code SHOW CREATE TABLE} shows: adding a foreign key or an index over its columns later replaces
 * it, while an index declared explicitly, as every dump's {@code KEY} is once loaded, is kept. A checkpoint's text
 * therefore cannot carry that mark (docs/architecture.md §6). Sections are read as text: a mention in a comment
 * only costs a slower replay.
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

    private ImplicitKeys() {
    }

    /** Whether {@code tail} may meet an implicitly created index that {@code prefixUps} left and a dump hides. */
    static boolean hiddenFrom(List<Section> prefixUps, List<Section> tail) {
        return prefixUps.stream().anyMatch(s -> FOREIGN_KEY.matcher(s.sql()).find())
                && tail.stream().anyMatch(s -> KEY.matcher(s.sql()).find());
    }
}
