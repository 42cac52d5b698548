package io.matey.migration;

import io.matey.artifact.ConflictMarkers;
import io.matey.error.InvalidUtf8;
import io.matey.error.MateyException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a dbmate-format migration file into its {@code -- migrate:up} and {@code -- migrate:down} sections.
 * Markers are whole lines, matched case-insensitively with optional leading whitespace (what matey reads), a
 * trailing CR ignored; text before any marker belongs to the up section. A section's text is the file's as it is,
 * CRLF line ends too: dbmate sends it so, and a string literal or a function body spanning lines must be stored
 * as dbmate stores it (README "Migration files"). A migration may be tens of megabytes of data, so the text is
 * decoded once and each section cut from it in one copy, with no per-line copies (README "Safety").
 */
public final class MigrationParser {

    static final Pattern MARKER = Pattern.compile("^\\s*--\\s*migrate:(up|down)(?:\\s+(.*))?$",
            Pattern.CASE_INSENSITIVE);

    private MigrationParser() {
    }

    public static MigrationScript parse(String file, byte[] bytes) {
        return parse(file, decode(file, bytes));
    }

    public static MigrationScript parse(String file, String text) {
        List<MigrationScript.Problem> problems = new ArrayList<>();
        // First: a conflict is what also breaks any marker structure it spans.
        ConflictMarkers.firstLine(text).ifPresent(line -> problems.add(MigrationScript.Problem.mergeConflict(line)));
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int lineStart = text.lastIndexOf('\n', nul) + 1;
            problems.add(MigrationScript.Problem.nulByte(lineOf(text, nul), nul - lineStart + 1));
        }
        Marker up = null;
        Marker down = null;
        int lineNo = 0;
        for (int start = 0; start <= text.length(); ) {
            lineNo++;
            int newline = text.indexOf('\n', start);
            int next = newline < 0 ? text.length() + 1 : newline + 1;
            Matcher m = markerAt(text, start, newline < 0 ? text.length() : newline);
            if (m != null) {
                Marker marker = new Marker(lineNo, start, next, !hasTransactionFalse(m.group(2)));
                if (m.group(1).equalsIgnoreCase("up")) {
                    if (up != null) {
                        problems.add(MigrationScript.Problem.markers(lineNo, "dbmate migrate:up marker appears more than once."));
                    } else if (down != null) {
                        problems.add(MigrationScript.Problem.markers(lineNo, "dbmate migrate:up marker appears after a down marker."));
                    } else {
                        up = marker;
                    }
                } else if (down != null) {
                    problems.add(MigrationScript.Problem.markers(lineNo, "dbmate migrate:down marker appears more than once."));
                } else {
                    if (up == null) {
                        problems.add(MigrationScript.Problem.markers(lineNo, "dbmate migrate:down marker appears before an up marker."));
                    }
                    down = marker;
                }
            }
            start = next;
        }
        Section upSection;
        if (up == null && down != null) {
            upSection = new Section("up", "", 1, true, 0);
        } else {
            int from = up == null ? 0 : up.next();
            String sql = down == null ? rest(text, from) : lines(text, from, down.start());
            upSection = up == null ? new Section("up", sql, 1, true, 0)
                    : new Section("up", sql, up.line() + 1, up.transaction(), up.line());
        }
        Section downSection = down == null ? Section.absent("down")
                : new Section("down", rest(text, down.next()), down.line() + 1, down.transaction(), down.line());
        return new MigrationScript(file, upSection, downSection, List.copyOf(problems));
    }

    /** A marker line: its number, where it starts and where the line after it starts. */
    private record Marker(int line, int start, int next, boolean transaction) {
    }

    /** The marker match of the line {@code [start, end)}, without its CR; null when it is no marker. */
    private static Matcher markerAt(String text, int start, int end) {
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        int at = start;
        while (at < end && isRegexSpace(text.charAt(at))) {
            at++;
        }
        // Only a line starting "--" can be a marker: other lines (a data line may be megabytes) are not copied.
        if (!text.startsWith("--", at) || at + 2 > end) {
            return null;
        }
        Matcher m = MARKER.matcher(text.substring(start, end));
        return m.matches() ? m : null;
    }

    /** What {@code \s} matches in {@link #MARKER}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The lines from offset {@code from} (a line start) to the line starting at {@code to}. */
    private static String lines(String text, int from, int to) {
        return from >= to ? "" : text.substring(from, to);
    }

    /** The lines from offset {@code from} to the end, each ended by a newline (the last one too). */
    private static String rest(String text, int from) {
        return from > text.length() ? "" : text.substring(from).concat("\n");
    }

    private static int lineOf(CharSequence text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        return line;
    }

    private static boolean hasTransactionFalse(String options) {
        if (options == null) {
            return false;
        }
        for (String option : options.trim().split("\\s+")) {
            if (option.toLowerCase(Locale.ROOT).equals("transaction:false")) {
                return true;
            }
        }
        return false;
    }

    /** Strict UTF-8 decoding, straight into the string (the text is held once); a byte-order mark is dropped. */
    public static String decode(String file, byte[] bytes) {
        InvalidUtf8 bad = InvalidUtf8.find(bytes);
        if (bad != null) {
            throw new MateyException(String.format(Locale.ROOT, "Unable to decode migration '%s' as UTF-8: line %d "
                    + "has an invalid byte (0x%02X at byte offset %d of the file). Save the file as UTF-8.",
                    file, bad.line(), bad.value(), bad.offset()));
        }
        int bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
                ? 3 : 0;
        return new String(bytes, bom, bytes.length - bom, StandardCharsets.UTF_8);
    }
}
