package io.matey.engine.clickhouse;

import io.matey.error.InvalidUtf8;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A ClickHouse String selected as the hex of its bytes, decoded as UTF-8 strictly. A String holds any bytes, and the
 * driver reads those that are not UTF-8 as replacement characters, so text Matey writes out (data files, schema.sql)
 * would silently differ from what the server holds (docs/architecture.md §3).
 */
final class ClickHouseUtf8 {

    private final byte[] bytes;

    private ClickHouseUtf8(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The bytes of {@code hex}, as {@code hex(...)} selected them. */
    static ClickHouseUtf8 ofHex(String hex) {
        return new ClickHouseUtf8(HexFormat.of().parseHex(hex));
    }

    /** The text, or null when the bytes are not UTF-8. */
    String text() {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** {@code byte 0xFF after "s String DEFAULT '"}: where the first byte that is not UTF-8 is, for a message. */
    String firstBadByte() {
        InvalidUtf8 bad = InvalidUtf8.find(bytes);
        int offset = (int) bad.offset(); // of bytes held in memory
        int from = Math.max(0, offset - 30);
        while (from > 0 && (bytes[from] & 0xC0) == 0x80) {
            from--; // not inside a character: every byte before the bad one is UTF-8
        }
        return String.format("byte 0x%02X after \"%s\"", bad.value(),
                new String(bytes, from, offset - from, StandardCharsets.UTF_8).replace('\n', ' ').strip());
    }

    /** {@code hex F0FF41}: the first 16 bytes, for a message. */
    String shown() {
        return "hex " + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 16)) + (bytes.length > 16 ? "..." : "");
    }
}
