package io.matey.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a data file line's JSON, in plain words: Jackson's message names its own reader, source and
 * a line of the parser's input, and each data file line is parsed on its own, so its "line: 1" is always wrong.
 */
final class JsonProblem {

    /** {@code ('}' (code 125))}: the character alone. */
    private static final Pattern CHARACTER = Pattern.compile("\\('(.+?)' \\(code \\d+\\)\\)");

    private JsonProblem() {
    }

    /** The message after {@code <file>:<line>: }. */
    static String of(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        String where = "invalid JSON" + (column > 0 ? " at column " + column : "") + ": ";
        if (e instanceof StreamConstraintsException && message.startsWith("String value length")) {
            return where + "a string longer than " + StreamReadConstraints.defaults().getMaxStringLength()
                    + " characters, the most a data file string may hold. Keep such a value out of the data set (a "
                    + "migration or the application can write it).";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "invalid JSON: the line ends before its object does (a closing '}', ']' or '\"' is missing). "
                    + "Each row must be one JSON object on one line.";
        }
        // Jackson's details follow on a line of their own or in parentheses naming the source.
        for (String tail : new String[] {"\n", " (from `", " (start marker at", " (for Array starting", " (for Object starting", " at [Source"}) {
            int at = message.indexOf(tail);
            if (at >= 0) {
                message = message.substring(0, at);
            }
        }
        Matcher character = CHARACTER.matcher(message);
        message = character.replaceAll(m -> "'" + Matcher.quoteReplacement(m.group(1)) + "'");
        if (message.startsWith("Duplicate field ")) {
            message = "the key " + message.substring("Duplicate field ".length()) + " appears twice in the object";
        } else {
            message = Character.toLowerCase(message.charAt(0)) + message.substring(1);
        }
        return where + message + (message.endsWith(".") || message.endsWith(")") ? "" : ".");
    }
}
