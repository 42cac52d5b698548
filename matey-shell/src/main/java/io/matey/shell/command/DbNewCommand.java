package io.matey.shell.command;

import io.matey.Matey;
import java.nio.file.Path;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

@Command(command = "db", group = "Live database")
class DbNewCommand {

    @Command(command = "new", description = "Create a migration file <UTC yyyyMMddHHmmss>_<name>.sql. Example: matey db new create_users")
    String create(
            @Option(description = "Migration name (sanitised to lower_snake_case)", required = true, arity = org.springframework.shell.command.CommandRegistration.OptionArity.EXACTLY_ONE) String name,
            @Option(longNames = "path", description = "Target path relative to the workspace") String path,
            @Option(longNames = "workspace", description = "Workspace root directory") String workspace) {
        Path file = Matey.at(workspace).newMigration(path, name);
        return "Created " + file;
    }
}
