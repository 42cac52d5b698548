package io.matey.shell.command;

import io.matey.dbmate.Dbmate;
import io.matey.dbmate.UnknownCommand;
import io.matey.shell.Console;
import io.matey.shell.ExitStatusException;
import io.matey.shell.cli.Version;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.shell.command.annotation.Command;

/** {@code matey dbmate ...}: dbmate's own command line, run natively (the arguments are dbmate's, read verbatim). */
class DbmateCommand {

    private final Console console;

    DbmateCommand(Console console) {
        this.console = console;
    }

    @Command(command = "dbmate", group = "dbmate", description = "dbmate's commands and flags, run natively on the same "
            + "migrations and schema_migrations: new, up, create, drop, migrate, rollback, status, dump, load, wait. "
            + "Reads DATABASE_URL and .env like dbmate. Example: matey dbmate --url sqlite:db.sqlite3 up. "
            + "Run `matey dbmate --help` for dbmate's flags.")
    void dbmate(String[] args) {
        int exitCode;
        try {
            exitCode = new Dbmate(Version.describe(), System.getenv(), Path.of(""), console.stream(), Clock.systemUTC())
                    .run(List.of(args));
        } catch (UnknownCommand e) {
            Console.error(e.getMessage());
            throw new ExitStatusException(UnknownCommand.EXIT_CODE);
        }
        console.stream().flush();
        if (exitCode != 0) {
            throw new ExitStatusException(exitCode);
        }
    }
}
