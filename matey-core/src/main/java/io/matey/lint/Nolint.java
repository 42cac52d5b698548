package io.matey.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code -- matey:nolint CODE[,CODE] [reason]} comments of one migration file, which accept findings on
 * purpose. A directive in the file header (the comments before the first marker or statement) covers the whole
 * file; one in the comment lines directly above a line, or at the end of that line, covers findings on it.
 * Codes are required: silencing is a decision about a named rule, never a blanket one.
 */
final class Nolint {

    static final Nolint NONE = new Nolint(List.of(), Set.of(), Set.of(), Map.of());

    private static final Pattern DIRECTIVE = Pattern.compile("--\\s*matey:nolint\\b(.*)$");
    private static final Pattern CODE = Pattern.compile("L\\d{3}");

    private final List<String> lines;
    private final Set<Integer> markerLines;
    private final Set<String> fileCodes;
    private final Map<Integer, Set<String>> codesByLine;

    private Nolint(List<String> lines, Set<Integer> markerLines, Set<String> fileCodes,
            Map<Integer, Set<String>> codesByLine) {
        this.lines = lines;
        this.markerLines = markerLines;
        this.fileCodes = fileCodes;
        this.codesByLine = codesByLine;
    }

    static Nolint of(MigrationFile file) {
        List<String> lines = file.lines();
        Set<Integer> markerLines = file.markers().stream().map(MarkerLine::line).collect(Collectors.toSet());
        Map<Integer, Set<String>> codesByLine = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Set<String> codes = codes(lines.get(i));
            if (!codes.isEmpty()) {
                codesByLine.put(i + 1, codes);
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
        return new Nolint(lines, markerLines, Set.copyOf(fileCodes), Map.copyOf(codesByLine));
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

    private boolean isPlainComment(int line) {
        return !markerLines.contains(line) && lines.get(line - 1).strip().startsWith("--");
    }

    /** The leading codes after {@code matey:nolint}; the first other word starts the free-text reason. */
    private static Set<String> codes(String line) {
        Matcher directive = DIRECTIVE.matcher(line);
        if (!directive.find()) {
            return Set.of();
        }
        Set<String> codes = new HashSet<>();
        for (String word : directive.group(1).strip().split("[\\s,]+")) {
            if (!CODE.matcher(word).matches()) {
                break;
            }
            codes.add(word);
        }
        return codes;
    }
}
