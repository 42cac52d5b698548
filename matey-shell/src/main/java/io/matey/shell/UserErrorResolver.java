package io.matey.shell;

import io.matey.MateyException;
import io.matey.engine.MateyUrl;
import org.springframework.shell.command.CommandExceptionResolver;
import org.springframework.shell.command.CommandHandlingResult;
import org.springframework.stereotype.Component;

/** Turns a user error into {@code error: <message>} on stderr and exit code 2, without a stack trace. */
@Component
class UserErrorResolver implements CommandExceptionResolver {

    @Override
    public CommandHandlingResult resolve(Exception e) {
        if (e instanceof ExitStatusException status) {
            return CommandHandlingResult.of("", status.exitCode());
        }
        if (e instanceof MateyException) {
            System.err.println("error: " + MateyUrl.mask(e.getMessage()));
            return CommandHandlingResult.of("", 2);
        }
        System.err.println("error: Unexpected error: " + MateyUrl.mask(String.valueOf(e)));
        return CommandHandlingResult.of("", 1);
    }
}
