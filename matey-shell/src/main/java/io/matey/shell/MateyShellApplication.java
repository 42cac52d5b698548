package io.matey.shell;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.shell.CommandNotFound;
import org.springframework.shell.command.CommandExecution;
import org.springframework.shell.command.annotation.CommandScan;

/**
 * The {@code matey} command-line app. With arguments it runs one command and exits with its code
 * (0 success, 1 unexpected failure, 2 user error, 130 interrupted, 143 terminated); without arguments it opens an interactive
 * session.
 */
@SpringBootApplication
@CommandScan
public class MateyShellApplication {

    public static void main(String[] args) {
        if (args.length > 0) {
            InterruptHandler.install();
        }
        System.exit(run(args));
    }

    static int run(String[] arguments) {
        String[] args = GlobalOptions.extract(arguments);
        if (!Style.enabled()) {
            // A dumb terminal makes Spring Shell's own messages plain text in pipes, CI logs and with NO_COLOR.
            System.setProperty("org.jline.terminal.dumb", "true");
            System.setProperty("org.jline.terminal.type", "dumb");
        }
        SpringApplication app = new SpringApplication(MateyShellApplication.class);
        if (args.length == 0) {
            System.setProperty("matey.interactive", "true");
            app.setDefaultProperties(java.util.Map.of(
                    "spring.shell.interactive.enabled", "true",
                    "spring.shell.history.enabled", "true",
                    "spring.shell.history.name", System.getProperty("user.home") + "/.matey_history",
                    "spring.shell.command.history.enabled", "true"));
        }
        try {
            return SpringApplication.exit(app.run(args));
        } catch (Throwable failure) {
            return exitCodeOf(failure);
        }
    }

    /** A mapped exit code escapes {@code SpringApplication.run} wrapped in an exception: find it. */
    private static int exitCodeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ExitCodeGenerator generator && generator.getExitCode() != 0) {
                return generator.getExitCode();
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CommandNotFound) {
                System.err.println("Run `matey help` to list the commands.");
                return 2;
            }
            if (t instanceof CommandExecution.CommandParserExceptionsException) {
                return 2; // UserErrorResolver has printed what was wrong
            }
        }
        System.err.println(Style.red("error:") + " Unexpected error: " + io.matey.engine.MateyUrl.mask(String.valueOf(failure)));
        failure.printStackTrace();
        return 1;
    }
}
