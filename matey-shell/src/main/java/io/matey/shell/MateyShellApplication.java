package io.matey.shell;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.shell.CommandNotFound;
import org.springframework.shell.command.CommandExecution;
import org.springframework.shell.command.annotation.CommandScan;

/**
 * The {@code matey} command-line app. With arguments it runs one command and exits with its code
 * (0 success, 1 unexpected failure, 2 user error, 130 interrupted); without arguments it opens an interactive
 * session.
 */
@SpringBootApplication
@CommandScan
public class MateyShellApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] arguments) {
        String[] args = GlobalOptions.extract(arguments);
        SpringApplication app = new SpringApplication(MateyShellApplication.class);
        if (args.length == 0) {
            app.setDefaultProperties(java.util.Map.of("spring.shell.interactive.enabled", "true"));
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
            if (t instanceof CommandExecution.CommandParserExceptionsException || t instanceof CommandNotFound) {
                // Spring Shell has already printed what was wrong with the command line.
                System.err.println("error: invalid command line. Run `matey help` or `matey help <command>` for usage.");
                return 2;
            }
        }
        System.err.println("error: Unexpected error: " + failure);
        failure.printStackTrace();
        return 1;
    }
}
