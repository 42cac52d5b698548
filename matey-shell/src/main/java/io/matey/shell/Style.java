package io.matey.shell;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.utils.WCWidth;

/**
 * ANSI colour for a terminal only: never in a pipe or CI log, never when {@code NO_COLOR} holds a value (set but
 * empty asks for nothing, as no-color.org has it).
 */
public final class Style {

    private static final boolean TERMINAL = onTerminal();
    private static final boolean ENABLED = TERMINAL && isEmpty(System.getenv("NO_COLOR"))
            && !"dumb".equals(System.getenv("TERM"));
    private static final boolean STDERR_ENABLED = ENABLED && stderrOnTerminal();

    private Style() {
    }

    /** Whether input and output are a terminal (a person is watching), not a pipe, file or CI log. */
    public static boolean terminal() {
        return TERMINAL;
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

    /** Red for a line on stderr, which may be a file while stdout is the terminal ({@code 2>err.txt}). */
    public static String stderrRed(String text) {
        return STDERR_ENABLED ? "\u001b[31m" + text + "\u001b[0m" : text;
    }

    public static String bold(String text) {
        return paint("1", text);
    }

    /** Green for a good state ({@code clean}, {@code match}), yellow otherwise. */
    public static String state(String text, boolean good) {
        return good ? green(text) : yellow(text);
    }

    /**
     * The width of text as a terminal shows it, in cells: without colour codes, a wide character (CJK, fullwidth
     * forms) two cells and a combining mark none, as terminals count them (JLine's {@code wcwidth}).
     */
    public static int displayWidth(String text) {
        String plain = text.replaceAll("\u001b\\[[0-9;]*m", "");
        int width = 0;
        for (int i = 0; i < plain.length(); i += Character.charCount(plain.codePointAt(i))) {
            width += Math.max(0, WCWidth.wcwidth(plain.codePointAt(i)));
        }
        return width;
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static String paint(String code, String text) {
        return ENABLED ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    /**
     * Whether stderr is a terminal too, which {@link System#console()} does not look at: where {@code /proc} tells
     * (Linux), its file is a terminal device; elsewhere it is taken to go where stdout goes.
     */
    private static boolean stderrOnTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true;
        }
    }

    /**
     * Java 22 and later return a console for redirected streams too and tell a terminal by
     * {@code Console.isTerminal()}; Java 17 returns none then.
     */
    private static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException java17) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
