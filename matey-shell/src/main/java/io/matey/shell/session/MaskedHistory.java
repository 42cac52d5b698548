package io.matey.shell.session;

import io.matey.engine.MateyUrl;
import io.matey.log.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The session's history ({@code ~/.matey_history}): readable by its owner only, and every line masked as it is
 * written, so a {@code --url} with a password never reaches the file; the running session recalls its own lines
 * whole, and tells whether a line holding the mask in a password's place was recalled from the file
 * (docs/architecture.md §8).
 */
final class MaskedHistory extends DefaultHistory {

    /** Stands for the mask while a line is masked again, so that a mask in a password position can be told. */
    private static final String MARK = "MATEYMASKED";

    /**
     * The lines typed in this session, by entry index: the entries hold every line masked, as JLine writes them to
     * the file, and the session recalls its own lines whole from here.
     */
    private final Map<Integer, String> typed = new HashMap<>();
    /** Whether the entry being added was typed in this session rather than loaded from the file. */
    private boolean adding;
    /** Whether a line from the file holding the mask in a password's place was recalled since {@link #newLine}. */
    private boolean maskRecalled;

    /** A line typed in this session ({@code add}); loading the file adds its lines directly. */
    @Override
    protected void internalAdd(Instant time, String line) {
        adding = true;
        try {
            super.internalAdd(time, line);
        } finally {
            adding = false;
        }
    }

    /** Every entry passes here, typed or loaded from the file. */
    @Override
    protected void internalAdd(Instant time, String line, boolean checkDuplicates) {
        super.internalAdd(time, MateyUrl.mask(line), checkDuplicates);
        if (adding) {
            typed.put(last(), line); // whole, also when its password is literally the mask
        }
    }

    /** Trimming the file reloads the entries from it, renumbered: the typed lines then recall masked. */
    @Override
    protected void trimHistory(Path path, int max) throws IOException {
        super.trimHistory(path, max);
        typed.clear();
    }

    @Override
    public String get(int index) {
        return recalled(typed.get(index), super.get(index));
    }

    /** What the line editor recalls (arrow keys, searches, operate-and-get-next), as {@link #get} does. */
    @Override
    public String current() {
        return recalled(typed.get(index()), super.current());
    }

    private String recalled(String typedLine, String entry) {
        if (typedLine != null) {
            return typedLine;
        }
        maskRecalled |= holdsMask(entry);
        return entry;
    }

    /** Starts a new line at the prompt: what was recalled for the one before no longer counts. */
    void newLine() {
        maskRecalled = false;
    }

    /**
     * Whether a line of the file holding the mask in a password's place was recalled while this line was edited: a
     * line holding the mask then most likely came from there, and cannot log in; without such a recall, a
     * {@code ****} in a password's place was typed, and is the password (docs/architecture.md §8).
     */
    boolean maskRecalled() {
        return maskRecalled;
    }

    /** Searches (Ctrl-R) see the lines as recall gives them: a copy of the entries (500 at most), read only. */
    @Override
    public ListIterator<Entry> iterator(int index) {
        List<Entry> entries = new ArrayList<>();
        super.iterator(first()).forEachRemaining(entry -> entries.add(whole(entry)));
        return Collections.unmodifiableList(entries).listIterator(index - first());
    }

    private Entry whole(Entry entry) {
        String line = typed.get(entry.index());
        return line == null ? entry : new EntryImpl(entry.index(), entry.time(), line);
    }

    /**
     * Whether the line's password is the mask itself, as in a line recalled from the file: masking the line again
     * masks that mask away (a mask anywhere else, such as in a database's name, stays).
     */
    static boolean holdsMask(String line) {
        String marked = line.replace(Secrets.MASK, MARK);
        return MateyUrl.mask(marked).split(MARK, -1).length < marked.split(MARK, -1).length;
    }

    /** Creates the file as 0600, or narrows an existing one to 0600 and masks what older versions wrote in clear. */
    static Path prepare(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                return file;
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> masked = lines.stream().map(MateyUrl::mask).toList();
            if (!masked.equals(lines)) {
                Files.write(file, masked, StandardCharsets.UTF_8);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the history file " + file, e);
        }
    }
}
