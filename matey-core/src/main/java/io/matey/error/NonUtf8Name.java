package io.matey.error;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Refuses a file whose name is not UTF-8, or is UTF-8 that the locale Java runs in cannot decode: Java shows the bytes
 * it cannot decode as U+FFFD, so artifacts and the migrations table would name a file that does not exist (docs/architecture.md §4). The name's bytes come from {@link Path#toUri()}, which percent-encodes
 * the bytes the file system gave.
 */
public final class NonUtf8Name {

    private NonUtf8Name() {
    }

    /**
     * Throws when the name of {@code entry} is not UTF-8, naming it as {@code shownDir/<name>} with its bad bytes
     * escaped as bash's {@code $'...'} reads them.
     */
    public static void require(Path entry, String shownDir) {
        String name = entry.getFileName().toString();
        if (name.indexOf('\uFFFD') < 0) {
            return;
        }
        byte[] bytes = nameBytes(entry);
        InvalidUtf8 bad = InvalidUtf8.find(bytes);
        if (bad == null) {
            if (!new String(bytes, StandardCharsets.UTF_8).equals(name)) {
                throw unrepresentable(shownDir + "/" + escaped(bytes));
            }
            return;
        }
        String shown = shownDir + "/" + escaped(bytes);
        throw new MateyException(shown + ": the file name is not UTF-8 (byte 0x"
                + String.format("%02X", bad.value()) + " at offset " + bad.offset() + " of the name), and Matey "
                + "records and names files in UTF-8. Rename it: mv $'" + shown + "' '" + shownDir + "/"
                + withoutBadBytes(bytes) + "'");
    }

    /**
     * A UTF-8 name that Java decoded in a locale's character set without it (LC_ALL=C, POSIX, Latin-1): Java reads
     * file names in the locale's set whatever its options say, so only a UTF-8 locale makes it readable
     * (docs/architecture.md §4). The {@code ./matey} launcher gives Java one itself.
     */
    private static MateyException unrepresentable(String shown) {
        return new MateyException(shown + ": the file name is UTF-8, but this Java process reads file names as "
                + System.getProperty("sun.jnu.encoding") + " (from the locale: LC_ALL, LC_CTYPE or LANG), which cannot "
                + "represent it. Run Matey under a UTF-8 locale, e.g. LC_ALL=C.UTF-8; the ./matey launcher does so itself.");
    }

    private static byte[] nameBytes(Path entry) {
        String raw = entry.toAbsolutePath().toUri().getRawPath();
        if (raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        raw = raw.substring(raw.lastIndexOf('/') + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    /** Printable ASCII as is, every other byte as {@code \xNN}. */
    public static String escaped(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int value = b & 0xFF;
            if (value >= 0x20 && value < 0x7F && value != '\\' && value != '\'') {
                out.append((char) value);
            } else {
                out.append(String.format("\\x%02x", value));
            }
        }
        return out.toString();
    }

    private static String withoutBadBytes(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.IGNORE)
                    .onUnmappableCharacter(CodingErrorAction.IGNORE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("ignoring decoder failed", e);
        }
    }
}
