package io.matey.lint;

import io.matey.error.MateyException;
import io.matey.migration.MigrationParser;
import io.matey.migration.MigrationScript;
import io.matey.migration.Section;
import io.matey.migration.SqlDialect;
import io.matey.migration.SqlStatement;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One migration file as the rules see it: decoded lines, sections and markers, and its statements
 * parsed once (lazily, since only SQL rules need them and parsing is the expensive part). A section of bulk data
 * (over {@link #HELD_CHARS}) is lexed again by each rule that reads it instead: its tokens would take many times
 * its text's memory (docs/architecture.md §6, "Lint of large migrations").
 */
final class MigrationFile {

    /** The statement characters of a section whose parsed statements are held between rules. */
    static final int HELD_CHARS = 1024 * 1024;

    private final String path;
    private final boolean byteOrderMark;
    private final Optional<SqlDialect> dialect;
    private final String decodeError;
    private final List<String> lines;
    private final MigrationScript script;
    private final List<MarkerLine> markers;
    private List<ParsedStatement> up;
    private List<ParsedStatement> down;
    private List<MigrationChanges.Located> upChanges;
    private Nolint nolint;

    MigrationFile(String path, byte[] bytes, Optional<SqlDialect> dialect) {
        this.path = path;
        this.byteOrderMark = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF;
        this.dialect = dialect;
        String text = null;
        String error = null;
        try {
            text = MigrationParser.decode(path, bytes);
        } catch (MateyException e) {
            error = e.getMessage();
        }
        this.decodeError = error;
        // The same line split as MigrationParser, so line numbers agree with its sections.
        this.lines = text == null ? List.of() : lines(text);
        this.script = text == null ? null : MigrationParser.parse(path, text);
        this.markers = text == null ? List.of() : markers(path, lines);
    }

    String path() {
        return path;
    }

    String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    boolean readable() {
        return decodeError == null;
    }

    /** {@code Unable to decode migration '...' as UTF-8.} for a file that is not UTF-8. */
    Optional<String> decodeError() {
        return Optional.ofNullable(decodeError);
    }

    /** dbmate sees a UTF-8 byte-order mark as text; matey's decoding drops it. */
    boolean startsWithByteOrderMark() {
        return byteOrderMark;
    }

    /** The file's lines; line {@code n} is {@code lines().get(n - 1)}. Empty for an unreadable file. */
    List<String> lines() {
        return lines;
    }

    MigrationScript script() {
        return script;
    }

    List<MarkerLine> markers() {
        return markers;
    }

    List<ParsedStatement> upStatements() {
        if (up == null) {
            up = parse(script.up());
        }
        return up;
    }

    List<ParsedStatement> downStatements() {
        if (down == null) {
            down = parse(script.down());
        }
        return down;
    }

    /** The up section's statements, then the down section's. */
    List<ParsedStatement> statements() {
        List<ParsedStatement> up = upStatements();
        List<ParsedStatement> down = downStatements();
        return new AbstractList<>() {
            @Override
            public ParsedStatement get(int index) {
                return index < up.size() ? up.get(index) : down.get(index - up.size());
            }

            @Override
            public int size() {
                return up.size() + down.size();
            }
        };
    }

    /** The up section with its statements, then the down section with its. */
    void forEachSection(BiConsumer<Section, List<ParsedStatement>> check) {
        check.accept(script.up(), upStatements());
        check.accept(script.down(), downStatements());
    }

    /** The file's nolint directives, read once: findings, L012 and L104's vouching all ask. */
    Nolint nolint() {
        if (nolint == null) {
            nolint = Nolint.of(this);
        }
        return nolint;
    }

    List<MigrationChanges.Located> upChanges() {
        if (upChanges == null) {
            upChanges = MigrationChanges.of(upStatements());
        }
        return upChanges;
    }

    private List<ParsedStatement> parse(Section section) {
        SqlDialect sqlDialect = dialect.orElseThrow(() -> new IllegalStateException("SQL rules need a known engine"));
        List<SqlStatement> sources = new ArrayList<>();
        long chars = 0;
        for (SqlStatement statement : section.statements(sqlDialect)) {
            Optional<SqlStatement> code = ClientCommandRule.withoutClientCommands(statement);
            if (code.isPresent()) {
                sources.add(code.get());
                chars += code.get().sql().length();
            }
        }
        return chars <= HELD_CHARS ? sources.stream().map(ParsedStatement::of).toList() : new LexedOnRead(sources);
    }

    /** {@code text.split("\r?\n", -1)} without a regex, which took a data migration's lint some 5 % of its time. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            lines.add(text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end));
            start = end + 1;
        }
        lines.add(text.substring(start));
        return List.copyOf(lines);
    }

    /** Statements parsed afresh on each read, so that a rule's pass holds one statement's tokens at a time. */
    private static final class LexedOnRead extends AbstractList<ParsedStatement> {

        private final List<SqlStatement> sources;

        LexedOnRead(List<SqlStatement> sources) {
            this.sources = sources;
        }

        @Override
        public ParsedStatement get(int index) {
            return ParsedStatement.of(sources.get(index));
        }

        @Override
        public int size() {
            return sources.size();
        }
    }

    /**
     * Every line matey reads as a marker, found by parsing the line on its own, so that the marker syntax stays
     * defined in one place ({@link MigrationParser}).
     */
    private static List<MarkerLine> markers(String path, List<String> lines) {
        List<MarkerLine> markers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            MigrationScript single = MigrationParser.parse(path, lines.get(i));
            if (single.up().markerLine() == 1) {
                markers.add(new MarkerLine(i + 1, lines.get(i), true, single.up().transaction()));
            } else if (single.down().markerLine() == 1) {
                markers.add(new MarkerLine(i + 1, lines.get(i), false, single.down().transaction()));
            }
        }
        return List.copyOf(markers);
    }
}
