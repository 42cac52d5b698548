package io.matey.shell.cli;

import io.matey.error.Suggestions;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a command's arguments: {@code --name VALUE}, {@code --name=VALUE}, {@code -n VALUE}, flags
 * ({@code --all}, {@code --all=false}), lists (values up to the next option), plain words for options declared
 * with an arity, and {@code --help}. The runner masks every message it prints (a value may hold a password).
 */
final class ArgumentParser {

    /** What was given: the raw values per option (empty for a bare flag), or a request for help. */
    record Arguments(Map<OptionSpec, List<String>> values, boolean help) {
    }

    private ArgumentParser() {
    }

    static Arguments parse(CommandSpec command, List<String> args) {
        // By identity (a catalog's options are distinct objects): a record's hashCode is linked on its first call in
        // every process, which cost a scripted command more than parsing its whole command line.
        Map<OptionSpec, List<String>> values = new IdentityHashMap<>();
        String usage = command.usage();
        int i = 0;
        while (i < args.size()) {
            String word = args.get(i++);
            if ((word.equals("--help") || word.equals("-h")) && command.option(word).isEmpty()) {
                return new Arguments(Map.of(), true);
            }
            if (!word.startsWith("-") || word.equals("-") || isNumber(word)) {
                OptionSpec positional = command.options().stream()
                        .filter(o -> o.positional() && !values.containsKey(o)).findFirst()
                        .orElseThrow(() -> new UsageException("Unexpected argument '" + word + "' for '"
                                + command.name() + "'." + countOption(command, word), usage));
                values.put(positional, new ArrayList<>(List.of(word)));
                continue;
            }
            int equals = word.indexOf('=');
            String name = equals > 0 ? word.substring(0, equals) : word;
            OptionSpec option = command.option(name).orElseThrow(() -> unknownOption(command, name, usage));
            if (values.containsKey(option) && !option.multiValued()) {
                throw new UsageException("Option '" + name + "' is given twice.", usage);
            }
            List<String> given = values.computeIfAbsent(option, o -> new ArrayList<>());
            if (equals > 0) {
                given.add(word.substring(equals + 1));
            } else if (option.flag()) {
                if (i < args.size() && (args.get(i).equals("true") || args.get(i).equals("false"))) {
                    given.add(args.get(i++));
                }
            } else {
                while (i < args.size() && given.size() < option.arityMax()
                        && (!args.get(i).startsWith("--") || args.get(i).equals("--"))) {
                    given.add(args.get(i++));
                }
            }
            if (given.size() < option.arityMin()) {
                throw new UsageException("Option '" + name + "' needs a value: " + option.usage() + ".", usage);
            }
            // `--path=$TARGET` with the variable unset must not mean "not given": a fallback (the current target,
            // DATABASE_URL) would then act on something the user did not name.
            if (!option.flag() && given.contains("")) {
                throw new UsageException("Option '" + name + "' was given an empty value (an unset variable?): "
                        + option.usage() + ".", usage);
            }
        }
        for (OptionSpec option : command.options()) {
            if (option.required() && !values.containsKey(option)) {
                throw new UsageException("Missing " + (option.positional() ? option.label() + " (" + option.usage() + ")"
                        : "option " + option.usage()) + " for '" + command.name() + "'.", usage);
            }
        }
        return new Arguments(values, false);
    }

    /** {@code  Did you mean '--steps 3'?} for a bare number where the command's one number option takes it. */
    private static String countOption(CommandSpec command, String word) {
        if (!word.matches("\\d+")) {
            return "";
        }
        List<OptionSpec> numbers = command.options().stream()
                .filter(o -> !o.positional() && (o.parameter().getType() == int.class
                        || o.parameter().getType() == Integer.class))
                .toList();
        return numbers.size() == 1 ? " Did you mean '--" + numbers.get(0).name() + " " + word + "'?" : "";
    }

    private static UsageException unknownOption(CommandSpec command, String name, String usage) {
        List<String> names = new ArrayList<>();
        command.options().forEach(o -> o.longNames().forEach(n -> names.add("--" + n)));
        String suggestion = Suggestions.didYouMean(name, names);
        return new UsageException("Unrecognised option '" + name + "' for '" + command.name() + "'."
                + (suggestion.isEmpty() ? valueAsOption(command, name.replaceFirst("^-+", "")) : suggestion), usage);
    }

    /** {@code --json} for {@code --format json}: the option one of whose values was written as an option. */
    private static String valueAsOption(CommandSpec command, String value) {
        for (OptionSpec option : command.options()) {
            Object[] constants = option.parameter().getType().getEnumConstants();
            for (Object constant : constants == null ? new Object[0] : constants) {
                if (((Enum<?>) constant).name().replace('_', '-').equalsIgnoreCase(value)) {
                    return " Did you mean '--" + option.name() + " " + value.toLowerCase(Locale.ROOT) + "'?";
                }
            }
        }
        return "";
    }

    private static boolean isNumber(String word) {
        return word.matches("-\\d+(\\.\\d+)?");
    }
}
