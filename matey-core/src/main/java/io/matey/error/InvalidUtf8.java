package io.matey.error;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The first byte of a file that is not UTF-8, located for a message that names its line, as every bad-input
 * message does (README "Commands", exit codes).
 *
 * @param line   1-based line of the byte
 * @param value  the byte, 0 to 255
 * @param offset its offset in the file
 */
public record InvalidUtf8(int line, int value, long offset) {

    /** The first invalid byte (of a truncated sequence at the end too), or null when the bytes are UTF-8. */
    public static InvalidUtf8 find(byte[] bytes) {
        int bad = firstMalformedByte(bytes);
        if (bad < 0) {
            return null;
        }
        int line = 1;
        for (int i = 0; i < bad; i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return new InvalidUtf8(line, bytes[bad] & 0xFF, bad);
    }

    /** {@code byte 0xFF at byte offset 9 of the file}. */
    public String where() {
        return String.format(Locale.ROOT, "byte 0x%02X at byte offset %d of the file", value, offset);
    }

    /** {@code <file>:2: invalid UTF-8: byte 0xFF at byte offset 9 of the file. Save the file as UTF-8.} */
    public String message(Object file) {
        return file + ":" + line + ": invalid UTF-8: " + where() + ". Save the file as UTF-8.";
    }

    /**
     * Checked through a small buffer: the text is not held a second time. The ASCII bytes that start it (as a rule
     * the whole of a migration or checkpoint) are only compared: the decoder also copies each into its buffer,
     * which cost three times as much under the launcher's C1 compiler, on every file every command reads.
     */
    private static int firstMalformedByte(byte[] bytes) {
        int ascii = 0;
        while (ascii < bytes.length && bytes[ascii] >= 0) {
            ascii++;
        }
        if (ascii == bytes.length) {
            return -1;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, ascii, bytes.length - ascii);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }
}
