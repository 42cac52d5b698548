package io.matey.shell.cli;

/** A command line that names no command, or an option or value the command does not accept (exit code 2). */
public class UsageException extends RuntimeException {

    private final String hint;

    public UsageException(String message, String hint) {
        super(message, null, false, false);
        this.hint = hint;
    }

    /** What to run to learn the right usage. */
    public String hint() {
        return hint;
    }
}
