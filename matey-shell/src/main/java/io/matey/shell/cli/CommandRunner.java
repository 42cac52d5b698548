package io.matey.shell.cli;

import io.matey.engine.FileMutex;
import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.error.Suggestions;
import io.matey.live.RunStopped;
import io.matey.shell.Console;
import io.matey.shell.ExitStatusException;
import io.matey.shell.GlobalOptions;
import io.matey.shell.InterruptHandler;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs one command line (after the global options) and gives its exit code ({@link ExitCodes}): 0 success, 1 a
 * report's {@code --exit-code} or lint errors, 2 a user error, 70 an unexpected failure, except for
 * {@code matey dbmate}, which exits 2 for any error, as dbmate (docs/architecture.md §8). Command objects are built here,
 * their constructors given the {@link Console}.
 */
public final class CommandRunner {

    private static final String HELP = "help";
    /** {@code --version} and the short forms other tools (dbmate {@code -v}, Java {@code -V}) take. */
    private static final Set<String> VERSION = Set.of("--version", "-v", "-V");
    private static final String LIST_HINT = "Run `matey help` to list the commands.";
    /** A shell's {@code NAME=value command} typed where no shell reads it: the session, or a quoted word. */
    private static final String VARIABLE_HINT = " A variable cannot be set before a command here: give the URL with "
            + "--url, or export the variable before starting matey.";

    /** Python matey's commands that Matey does as part of another: what to do instead (README). */
    private static final Map<String, String> FOLDED_COMMANDS = Map.of("codegen", " Code generation has no command of "
            + "its own: add a [codegen] table to the target's config.toml and `matey schema apply` writes the models "
            + "(README, Generated models).");

    /** The verbs that delete something, which a near miss never suggests (CommandSuggestions). */
    private static final Set<String> DESTRUCTIVE = Set.of("down");

    private final CommandCatalog catalog;
    private final Console console;

    public CommandRunner(CommandCatalog catalog, Console console) {
        this.catalog = catalog;
        this.console = console;
    }

    public int run(List<String> args) {
        try {
            String first = args.get(0);
            if (first.equals(HELP) || first.equals("--help") || first.equals("-h")) {
                return help(args.subList(1, args.size()));
            }
            if (args.size() == 1 && VERSION.contains(first)) {
                console.print(Version.describe());
                return 0;
            }
            if (first.startsWith("-")) {
                throw globalOption(first);
            }
            Optional<CommandSpec> found = catalog.find(args);
            if (found.isEmpty()) {
                List<String> words = leadingWords(args);
                List<String> rest = args.subList(words.size(), args.size());
                if (rest.contains("--help") || rest.contains("-h")) {
                    return help(words);
                }
                throw noCommand(words);
            }
            CommandSpec command = found.get();
            if (command.verbatim()) {
                return call(command, new Object[] {args.subList(command.words().size(), args.size()).toArray(String[]::new)});
            }
            ArgumentParser.Arguments arguments = ArgumentParser.parse(command, args.subList(command.words().size(), args.size()));
            if (arguments.help()) {
                console.print(help().command(command));
                return 0;
            }
            return invoke(command, arguments.values());
        } catch (UsageException e) {
            Console.error(e.getMessage());
            System.err.println(MateyUrl.mask(e.hint()));
            return 2;
        }
    }

    private int help(List<String> words) {
        Optional<CommandSpec> command = catalog.find(words);
        if (command.isPresent() && command.get().words().size() == words.size()) {
            console.print(help().command(command.get()));
        } else if (words.isEmpty()) {
            console.print(help().commands());
        } else if (!catalog.startingWith(words).isEmpty()) {
            console.print(help().group(words));
        } else {
            throw noCommand(leadingWords(words));
        }
        return 0;
    }

    /** Help wrapped to the terminal's width, or to a fixed one off a terminal ({@link HelpWidth}). */
    private Help help() {
        return new Help(catalog, HelpWidth.current());
    }

    private int invoke(CommandSpec command, Map<OptionSpec, List<String>> given) {
        Object[] values = new Object[command.options().size()];
        for (int i = 0; i < values.length; i++) {
            OptionSpec option = command.options().get(i);
            values[i] = ValueConverter.convert(option, given.get(option), command.usage());
        }
        return call(command, values);
    }

    private int call(CommandSpec command, Object[] values) {
        FileMutex.activity("matey " + command.name()); // what a command waiting on this one's locks is told
        try {
            Object result = command.method().invoke(instantiate(command.method().getDeclaringClass()), values);
            if (result != null) {
                console.print(String.valueOf(result));
            }
            return 0;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof OutOfMemoryError) {
                // The command's objects are unreachable now, so there is heap again for the message.
                Console.error(OutOfMemory.message(command.name()));
                return 2;
            }
            return failed(command, e.getCause());
        } catch (ReflectiveOperationException e) {
            return failed(command, e);
        }
    }

    Object instantiate(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> constructor = type.getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        Object[] arguments = new Object[constructor.getParameterCount()];
        for (int i = 0; i < arguments.length; i++) {
            Class<?> wanted = constructor.getParameterTypes()[i];
            if (wanted != Console.class) {
                throw new IllegalStateException(type.getSimpleName() + " asks for a " + wanted.getName()
                        + "; a command class may only ask for a Console.");
            }
            arguments[i] = console;
        }
        return constructor.newInstance(arguments);
    }

    /**
     * The exit code of a command that threw; after Ctrl-C the failure is the interruption's, so it waits for it. An
     * unexpected failure is {@link ExitCodes#INTERNAL_ERROR}, apart from a {@code verbatim} command's (dbmate's
     * command line), which exits as dbmate does for every error.
     */
    static int failed(CommandSpec command, Throwable failure) {
        if (failure instanceof RunStopped stopped) {
            InterruptHandler.reportStop(stopped.getMessage()); // the handler has said why: no second error line
        }
        InterruptHandler.awaitIfInterrupted();
        if (failure instanceof ExitStatusException status) {
            return status.exitCode();
        }
        if (failure instanceof UsageException usage) {
            throw usage;
        }
        if (failure instanceof MateyException) {
            Console.error(failure.getMessage());
            return ExitCodes.USER_ERROR;
        }
        if (failure instanceof InvalidPathException path) {
            Console.error(unrepresentablePath(path));
            return ExitCodes.USER_ERROR;
        }
        Console.error("Unexpected error: " + failure);
        failure.printStackTrace();
        return command.verbatim() ? ExitCodes.DBMATE_ERROR : ExitCodes.INTERNAL_ERROR;
    }

    /**
     * A file name the locale's character set cannot hold (Java encodes names in it whatever its options say): a
     * user's setting to change, not a failure of Matey (docs/architecture.md §4).
     */
    private static String unrepresentablePath(InvalidPathException e) {
        return "Cannot name the file '" + e.getInput() + "': this Java process writes file names as "
                + System.getProperty("sun.jnu.encoding") + " (from the locale: LC_ALL, LC_CTYPE or LANG), which cannot "
                + "represent it (" + e.getReason() + "). Run Matey under a UTF-8 locale, e.g. LC_ALL=C.UTF-8; the "
                + "./matey launcher does so itself.";
    }

    /**
     * The words that may name a command: those before the first option. Only these are quoted in a message (an
     * option's value may hold a password).
     */
    private List<String> leadingWords(List<String> args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("-") || words.size() == catalog.maxDepth()) {
                break;
            }
            words.add(arg);
        }
        return words;
    }

    /**
     * No command has these words: name the global option written as a command ({@code version} for
     * {@code --version}), else the closest command, or the group when the words are as many as its.
     */
    private UsageException noCommand(List<String> words) {
        String typed = String.join(" ", words);
        List<CommandSpec> group = catalog.startingWith(words);
        if (!words.isEmpty() && !group.isEmpty()) {
            return new UsageException("'" + typed + "' needs a subcommand: "
                    + String.join(", ", group.stream().map(CommandSpec::name).toList()) + ".", LIST_HINT);
        }
        String habit = CommandHabits.pointer(words);
        String suggestion = habit != null ? habit
                : words.size() == 1 && GlobalOptions.NAMES.contains("--" + typed) ? " Did you mean '--" + typed + "'?"
                : !words.isEmpty() && words.get(0).matches("[A-Za-z_]\\w*=.*") ? VARIABLE_HINT : closestCommand(words);
        return new UsageException("No command '" + typed + "'." + suggestion
                + (words.isEmpty() ? "" : FOLDED_COMMANDS.getOrDefault(words.get(0), "")), LIST_HINT);
    }

    /** " Did you mean 'NAME'?" for the command or group closest to the words, or nothing when none is close. */
    private String closestCommand(List<String> words) {
        // `help` is the runner's own, not the catalog's.
        List<String> names = Stream.concat(Stream.of(HELP), catalog.commands().stream().filter(c -> !c.hidden())
                .map(c -> c.words().size() <= words.size() ? c.name() : prefix(c.words(), words.size())))
                .distinct().toList();
        return CommandSuggestions.closest(words, names, DESTRUCTIVE).map(name -> " Did you mean '" + name + "'?")
                .orElse("");
    }

    /** A word before the command that is no global option ({@link GlobalOptions} took the valid ones). */
    private static UsageException globalOption(String word) {
        String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        if (name.equals(GlobalOptions.WORKSPACE)) {
            return new UsageException(GlobalOptions.WORKSPACE + " needs a value (a directory): matey --workspace DIR "
                    + "<command>.", LIST_HINT);
        }
        if (GlobalOptions.NAMES.contains(name)) {
            return new UsageException("'" + name + "' takes nothing after it.", LIST_HINT);
        }
        String suggestion = Suggestions.didYouMean(name, GlobalOptions.NAMES);
        return new UsageException("Unrecognised option '" + name + "'." + (suggestion.isEmpty()
                ? " Before the command only " + String.join(", ", GlobalOptions.NAMES) + " are accepted; a command's "
                        + "options go after it." : suggestion), LIST_HINT);
    }

    private static String prefix(List<String> words, int size) {
        return String.join(" ", words.subList(0, Math.min(size, words.size())));
    }
}
