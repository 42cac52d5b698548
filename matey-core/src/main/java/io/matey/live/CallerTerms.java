package io.matey.live;

import io.matey.engine.MigrationLockTimeoutException;

/**
 * How a live command's messages name what its caller controls (docs/architecture.md §8): the work a message opens
 * with, the setting that bounds a wait for the migration lock, the command that creates a missing database and
 * where it runs, and the caller's migration, which never creates one. The CLI's terms are its commands and options;
 * the Spring Boot starter names the application's work and properties, and the commands as they run pasted beside
 * the application.
 */
public interface CallerTerms {

    /** The CLI's: {@code db up post-status}, {@code --lock-timeout}, {@code matey db up --path ...}. */
    CallerTerms CLI = new CallerTerms() {
        @Override
        public String opening(String command, String step) {
            return step.isEmpty() ? command : command + " " + step;
        }

        @Override
        public String lockBound() {
            return MigrationLockTimeoutException.CLI_BOUND;
        }

        @Override
        public String createCommand(String target, LiveEndpoint endpoint) {
            return LiveTarget.command(target, endpoint, "db up");
        }

        @Override
        public String migrate() {
            return "`db migrate`";
        }

        @Override
        public String whereCommandsRun() {
            return "";
        }
    };

    /**
     * What a message of {@code command} opens with, before {@code failed}, {@code refused} and the like: the CLI's
     * {@code db migrate}, or {@code db up post-status} at that {@code step} of it.
     *
     * @param command the live command: {@code db up}, {@code db migrate}, {@code db drift}, ...
     * @param step    the part of it the message is about ({@code post-status}, {@code --resume}); empty for none
     */
    String opening(String command, String step);

    /** What raises the bound on a wait for the migration lock: {@code --lock-timeout}. */
    String lockBound();

    /** The command that creates the missing database of {@code target}, reached at {@code endpoint}, as it runs pasted. */
    String createCommand(String target, LiveEndpoint endpoint);

    /** The caller's migration of an existing database, which never creates one: {@code `db migrate`}. */
    String migrate();

    /** A sentence saying where the commands messages name run; empty when they run where the caller does. */
    String whereCommandsRun();
}
