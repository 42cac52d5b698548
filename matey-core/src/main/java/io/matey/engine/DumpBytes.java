package io.matey.engine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Searches of a dump's bytes, for {@link Engine#earlierDumpText}: every checkpoint of a long history is searched as
 * every command reads it, and almost none holds what is searched for, so the bytes are searched before any text is
 * decoded.
 */
public final class DumpBytes {

    private DumpBytes() {
    }

    /**
     * Whether {@code part} occurs in {@code text}, by Horspool's search, which skips most bytes: a byte-by-byte scan
     * (under the launcher's C1 compiler) cost nearly as much as digesting the checkpoint.
     */
    public static boolean contains(byte[] text, byte[] part) {
        int[] shift = shifts(part);
        int last = part.length - 1;
        for (int at = 0; at + last < text.length; at += shift[text[at + last] & 0xff]) {
            int i = last;
            while (i >= 0 && text[at + i] == part[i]) {
                i--;
            }
            if (i < 0) {
                return true;
            }
        }
        return false;
    }

    /** The text, or empty when the bytes are no UTF-8 (no dump of Matey's). */
    public static Optional<String> text(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notText) {
            return Optional.empty();
        }
    }

    /** How far the search moves on for each value of a window's last byte: to align its last other occurrence. */
    private static int[] shifts(byte[] part) {
        int[] shift = new int[256];
        Arrays.fill(shift, part.length);
        for (int i = 0; i < part.length - 1; i++) {
            shift[part[i] & 0xff] = part.length - 1 - i;
        }
        return shift;
    }
}
