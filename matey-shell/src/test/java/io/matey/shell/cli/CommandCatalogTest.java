package io.matey.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.shell.Completions;
import io.matey.shell.Console;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The declarations every command is run from: a command class added to the command package is found, is unique,
 * can be built by the runner, and names only completion providers that exist.
 */
class CommandCatalogTest {

    private final CommandCatalog catalog = CommandCatalog.load();

    @Test
    void findsTheDeclaredCommandsOnce() {
        List<String> names = catalog.commands().stream().map(CommandSpec::name).toList();
        assertThat(names).contains("schema status", "schema plan", "schema apply", "db up", "db status", "db new",
                "data apply", "data export", "lint", "init").doesNotHaveDuplicates();
        assertThat(catalog.find(List.of("db", "status", "--all")).orElseThrow().name()).isEqualTo("db status");
        assertThat(catalog.find(List.of("db", "new", "users")).orElseThrow().option("--name")).isPresent();
    }

    @Test
    void everyCommandCanBeBuiltAndItsProvidersExist() throws Exception {
        CommandRunner runner = new CommandRunner(catalog, new Console(new PrintStream(OutputStream.nullOutputStream())));
        for (CommandSpec command : catalog.commands()) {
            assertThat(runner.instantiate(command.method().getDeclaringClass())).isNotNull();
            for (OptionSpec option : command.options()) {
                if (option.provider() != null) {
                    assertThat(Completions.class.getMethod(option.provider())).as("%s --%s", command.name(), option.name())
                            .isNotNull();
                }
            }
        }
    }

    @Test
    void parsesBothOptionFormsAndReportsTyposWithASuggestion() {
        CommandSpec status = catalog.find(List.of("schema", "status")).orElseThrow();
        ArgumentParser.Arguments arguments = ArgumentParser.parse(status, List.of("--path=db/core", "--all", "--format", "json"));
        assertThat(arguments.values()).hasSize(3);
        assertThat(ValueConverter.convert(status.option("--path").orElseThrow(),
                arguments.values().get(status.option("--path").orElseThrow()), status.usage())).isEqualTo("db/core");
        assertThatThrownBy(() -> ArgumentParser.parse(status, List.of("--exitcode")))
                .isInstanceOf(UsageException.class)
                .hasMessage("Unrecognised option '--exitcode' for 'schema status'. Did you mean '--exit-code'?");
    }
}
