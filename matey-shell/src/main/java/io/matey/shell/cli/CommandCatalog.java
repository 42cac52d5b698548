package io.matey.shell.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

/**
 * Every command of the app, read from the Spring Shell annotations of the classes in
 * {@code io.matey.shell.command}: a command is declared once, as an annotated method, and this catalog is the
 * only reader of those declarations (docs/architecture.md §8). The build reads them into {@link CommandIndex}.
 */
public final class CommandCatalog {

    static final String COMMAND_PACKAGE = "io.matey.shell.command";
    private static final int UNBOUNDED = Integer.MAX_VALUE;

    private final List<CommandSpec> commands;

    private CommandCatalog(List<CommandSpec> commands) {
        // Comparators as lambdas of our own, which the class-data cache holds; Comparator.comparing's are spun
        // afresh by every process (docs/architecture.md §8).
        this.commands = commands.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /**
     * The catalog the build indexed ({@link CommandIndex}); read from the annotations when there is no index, as
     * when the classes run from an IDE's output directory.
     */
    public static CommandCatalog load() {
        ClassLoader loader = CommandCatalog.class.getClassLoader();
        try (InputStream index = loader.getResourceAsStream(CommandIndex.RESOURCE)) {
            return index == null ? scan() : new CommandCatalog(CommandIndex.read(index, loader));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the command index " + CommandIndex.RESOURCE, e);
        }
    }

    /** The catalog read from the annotations of the command classes. */
    static CommandCatalog scan() {
        return of(CommandClasses.in(COMMAND_PACKAGE));
    }

    static CommandCatalog of(List<Class<?>> classes) {
        List<CommandSpec> commands = new ArrayList<>();
        for (Class<?> type : classes) {
            Command group = type.getAnnotation(Command.class);
            for (Method method : type.getDeclaredMethods()) {
                Command command = method.getAnnotation(Command.class);
                if (command != null) {
                    commands.add(spec(group, command, method));
                }
            }
        }
        return new CommandCatalog(commands);
    }

    public List<CommandSpec> commands() {
        return commands;
    }

    /** The command named by the leading words of a command line (the longest match), if any. */
    public Optional<CommandSpec> find(List<String> words) {
        return commands.stream()
                .filter(c -> c.words().size() <= words.size() && c.words().equals(words.subList(0, c.words().size())))
                .max((a, b) -> Integer.compare(a.words().size(), b.words().size()));
    }

    /** The commands whose names start with these words ({@code db} gives every {@code db ...} command). */
    public List<CommandSpec> startingWith(List<String> words) {
        return commands.stream()
                .filter(c -> c.words().size() >= words.size() && c.words().subList(0, words.size()).equals(words))
                .toList();
    }

    /** The number of words of the longest command name. */
    public int maxDepth() {
        return commands.stream().mapToInt(c -> c.words().size()).max().orElse(0);
    }

    private static CommandSpec spec(Command group, Command command, Method method) {
        method.setAccessible(true);
        List<String> words = new ArrayList<>();
        if (group != null) {
            words.addAll(words(group.command()));
        }
        words.addAll(words(command.command()));
        String groupName = !command.group().isEmpty() ? command.group() : group != null ? group.group() : "";
        boolean verbatim = method.getParameterCount() == 1 && method.getParameterTypes()[0] == String[].class
                && method.getParameters()[0].getAnnotation(Option.class) == null;
        List<OptionSpec> options = verbatim ? List.of()
                : Arrays.stream(method.getParameters()).map(CommandCatalog::option).toList();
        return new CommandSpec(List.copyOf(words), groupName, command.description(),
                command.hidden() || group != null && group.hidden(), method, options, verbatim);
    }

    private static List<String> words(String[] command) {
        return Arrays.stream(command).flatMap(c -> Arrays.stream(c.trim().split("\\s+"))).filter(w -> !w.isEmpty())
                .toList();
    }

    private static OptionSpec option(Parameter parameter) {
        Option option = parameter.getAnnotation(Option.class);
        OptionValues values = parameter.getAnnotation(OptionValues.class);
        List<String> longNames = option == null || option.longNames().length == 0 && option.shortNames().length == 0
                ? List.of(parameter.getName()) : List.of(option.longNames());
        List<Character> shortNames = new ArrayList<>();
        if (option != null) {
            for (char c : option.shortNames()) {
                shortNames.add(c);
            }
        }
        String name = longNames.isEmpty() ? String.valueOf(shortNames.get(0)) : longNames.get(0);
        int[] arity = arity(option, parameter.getType());
        boolean positional = option != null && (option.arity() != OptionArity.NONE || option.arityMin() >= 0)
                && arity[0] >= 1;
        String label = option != null && !option.label().isEmpty() ? option.label()
                : name.toUpperCase(Locale.ROOT).replace('-', '_');
        return new OptionSpec(name, longNames, List.copyOf(shortNames), option == null ? "" : option.description(),
                label, option != null && option.required(), option == null ? "" : option.defaultValue(), arity[0],
                arity[1], positional, values == null || values.provider().length == 0 ? null : values.provider()[0],
                parameter);
    }

    /** Minimum and maximum number of values: as declared, else by type (flag 0..1, list 1..n, value 1). */
    private static int[] arity(Option option, Class<?> type) {
        int[] arity;
        OptionArity declared = option == null ? OptionArity.NONE : option.arity();
        switch (declared) {
            case ZERO -> arity = new int[] {0, 0};
            case ZERO_OR_ONE -> arity = new int[] {0, 1};
            case EXACTLY_ONE -> arity = new int[] {1, 1};
            case ZERO_OR_MORE -> arity = new int[] {0, UNBOUNDED};
            case ONE_OR_MORE -> arity = new int[] {1, UNBOUNDED};
            default -> arity = type == boolean.class || type == Boolean.class ? new int[] {0, 1}
                    : type.isArray() || Collection.class.isAssignableFrom(type) ? new int[] {1, UNBOUNDED}
                    : new int[] {1, 1};
        }
        if (option != null && option.arityMin() >= 0) {
            arity[0] = option.arityMin();
        }
        if (option != null && option.arityMax() >= 0) {
            arity[1] = option.arityMax();
        }
        return arity;
    }
}
