package io.matey.engine.mysql;

import io.matey.engine.ServerRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The account list of a {@code CREATE USER|ROLE} statement: {@code name[@host]} items, each name and host quoted
 * ({@code '...'}, {@code "..."}, {@code `...`}) or bare, separated by the commas outside quotes that follow each item's
 * options ({@code IDENTIFIED BY '...'}), up to the end of the statement. The server stores hosts in lower case.
 */
final class CreatedAccounts {

    private final String code;
    private int at;

    private CreatedAccounts(String code, int at) {
        this.code = code;
        this.at = at;
    }

    /** The accounts listed from {@code start} on; a user without a host is {@code @'%'}, a role has an empty one. */
    static List<ServerRole> read(String code, int start, boolean role) {
        CreatedAccounts reader = new CreatedAccounts(code, start);
        List<ServerRole> accounts = new ArrayList<>();
        while (true) {
            reader.spaces();
            String name = reader.part();
            if (name == null) {
                return accounts;
            }
            String host = role ? "" : "%";
            if (reader.at < code.length() && code.charAt(reader.at) == '@') {
                reader.at++;
                String written = reader.part();
                host = written == null ? host : written.toLowerCase(Locale.ROOT);
            }
            accounts.add(new ServerRole(name, host));
            if (!reader.nextItem()) {
                return accounts;
            }
        }
    }

    /** A quoted or bare name; null where none starts. */
    private String part() {
        if (at >= code.length()) {
            return null;
        }
        char c = code.charAt(at);
        if (QuotedText.opens(c)) {
            int end = QuotedText.end(code, at);
            StringBuilder text = new StringBuilder();
            for (int i = at + 1; i < end - 1; i++) {
                char d = code.charAt(i);
                boolean escaped = d == '\\' && c != '`' || d == c;
                text.append(escaped ? code.charAt(++i) : d);
            }
            at = end;
            return text.toString();
        }
        int start = at;
        while (at < code.length() && (Character.isLetterOrDigit(code.charAt(at)) || "_$.-".indexOf(code.charAt(at)) >= 0)) {
            at++;
        }
        return at > start ? code.substring(start, at) : null;
    }

    /** Skips the item's options to the comma before the next item; false at the statement's end. */
    private boolean nextItem() {
        while (at < code.length()) {
            char c = code.charAt(at);
            if (c == ',') {
                at++;
                return true;
            }
            if (c == ';') {
                return false;
            }
            at = QuotedText.opens(c) ? QuotedText.end(code, at) : at + 1;
        }
        return false;
    }

    private void spaces() {
        while (at < code.length() && Character.isWhitespace(code.charAt(at))) {
            at++;
        }
    }
}
