package io.matey.shell;

/** Ends a command with a non-zero exit code after its output was printed (e.g. {@code --exit-code}, lint errors). */
public class ExitStatusException extends RuntimeException {

    private final int exitCode;

    public ExitStatusException(int exitCode) {
        super(null, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
