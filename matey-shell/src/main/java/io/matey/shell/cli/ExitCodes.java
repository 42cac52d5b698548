package io.matey.shell.cli;

/**
 * The exit codes of Matey's own commands (README "Exit codes"), so that a CI gate tells a finding from a user error
 * and both from a failure of Matey itself. {@code matey dbmate} keeps dbmate's (0, 1 from {@code status
 * --exit-code}, 2 for any error, 3 for no such command).
 */
public final class ExitCodes {

    /** A finding that fails the command: lint errors, or what {@code --exit-code} asks to fail on. */
    public static final int FINDING = 1;
    /** A user error: bad configuration or input, a failing migration, an unreachable server. */
    public static final int USER_ERROR = 2;
    /** An unexpected failure, a bug of Matey's: sysexits' {@code EX_SOFTWARE}. */
    public static final int INTERNAL_ERROR = 70;
    /** dbmate's code for every error, an unexpected one included. */
    static final int DBMATE_ERROR = 2;

    /** What a command's help says of them. */
    static final String LINE = "Exit codes: 0 success, 1 a finding (--exit-code, lint errors), 2 a user error, 70 an "
            + "unexpected failure (`matey help` lists them all).";
    /** What {@code matey dbmate}'s help says of them. */
    static final String DBMATE_LINE = "Exit codes are dbmate's: 0 success, 1 from status --exit-code, 2 an error, 3 "
            + "no such command.";

    /** What {@code matey help} lists. */
    static final String LIST = """
            Exit codes
              0    success (also when a report finds something stale, without --exit-code)
              1    a finding that fails the command: lint errors, or what --exit-code asks to fail on
              2    a user error: bad configuration or input, a failing migration, an unreachable server
              70   an unexpected failure of Matey itself (a bug: please report it with the stack trace)
              129  hung up (SIGHUP)   130  interrupted (Ctrl-C)   143  terminated (SIGTERM)
              matey dbmate exits as dbmate does: 0, 1 (status --exit-code), 2 an error, 3 no such command
            """;

    private ExitCodes() {
    }
}
