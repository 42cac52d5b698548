package io.matey.shell;

/** ANSI colour for a terminal only: never in a pipe or CI log, never when {@code NO_COLOR} is set. */
public final class Style {

    private static final boolean ENABLED = System.console() != null && System.getenv("NO_COLOR") == null
            && !"dumb".equals(System.getenv("TERM"));

    private Style() {
    }

    public static boolean enabled() {
        return ENABLED;
    }

    public static String green(String text) {
        return paint("32", text);
    }

    public static String yellow(String text) {
        return paint("33", text);
    }

    public static String red(String text) {
        return paint("31", text);
    }

    public static String bold(String text) {
        return paint("1", text);
    }

    /** Green for a good state ({@code clean}, {@code match}), yellow otherwise. */
    public static String state(String text, boolean good) {
        return good ? green(text) : yellow(text);
    }

    private static String paint(String code, String text) {
        return ENABLED ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
