package io.matey.live;

import io.matey.engine.MigrationLockTimeoutException;

/**
 * How a live command's messages name what its caller controls (docs/architecture.md §8): the setting that bounds a
 * wait for the migration lock, the command that creates a missing database and where it runs, and the caller's
 * migration, which never creates one. The CLI's terms are its options and commands; the Spring Boot starter names
 * its properties, and the commands as they run pasted beside the application.
 */
public interface CallerTerms {

    /** The CLI's: {@code --lock-timeout}, {@code matey db up --path ...}, {@code db migrate}. */
    CallerTerms CLI = new CallerTerms() {
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

    /** What raises the bound on a wait for the migration lock: {@code --lock-timeout}. */
    String lockBound();

    /** The command that creates the missing database of {@code target}, reached at {@code endpoint}, as it runs pasted. */
    String createCommand(String target, LiveEndpoint endpoint);

    /** The caller's migration of an existing database, which never creates one: {@code `db migrate`}. */
    String migrate();

    /** A sentence saying where the commands messages name run; empty when they run where the caller does. */
    String whereCommandsRun();
}
