package io.matey.engine.mysql;

import io.matey.data.ColumnType;
import io.matey.data.ValueException;
import java.util.HexFormat;

/**
 * A MySQL/MariaDB BIT(n) value's text in data files (docs/architecture.md §3): lower-case hex of the whole bytes n
 * bits take, as the server returns them ({@code "0005"} in a BIT(12), {@code "05"} in a BIT(8)). A BIT is a number,
 * so a file's hex of other width is the same value when only zero bytes differ, and compared so; one with more bits
 * than n is refused, as the server would store another value.
 */
final class MysqlBits {

    private MysqlBits() {
    }

    /** A file's hex at the column's width; refused when it is no hex or has more bits than the column. */
    static String text(String hex, ColumnType type) throws ValueException {
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new ValueException(MysqlDurations.quoted(hex) + " is not an even number of hex digits");
        }
        String text = text(bytes, type);
        if (text == null) {
            throw new ValueException(MysqlDurations.quoted(hex) + " has more than the " + type.precision()
                    + " bit(s) " + type.label() + " holds");
        }
        return text;
    }

    /** {@code bytes} (a file's, or the server's) as hex of the column's width; null when it has more bits. */
    static String text(byte[] bytes, ColumnType type) {
        int bits = type.precision();
        int width = (bits + 7) / 8;
        byte[] out = new byte[width];
        for (int i = 0; i < bytes.length; i++) {
            int at = i - (bytes.length - width);
            if (at < 0 ? bytes[i] != 0 : at == 0 && bits % 8 != 0 && (bytes[i] & 0xff) >> (bits % 8) != 0) {
                return null;
            }
            if (at >= 0) {
                out[at] = bytes[i];
            }
        }
        return HexFormat.of().formatHex(out);
    }
}
