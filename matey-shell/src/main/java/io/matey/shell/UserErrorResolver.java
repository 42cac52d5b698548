package io.matey.shell;

import io.matey.MateyException;
import io.matey.engine.MateyUrl;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.shell.command.CommandExceptionResolver;
import org.springframework.shell.command.CommandExecution;
import org.springframework.shell.command.CommandHandlingResult;
import org.springframework.stereotype.Component;

/** Turns a user error into {@code error: <message>} on stderr and exit code 2, without a stack trace. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UserErrorResolver implements CommandExceptionResolver {

    @Override
    public CommandHandlingResult resolve(Exception e) {
        if (e instanceof ExitStatusException status) {
            return CommandHandlingResult.of("", status.exitCode());
        }
        if (e instanceof CommandExecution.CommandParserExceptionsException parse) {
            parse.getParserExceptions().forEach(p -> System.err.println(Style.red("error:") + " " + p.getMessage()));
            System.err.println("Run `matey help` or `matey help <command>` for usage.");
            return CommandHandlingResult.of("", 2);
        }
        if (e instanceof MateyException) {
            System.err.println(Style.red("error:") + " " + MateyUrl.mask(e.getMessage()));
            return CommandHandlingResult.of("", 2);
        }
        System.err.println(Style.red("error:") + " Unexpected error: " + MateyUrl.mask(String.valueOf(e)));
        return CommandHandlingResult.of("", 1);
    }
}
