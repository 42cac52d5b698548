package io.matey.engine.clickhouse;

import io.matey.data.ValueException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Data file values of the types ClickHouse reads from text (UUID, IPv4, IPv6), checked while the file is read and
 * written as ClickHouse writes them back, so that a bad value is named by its line before anything is written and
 * an equal value in another spelling ({@code 10.0.0.1} in an IPv6 column, an upper-case UUID) compares equal
 * instead of being rewritten by every apply.
 */
final class ClickHouseTextValues {

    private static final Pattern UUID = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    /** Hex digits, colons and dots with a colon: Java then parses a literal and never asks DNS. */
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[\\p{XDigit}:.]*:[\\p{XDigit}:.]*");

    private ClickHouseTextValues() {
    }

    /** {@code text} as ClickHouse writes a value of the type named {@code type}; other types' text as it is. */
    static String of(String text, String type) throws ValueException {
        return switch (type) {
            case "UUID" -> {
                if (!UUID.matcher(text).matches()) {
                    throw refused(text, "a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, hex digits)");
                }
                yield text.toLowerCase(Locale.ROOT);
            }
            case "IPv4" -> {
                if (!IPV4.matcher(text).matches()) {
                    throw refused(text, "an IPv4 address (a.b.c.d)");
                }
                yield text;
            }
            case "IPv6" -> ipv6(text);
            default -> text;
        };
    }

    /** An IPv4 address stands for its IPv4-mapped IPv6 address, as ClickHouse reads it. */
    private static String ipv6(String text) throws ValueException {
        if (IPV4.matcher(text).matches()) {
            return "::ffff:" + text;
        }
        String expected = "an IPv6 address (such as 2001:db8::1 or ::ffff:10.0.0.1)";
        if (!IPV6_CHARACTERS.matcher(text).matches()) {
            throw refused(text, expected);
        }
        try {
            InetAddress address = InetAddress.getByName(text);
            return address instanceof Inet4Address v4 ? "::ffff:" + v4.getHostAddress()
                    : ClickHouseDataValues.ipv6(address.getAddress());
        } catch (UnknownHostException e) {
            throw refused(text, expected);
        }
    }

    private static ValueException refused(String text, String expected) {
        return new ValueException("\"" + text + "\" is not " + expected);
    }
}
