package io.matey.migration;

import io.matey.artifact.ConflictMarkers;
import io.matey.error.MateyException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a dbmate-format migration file into its {@code -- migrate:up} and {@code -- migrate:down} sections.
 * Markers are whole lines, matched case-insensitively with optional leading whitespace (what matey reads);
 * text before any marker belongs to the up section.
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
        String[] lines = text.split("\r?\n", -1);
        List<MigrationScript.Problem> problems = new ArrayList<>();
        // First: a conflict is what also breaks any marker structure it spans.
        ConflictMarkers.firstLine(text.getBytes(StandardCharsets.UTF_8))
                .ifPresent(line -> problems.add(MigrationScript.Problem.mergeConflict(line)));
        int upMarker = 0;
        int downMarker = 0;
        boolean upTransaction = true;
        boolean downTransaction = true;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARKER.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            int lineNo = i + 1;
            boolean transaction = !hasTransactionFalse(m.group(2));
            if (m.group(1).equalsIgnoreCase("up")) {
                if (upMarker > 0) {
                    problems.add(MigrationScript.Problem.markers(lineNo, "dbmate migrate:up marker appears more than once."));
                } else if (downMarker > 0) {
                    problems.add(MigrationScript.Problem.markers(lineNo, "dbmate migrate:up marker appears after a down marker."));
                } else {
                    upMarker = lineNo;
                    upTransaction = transaction;
                }
            } else if (downMarker > 0) {
                problems.add(MigrationScript.Problem.markers(lineNo, "dbmate migrate:down marker appears more than once."));
            } else {
                if (upMarker == 0) {
                    problems.add(MigrationScript.Problem.markers(lineNo, "dbmate migrate:down marker appears before an up marker."));
                }
                downMarker = lineNo;
                downTransaction = transaction;
            }
        }
        int upEnd = downMarker > 0 ? downMarker - 1 : lines.length;
        int upStart = upMarker > 0 ? upMarker : 0;
        Section up = new Section("up", join(lines, upStart, upEnd), upStart + 1, upTransaction, upMarker);
        Section down = downMarker > 0
                ? new Section("down", join(lines, downMarker, lines.length), downMarker + 1, downTransaction, downMarker)
                : Section.absent("down");
        if (upMarker == 0 && downMarker > 0) {
            up = new Section("up", "", 1, true, 0);
        }
        return new MigrationScript(file, up, down, List.copyOf(problems));
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

    private static String join(String[] lines, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(lines[i]).append('\n');
        }
        return sb.toString();
    }

    /** Strict UTF-8 decoding; a byte-order mark is dropped. */
    public static String decode(String file, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new MateyException("Unable to decode migration '" + file + "' as UTF-8.");
        }
    }
}
