package io.matey.schema;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Unified diffs of schema texts (the migrations block excluded), as {@code --diff} prints them. */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    /** The unified diff, or an empty string when the schemas are equal. */
    public static String unified(String left, String right, String leftLabel, String rightLabel) {
        return text(SchemaDump.withoutMigrations(left), SchemaDump.withoutMigrations(right), leftLabel, rightLabel);
    }

    /** A unified diff of two texts as they are (a generated model file); empty when they are equal. */
    public static String text(String left, String right, String leftLabel, String rightLabel) {
        List<String> a = lines(left);
        List<String> b = lines(right);
        Patch<String> patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(leftLabel, rightLabel, a, patch, 3);
        return String.join("\n", out) + "\n";
    }

    /** How many lines differ between two schemas (removed plus added); 0 when they are equal. */
    public static int distance(String left, String right) {
        return distance(DiffUtils.diff(lines(SchemaDump.withoutMigrations(left)),
                lines(SchemaDump.withoutMigrations(right))));
    }

    private static int distance(Patch<String> patch) {
        return patch.getDeltas().stream().mapToInt(d -> d.getSource().size() + d.getTarget().size()).sum();
    }

    /**
     * Which of {@code candidates} is closest to {@code schema}: the one sharing the most lines that name something
     * (not blank, not a bare {@code );}), then the fewest differing lines, then the first. Sharing comes first so
     * that a state with the same tables and one changed column beats the empty baseline, whose line count is only
     * smaller because it holds nothing.
     */
    public static int closest(String schema, List<String> candidates) {
        List<String> lines = lines(SchemaDump.withoutMigrations(schema));
        int best = 0;
        int bestShared = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < candidates.size(); i++) {
            Patch<String> patch = DiffUtils.diff(lines, lines(SchemaDump.withoutMigrations(candidates.get(i))));
            int shared = shared(lines, patch);
            int distance = distance(patch);
            if (shared > bestShared || (shared == bestShared && distance < bestDistance)) {
                best = i;
                bestShared = shared;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Lines of {@code a} that {@code patch} leaves as they are and that hold a letter or digit. */
    private static int shared(List<String> a, Patch<String> patch) {
        boolean[] changed = new boolean[a.size()];
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            Arrays.fill(changed, delta.getSource().getPosition(),
                    delta.getSource().getPosition() + delta.getSource().size(), true);
        }
        return (int) IntStream.range(0, a.size())
                .filter(i -> !changed[i] && a.get(i).codePoints().anyMatch(Character::isLetterOrDigit)).count();
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
