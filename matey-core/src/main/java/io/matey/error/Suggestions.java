package io.matey.error;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean ...?": the known name closest to a mistyped one, when it is close enough to be a typo. */
public final class Suggestions {

    private Suggestions() {
    }

    public static Optional<String> closest(String typed, Collection<String> known) {
        return known.stream().filter(k -> close(typed, k))
                .min(Comparator.comparingInt((String k) -> distance(typed, k)).thenComparing(k -> k));
    }

    /** " Did you mean 'x'?" for the closest known name, or nothing. */
    public static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(k -> " Did you mean '" + k + "'?").orElse("");
    }

    /**
     * Within a third of the name's length in edits (at least two): a likely typo. A name every letter of which
     * would change ({@code pg} for {@code ch}) is none.
     */
    public static boolean close(String typed, String known) {
        int distance = distance(typed, known);
        return distance <= Math.max(2, known.length() / 3) && distance < Math.max(typed.length(), known.length());
    }

    /** Edit distance with adjacent transpositions counted as one edit (optimal string alignment). */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
