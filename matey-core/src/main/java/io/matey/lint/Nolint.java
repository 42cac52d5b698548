package io.matey.lint;

import io.matey.migration.Migration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code -- matey:nolint CODE[,CODE] [reason]} comments of one migration file, which accept findings on
 * purpose. A directive in the file header (the comments before the first marker or statement) covers the whole
 * file; one in the comment lines directly above a line, or at the end of that line, covers findings on it.
 * Codes are required: silencing is a decision about a named rule, never a blanket one. A word in a code's place
 * that names no rule ({@link #unknownCodes()}) silences nothing and is reported (L012). Replay reads the same
 * directives to let a statement it cannot check run ({@link #vouch}, docs/architecture.md §6).
 */
public final class Nolint {

    static final Nolint NONE = new Nolint(List.of(), Set.of(), Set.of(), Map.of(), Map.of(), List.of());

    private static final Pattern DIRECTIVE = Pattern.compile("--\\s*matey:nolint\\b(.*)$");
    /** Shaped like a rule code, known or not. */
    private static final Pattern CODE = Pattern.compile("L\\d{3}|SF\\.LT\\d{2}");
    /** A word and the separators after it. */
    private static final Pattern WORD = Pattern.compile("([^\\s,]+)([\\s,]*)");

    /**
     * A word in a code's place of a directive that is no rule's code (empty: the directive names none).
     *
     * @param line the directive's line
     */
    record UnknownCode(int line, String word) {
    }

    private final List<String> lines;
    private final Set<Integer> markerLines;
    private final Set<String> fileCodes;
    private final Map<Integer, Set<String>> codesByLine;
    /** The free text after a directive's codes, by directive line; absent when it gives none. */
    private final Map<Integer, String> reasonByLine;
    private final List<UnknownCode> unknownCodes;

    /** How a statement is vouched for by a directive naming a code in the comment lines directly above it. */
    public enum Vouch {
        /** No such directive. */
        ABSENT,
        /** A directive names the code but gives no reason after it. */
        WITHOUT_REASON,
        /** A directive names the code and says why. */
        GIVEN
    }

    private Nolint(List<String> lines, Set<Integer> markerLines, Set<String> fileCodes,
            Map<Integer, Set<String>> codesByLine, Map<Integer, String> reasonByLine, List<UnknownCode> unknownCodes) {
        this.lines = lines;
        this.markerLines = markerLines;
        this.fileCodes = fileCodes;
        this.codesByLine = codesByLine;
        this.reasonByLine = reasonByLine;
        this.unknownCodes = unknownCodes;
    }

    /** The directives of a migration as commands read it (line numbers those of its statements). */
    public static Nolint of(Migration migration) {
        return of(new MigrationFile(migration.file(), migration.bytes(), Optional.empty()));
    }

    static Nolint of(MigrationFile file) {
        List<String> lines = file.lines();
        Set<Integer> markerLines = file.markers().stream().map(MarkerLine::line).collect(Collectors.toSet());
        Map<Integer, Set<String>> codesByLine = new HashMap<>();
        Map<Integer, String> reasonByLine = new HashMap<>();
        List<UnknownCode> unknownCodes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            // A plain search first: the regex on every line of a data migration was a tenth of its lint.
            Matcher directive = lines.get(i).contains("matey:nolint") ? DIRECTIVE.matcher(lines.get(i)) : null;
            if (directive == null || !directive.find()) {
                continue;
            }
            Set<String> codes = new HashSet<>();
            StringBuilder reason = new StringBuilder();
            for (String word : codes(directive.group(1), codes, reason)) {
                unknownCodes.add(new UnknownCode(i + 1, word));
            }
            if (!codes.isEmpty()) {
                codesByLine.put(i + 1, codes);
            }
            if (!reason.isEmpty()) {
                reasonByLine.put(i + 1, reason.toString());
            }
        }
        Set<String> fileCodes = new HashSet<>();
        for (int line = 1; line <= lines.size() && !markerLines.contains(line); line++) {
            String text = lines.get(line - 1).strip();
            if (!text.isEmpty() && !text.startsWith("--")) {
                break;
            }
            fileCodes.addAll(codesByLine.getOrDefault(line, Set.of()));
        }
        return new Nolint(lines, markerLines, Set.copyOf(fileCodes), Map.copyOf(codesByLine), Map.copyOf(reasonByLine),
                List.copyOf(unknownCodes));
    }

    /** The words in a code's place that name no rule, in line order. */
    List<UnknownCode> unknownCodes() {
        return unknownCodes;
    }

    /** Whether a finding with this code at this line (null: the whole file) was accepted on purpose. */
    boolean silences(String code, Integer line) {
        if (fileCodes.contains(code)) {
            return true;
        }
        if (line == null || codesByLine.isEmpty()) {
            return false;
        }
        if (codesByLine.getOrDefault(line, Set.of()).contains(code)) {
            return true;
        }
        for (int above = line - 1; above >= 1 && isPlainComment(above); above--) {
            if (codesByLine.getOrDefault(above, Set.of()).contains(code)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a directive naming {@code code} in the comment lines directly above {@code line} vouches for the
     * statement there, and with a reason. Only those lines count, never the file header: the statement is accepted
     * one by one.
     */
    public Vouch vouch(String code, int line) {
        for (int above = line - 1; above >= 1 && isPlainComment(above); above--) {
            if (codesByLine.getOrDefault(above, Set.of()).contains(code)) {
                return reasonByLine.containsKey(above) ? Vouch.GIVEN : Vouch.WITHOUT_REASON;
            }
        }
        return Vouch.ABSENT;
    }

    private boolean isPlainComment(int line) {
        return !markerLines.contains(line) && lines.get(line - 1).strip().startsWith("--");
    }

    /**
     * Reads the leading codes after {@code matey:nolint} into {@code codes}; the first other word starts the
     * free-text reason. Returns the words in a code's place that name no rule: the first word, a word after a comma,
     * or one shaped like a code (a typo such as {@code L4O1}, {@code l401}, {@code L999}), or "" when there is none.
     * Appends the reason, from the first word that is no code on, to {@code reason}.
     */
    private static List<String> codes(String directive, Set<String> codes, StringBuilder reason) {
        List<String> unknown = new ArrayList<>();
        Matcher words = WORD.matcher(directive.strip());
        boolean codePlace = true;
        while (words.find()) {
            String word = words.group(1);
            if (RuleCodes.known(word)) {
                codes.add(word);
            } else if (CODE.matcher(word).matches()) {
                unknown.add(word);
            } else {
                if (codePlace) {
                    unknown.add(word);
                }
                reason.append(directive.strip().substring(words.start()).strip());
                break;
            }
            codePlace = words.group(2).contains(",");
        }
        if (codes.isEmpty() && unknown.isEmpty()) {
            unknown.add("");
        }
        return unknown;
    }
}
