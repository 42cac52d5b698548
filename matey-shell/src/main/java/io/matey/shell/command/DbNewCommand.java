package io.matey.shell.command;

import io.matey.Matey;
import io.matey.shell.Console;
import org.springframework.shell.command.annotation.OptionValues;
import java.nio.file.Path;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

@Command(command = "db", group = "Live database")
class DbNewCommand {

    private final Console console;

    DbNewCommand(Console console) {
        this.console = console;
    }

    @Command(command = "new", description = "Create a migration file <UTC yyyyMMddHHmmss>_<name>.sql. Example: matey db new create_users")
    void create(
            @Option(description = "Migration name (sanitised to lower_snake_case)", required = true, arity = org.springframework.shell.command.CommandRegistration.OptionArity.EXACTLY_ONE) String name,
            @Option(longNames = "path", description = "Target path relative to the workspace") @OptionValues(provider = "targetPaths") String path,
            @Option(longNames = "workspace", description = "Workspace root directory") String workspace) {
        Path file = Matey.at(workspace).newMigration(path, name);
        console.print("Created " + file);
    }
}
