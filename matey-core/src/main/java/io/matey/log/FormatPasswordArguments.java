package io.matey.log;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which arguments of PostgreSQL's {@code format()} fill a placeholder that follows {@code PASSWORD} in its format
 * string, as a {@code DO} block builds a role for {@code EXECUTE}: {@code format('CREATE ROLE %I LOGIN PASSWORD %L',
 * 'app', 'secret')}; {@link Secrets} masks them (docs/architecture.md §11). The format string is read as
 * PostgreSQL reads it: {@code %%} is a percent sign, {@code %n$} takes the n-th argument, a width {@code *} or
 * {@code *n$} takes one of its own, and a placeholder without a position takes the argument after the last one
 * taken. Only a format string written as a literal is read.
 */
final class FormatPasswordArguments {

    /** The name and opening parenthesis of the call. */
    static final Pattern CALL = Pattern.compile("(?i)\\bformat\\s*\\(");
    /** {@code %[position][flags][width]type}, or {@code %%}. */
    private static final Pattern SPECIFIER = Pattern.compile("%(?:%|(?:(\\d+)\\$)?-?(?:(\\*)(?:(\\d+)\\$)?|\\d+)?[sIL])");
    /** What precedes a placeholder whose value is a password, quoted ({@code PASSWORD '%s'}) or not. */
    private static final Pattern AFTER_PASSWORD = Pattern.compile("(?i)\\bpassword\\s+'?$");

    private FormatPasswordArguments() {
    }

    /** The positions, in the call's argument list, of the arguments that fill a password placeholder. */
    static List<Integer> of(List<String> arguments) {
        String format = arguments.isEmpty() ? "" : arguments.get(0);
        if (format.length() < 2 || format.charAt(0) != '\'' || format.charAt(format.length() - 1) != '\'') {
            return List.of();
        }
        String text = format.substring(1, format.length() - 1).replace("''", "'");
        List<Integer> positions = new ArrayList<>();
        int next = 0;
        Matcher specifier = SPECIFIER.matcher(text);
        while (specifier.find()) {
            if (specifier.group().equals("%%")) {
                continue;
            }
            if (specifier.group(3) != null) {
                next = Integer.parseInt(specifier.group(3));
            } else if (specifier.group(2) != null) {
                next++;
            }
            int value = specifier.group(1) != null ? Integer.parseInt(specifier.group(1)) - 1 : next;
            next = value + 1;
            if (AFTER_PASSWORD.matcher(text.substring(0, specifier.start())).find()) {
                positions.add(value + 1);
            }
        }
        return positions.stream().filter(position -> position < arguments.size()).toList();
    }
}
