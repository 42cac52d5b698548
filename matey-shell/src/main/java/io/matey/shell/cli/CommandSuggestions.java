package io.matey.shell.cli;

import io.matey.error.Suggestions;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "Did you mean ...?" for a mistyped command: a command whose every word starts with the word typed there
 * ({@code db st} for {@code db status}) before the one closest by edits, and a destructive verb ({@code drop},
 * {@code down}) only for such a prefix, and last among them, or a swap of two adjacent letters ({@code dwon}): a near miss never points
 * at a command that deletes something.
 */
public final class CommandSuggestions {

    private CommandSuggestions() {
    }

    /**
     * The name among {@code names} (each words joined by spaces, aliases included) that {@code typed} most likely
     * meant, or nothing; {@code destructive} holds the verbs that delete something.
     */
    public static Optional<String> closest(List<String> typed, Collection<String> names, Set<String> destructive) {
        // what keeps data first, then the fewest letters added: `d` is dbmate's `dump`, not `down`
        String best = null;
        long bestRank = Long.MAX_VALUE;
        for (String name : names) {
            int rest = prefixRest(typed, name);
            String[] words = name.split(" ");
            long rank = (destructive.contains(words[words.length - 1]) ? 1L : 0L) << 32 | rest;
            if (rest >= 0 && (rank < bestRank || rank == bestRank && name.compareTo(best) < 0)) {
                best = name;
                bestRank = rank;
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            String[] words = name.split(" ");
            String given = String.join(" ", typed.subList(0, Math.min(words.length, typed.size())));
            if (!Suggestions.close(given, name)
                    || destructive.contains(words[words.length - 1]) && !swapsTwoLetters(given, name)) {
                continue;
            }
            int distance = Suggestions.distance(given, name);
            if (distance < bestDistance || distance == bestDistance && name.compareTo(best) < 0) {
                best = name;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The letters {@code name} adds when each typed word is a prefix of its word; -1 when they are not. */
    private static int prefixRest(List<String> typed, String name) {
        String[] words = name.split(" ");
        if (typed.size() != words.length) {
            return -1; // `db x` is no prefix of `dbmate`
        }
        int rest = 0;
        for (int i = 0; i < words.length; i++) {
            String word = typed.get(i);
            if (word.isEmpty() || !words[i].startsWith(word)) {
                return -1;
            }
            rest += words[i].length() - word.length();
        }
        return rest;
    }

    private static boolean swapsTwoLetters(String typed, String name) {
        if (typed.length() != name.length()) {
            return false;
        }
        char[] a = typed.toCharArray();
        char[] b = name.toCharArray();
        Arrays.sort(a);
        Arrays.sort(b);
        return Arrays.equals(a, b) && Suggestions.distance(typed, name) == 1;
    }
}
