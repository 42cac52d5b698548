package io.matey.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The {@code ./matey} launcher in a real terminal (a tmux pane on a private tmux server), driven by keys as a
 * person presses them: Tab, arrows and Ctrl-C go through the terminal's line discipline to the app.
 */
final class PseudoTerminal implements AutoCloseable {

    private static final String EXIT_MARK = "MATEY-EXITED-WITH=";

    private final String socket = "matey-test-" + UUID.randomUUID();

    private PseudoTerminal() {
    }

    static PseudoTerminal start(Path cwd, Map<String, String> env, String... args) throws Exception {
        return startReading(cwd, env, null, args);
    }

    /** The launcher on the terminal with its stderr written to {@code stderr} ({@code matey 2> stderr}). */
    static PseudoTerminal startWithStderrIn(Path cwd, Map<String, String> env, Path stderr, String... args)
            throws Exception {
        return start(cwd, env, null, stderr, args);
    }

    /** The launcher on the terminal with its stdin read from {@code input} ({@code matey < input}), when not null. */
    static PseudoTerminal startReading(Path cwd, Map<String, String> env, Path input, String... args) throws Exception {
        return start(cwd, env, input, null, args);
    }

    private static PseudoTerminal start(Path cwd, Map<String, String> env, Path input, Path stderr, String... args)
            throws Exception {
        // The pane's shell outlives a Ctrl-C meant for the app (a trap, unlike an ignored signal, is not inherited).
        StringBuilder command = new StringBuilder("trap : INT; cd ").append(quote(cwd.toString())).append(" && env -u CI TERM=xterm-256color");
        env.forEach((name, value) -> command.append(' ').append(name).append('=').append(quote(value)));
        command.append(' ').append(quote(Launcher.SCRIPT.toString()));
        for (String arg : args) {
            command.append(' ').append(quote(arg));
        }
        if (input != null) {
            command.append(" < ").append(quote(input.toString()));
        }
        if (stderr != null) {
            command.append(" 2> ").append(quote(stderr.toString()));
        }
        command.append("; echo ").append(EXIT_MARK).append("$?; sleep 600");
        PseudoTerminal terminal = new PseudoTerminal();
        terminal.tmux("new-session", "-d", "-x", "160", "-y", "50", "sh", "-c", command.toString());
        return terminal;
    }

    /** Types text literally (each character a key press). */
    void type(String text) throws Exception {
        tmux("send-keys", "-l", text);
    }

    /** Presses named keys: Tab, Enter, Up, C-c. */
    void press(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** The screen and its scroll-back as text, wrapped lines joined, trailing blank lines dropped. */
    String screen() throws Exception {
        return tmux("capture-pane", "-p", "-J", "-S", "-5000").stripTrailing();
    }

    /** The screen with its colour and style sequences, as the terminal received them. */
    String screenWithStyles() throws Exception {
        return tmux("capture-pane", "-p", "-e", "-J", "-S", "-5000");
    }

    String await(Predicate<String> test, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            String screen = screen();
            if (test.test(screen)) {
                return screen;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out; the terminal shows:\n" + screen());
    }

    /** Waits for the session's prompt on the last line, the {@code count}-th prompt shown since the start. */
    String awaitPrompt(int count, Duration timeout) throws Exception {
        return await(screen -> screen.endsWith("matey>") && screen.split("matey> ?", -1).length - 1 >= count, timeout);
    }

    int awaitExit(Duration timeout) throws Exception {
        String screen = await(s -> s.contains(EXIT_MARK), timeout);
        String rest = screen.substring(screen.indexOf(EXIT_MARK) + EXIT_MARK.length());
        return Integer.parseInt(rest.lines().findFirst().orElseThrow().strip());
    }

    @Override
    public void close() throws Exception {
        tmux("kill-server");
    }

    private String tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 && !args[0].equals("kill-server")) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
