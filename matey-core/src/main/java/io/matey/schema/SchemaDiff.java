package io.matey.schema;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;

/** Unified diffs of schema texts (the migrations block excluded), as {@code --diff} prints them. */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    /** The unified diff, or an empty string when the schemas are equal. */
    public static String unified(String left, String right, String leftLabel, String rightLabel) {
        List<String> a = lines(SchemaDump.withoutMigrations(left));
        List<String> b = lines(SchemaDump.withoutMigrations(right));
        Patch<String> patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(leftLabel, rightLabel, a, patch, 3);
        return String.join("\n", out) + "\n";
    }

    /** How many lines differ between two schemas (removed plus added); 0 when they are equal. */
    public static int distance(String left, String right) {
        Patch<String> patch = DiffUtils.diff(lines(SchemaDump.withoutMigrations(left)),
                lines(SchemaDump.withoutMigrations(right)));
        return patch.getDeltas().stream().mapToInt(d -> d.getSource().size() + d.getTarget().size()).sum();
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
