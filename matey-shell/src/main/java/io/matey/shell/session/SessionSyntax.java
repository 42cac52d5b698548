package io.matey.shell.session;

import java.util.List;

/**
 * Commands as an interactive session takes them: without the leading {@code matey} of a shell (docs/architecture.md
 * §8). A line pasted from the README keeps it and still runs; what a session's command suggests drops it. A line
 * starting with {@code #} is a comment, as in sh.
 */
public final class SessionSyntax {

    /** The system property that tells a command's process it runs for a session ({@link CommandProcess}). */
    static final String PROPERTY = "matey.session";
    private static final String PROGRAM = "matey";

    private SessionSyntax() {
    }

    /** Whether this process runs a command typed in a session. */
    public static boolean active() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** A suggested command, {@code `matey db up`}, as it is typed in the session: {@code `db up`}. */
    public static String hints(String line) {
        return line.replace("`" + PROGRAM + " ", "`");
    }

    /** Whether the line is a comment: {@code #} first, after any blanks, as sh reads it (a script may hold some). */
    static boolean comment(String line) {
        return line.stripLeading().startsWith("#");
    }

    /** The words of a typed line without a pasted leading {@code matey}, {@code ./matey} or {@code path/to/matey}. */
    static List<String> typed(List<String> words) {
        return !words.isEmpty() && (words.get(0).equals(PROGRAM) || words.get(0).endsWith("/" + PROGRAM))
                ? words.subList(1, words.size()) : words;
    }
}
