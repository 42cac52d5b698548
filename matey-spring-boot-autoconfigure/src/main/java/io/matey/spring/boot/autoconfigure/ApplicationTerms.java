package io.matey.spring.boot.autoconfigure;

import io.matey.live.CallerTerms;
import io.matey.live.LiveEndpoint;

/**
 * Core's messages in the application's terms (docs/architecture.md §8): the work that asked for them where the CLI
 * names its command ({@link ApplicationWork}), the properties that stand for the CLI's options, and the command that
 * creates a missing database as it runs pasted ({@link WorkspaceCommands}), for the user ran no command core could
 * repeat. {@code matey.migrate-on-startup} creates no database: only that command does.
 */
record ApplicationTerms(WorkspaceCommands commands, ApplicationWork work) implements CallerTerms {

    @Override
    public String opening(String command, String step) {
        return work.opening(command, step);
    }

    @Override
    public String lockBound() {
        return "matey.lock-timeout";
    }

    @Override
    public String createCommand(String target, LiveEndpoint endpoint) {
        return commands.command("db up " + commands.targetArguments(target, endpoint.toString()));
    }

    @Override
    public String migrate() {
        return "matey.migrate-on-startup";
    }

    @Override
    public String whereCommandsRun() {
        return commands.where();
    }
}
