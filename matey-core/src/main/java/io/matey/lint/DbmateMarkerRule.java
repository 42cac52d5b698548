package io.matey.lint;

import io.matey.lint.Finding.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * L007, L009, L010: markers and file layouts that matey accepts but dbmate reads differently or refuses, so the
 * file would change meaning when the other tool runs it (docs/architecture.md §9).
 */
final class DbmateMarkerRule implements LintRule {

    /** dbmate's marker: at the start of the line, lower case, then the end of the line or options. */
    private static final Pattern DBMATE_MARKER = Pattern.compile("^--\\s*migrate:(?:up|down)(\\s.*)?$");

    @Override
    public void check(LintContext context, Findings findings) {
        for (MigrationFile file : context.readableMigrations()) {
            file.markers().forEach(marker -> checkMarker(file, marker, findings));
            checkRefused(file, findings);
        }
    }

    /** L009, L010: what dbmate refuses when it comes to run the file (it runs the files before it). */
    static void checkRefused(MigrationFile file, Findings findings) {
        checkUpBlock(file, findings);
        if (file.markers().stream().allMatch(MarkerLine::up)) {
            findings.addDbmateRefusal(Level.ERROR, "L010", file.path(), null, "Migration has no '-- migrate:down' "
                    + "marker; dbmate refuses to run it (an empty down section is enough).",
                    "add a '-- migrate:down' line at the end of the file");
        }
    }

    private static void checkMarker(MigrationFile file, MarkerLine marker, Findings findings) {
        String shown = marker.text().strip();
        Matcher dbmate = DBMATE_MARKER.matcher(marker.text());
        if (!marker.text().equals(marker.text().stripLeading())) {
            findings.add(Level.ERROR, "L007", file.path(), marker.line(), "Marker '" + shown
                    + "' is indented; dbmate only recognises markers at the start of a line.");
        } else if (!dbmate.matches()) {
            findings.add(Level.ERROR, "L007", file.path(), marker.line(), "Marker '" + shown
                    + "' is not lower case; dbmate only recognises '-- migrate:" + marker.kind() + "'.");
        } else if (dbmateTransaction(dbmate.group(1)) != marker.transaction()) {
            findings.add(Level.ERROR, "L007", file.path(), marker.line(), "Marker '" + shown
                    + "' has options dbmate reads differently; it only honours the exact option 'transaction:false'.");
        }
    }

    /** dbmate refuses a file without an up marker or with anything but comments before it. */
    private static void checkUpBlock(MigrationFile file, Findings findings) {
        if (file.startsWithByteOrderMark()) {
            findings.addDbmateRefusal(Level.ERROR, "L009", file.path(), 1, "File starts with a UTF-8 byte-order mark; "
                    + "dbmate reads it as a statement before '-- migrate:up' and refuses the file.",
                    "save the file as UTF-8 without a byte-order mark");
        }
        List<MarkerLine> markers = file.markers();
        if (markers.stream().noneMatch(MarkerLine::up)) {
            findings.addDbmateRefusal(Level.ERROR, "L009", file.path(), null,
                    "Migration has no '-- migrate:up' marker; dbmate refuses to run it.",
                    "add a '-- migrate:up' line above the migration's SQL");
            return;
        }
        List<String> lines = file.lines();
        for (int line = 1; line < markers.get(0).line(); line++) {
            String text = lines.get(line - 1).strip();
            if (!text.isEmpty() && !text.startsWith("--")) {
                findings.addDbmateRefusal(Level.ERROR, "L009", file.path(), line, "SQL before the first marker; "
                        + "dbmate refuses files with statements before '-- migrate:up'.",
                        "move the statement below '-- migrate:up'");
                return;
            }
        }
    }

    /** dbmate reads whitespace-separated {@code key:value} pairs and runs in a transaction unless exactly "false". */
    private static boolean dbmateTransaction(String options) {
        Map<String, String> pairs = new HashMap<>();
        if (options != null) {
            for (String pair : options.strip().split("\\s+")) {
                String[] parts = pair.split(":", -1);
                if (parts.length == 2) {
                    pairs.put(parts[0], parts[1]);
                }
            }
        }
        return !"false".equals(pairs.get("transaction"));
    }
}
