package io.matey.shell;

/** Writes command output to stdout; report commands print first and may then end with an exit code. */
public final class Console {

    private Console() {
    }

    public static void print(String text) {
        if (!text.isEmpty()) {
            System.out.println(text.stripTrailing());
            System.out.flush();
        }
    }

    /** Ends the command with exit code 1 when {@code --exit-code} was given and the report found a problem. */
    public static void exitIf(boolean exitCodeRequested, boolean problem) {
        if (exitCodeRequested && problem) {
            throw new ExitStatusException(1);
        }
    }
}
