package io.matey.dbmate;

import io.matey.error.MateyException;
import io.matey.error.Suggestions;
import io.matey.shell.cli.CommandSuggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A dbmate command line as dbmate v2 reads it: global flags, then the verb, its flags and its arguments
 * ({@code --flag value}, {@code --flag=value}, short names; like dbmate, one flag's short and long name not both).
 * Flags that dbmate also reads from {@code DBMATE_*} variables are resolved later, once {@code .env} files are
 * loaded ({@link DbmateSettings}).
 */
record DbmateArguments(String verb, Map<String, String> globals, Set<String> verbFlags, List<String> envFiles,
        List<String> migrationsDirs, List<String> positional, boolean help, boolean version) {

    /** Global flags that take a value, by every name they have, to their long name. */
    private static final Map<String, String> GLOBAL_VALUES = Map.ofEntries(
            Map.entry("--url", "url"), Map.entry("-u", "url"),
            Map.entry("--env", "env"), Map.entry("-e", "env"),
            Map.entry("--env-file", "env-file"),
            Map.entry("--migrations-dir", "migrations-dir"), Map.entry("-d", "migrations-dir"),
            Map.entry("--migrations-table", "migrations-table"),
            Map.entry("--schema-file", "schema-file"), Map.entry("-s", "schema-file"),
            Map.entry("--wait-timeout", "wait-timeout"),
            Map.entry("--wait-interval", "wait-interval"),
            Map.entry("--driver", "driver"));
    private static final Map<String, String> GLOBAL_FLAGS = Map.of(
            "--no-dump-schema", "no-dump-schema", "--wait", "wait");
    /** Each verb's boolean flags, by every name, to their long name. */
    private static final Map<String, Map<String, String>> VERB_FLAGS = Map.of(
            "up", Map.of("--strict", "strict", "--verbose", "verbose", "-v", "verbose"),
            "migrate", Map.of("--strict", "strict", "--verbose", "verbose", "-v", "verbose"),
            "rollback", Map.of("--verbose", "verbose", "-v", "verbose"),
            "status", Map.of("--exit-code", "exit-code", "--quiet", "quiet"));
    static final List<String> VERBS = List.of("new", "up", "create", "drop", "migrate", "rollback", "status", "dump",
            "load", "wait");
    /** What a mistyped verb may have meant: the verbs and the alias a user types for rollback. */
    private static final List<String> CANDIDATES = List.of("new", "up", "create", "drop", "migrate", "rollback",
            "down", "status", "dump", "load", "wait");
    /** The verbs that delete something, which a near miss never suggests (CommandSuggestions). */
    private static final Set<String> DESTRUCTIVE = Set.of("drop", "rollback", "down");

    static boolean takesValue(String flag) {
        return GLOBAL_VALUES.containsKey(flag);
    }

    static DbmateArguments parse(List<String> args) {
        Map<String, String> globals = new HashMap<>();
        List<String> envFiles = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        Map<String, String> forms = new HashMap<>();
        int i = 0;
        boolean help = false;
        boolean version = false;
        for (; i < args.size() && args.get(i).startsWith("-"); i++) {
            String[] flag = split(args.get(i));
            if (flag[0].equals("--help") || flag[0].equals("-h")) {
                help = true;
                continue;
            }
            if (flag[0].equals("--version") || flag[0].equals("-v")) {
                version = true;
                Optional<MateyException> verbose = verbFlagHint(flag[0], args.subList(i + 1, args.size()));
                if (verbose.isPresent()) {
                    throw verbose.get();
                }
                continue;
            }
            String name = GLOBAL_VALUES.get(flag[0]);
            if (name != null) {
                String form = forms.putIfAbsent(name, flag[0]);
                if (form != null && !form.equals(flag[0])) {
                    throw new MateyException("dbmate: cannot use two forms of the same flag: " + form + " and "
                            + flag[0] + " (dbmate refuses them together; give one of them). Run `matey dbmate --help`.");
                }
                String value = flag[1] != null ? flag[1] : valueAfter(args, ++i, flag[0]);
                switch (name) {
                    case "env-file" -> envFiles.addAll(listValue(value));
                    case "migrations-dir" -> dirs.addAll(listValue(value));
                    default -> globals.put(name, value);
                }
            } else if (GLOBAL_FLAGS.containsKey(flag[0])) {
                globals.put(GLOBAL_FLAGS.get(flag[0]), flag[1] == null ? "true" : flag[1]);
            } else {
                throw unknownGlobal(flag[0], args.subList(i + 1, args.size()));
            }
        }
        if (i == args.size() || version && !help) {
            return new DbmateArguments(null, globals, Set.of(), envFiles, dirs, List.of(), !version, version);
        }
        String verb = verb(args.get(i++));
        Map<String, String> known = VERB_FLAGS.getOrDefault(verb, Map.of());
        Set<String> verbFlags = new HashSet<>();
        List<String> positional = new ArrayList<>();
        for (; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
            } else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (known.containsKey(split(arg)[0])) {
                String[] flag = split(arg);
                if (flag[1] == null || Boolean.parseBoolean(flag[1])) {
                    verbFlags.add(known.get(flag[0]));
                }
            } else {
                throw unknown(arg, verb);
            }
        }
        return new DbmateArguments(verb, globals, Set.copyOf(verbFlags), envFiles, dirs, List.copyOf(positional), help,
                false);
    }

    /**
     * The values of a repeatable flag (or its variable): dbmate's flag library (urfave/cli) splits each on commas and
     * strips every piece, so {@code -d a,b} names two directories; an empty piece is the current directory.
     */
    static List<String> listValue(String value) {
        return Arrays.stream(value.split(",", -1)).map(String::strip).toList();
    }

    private static String verb(String word) {
        String verb = verbNamed(word);
        if (verb == null) {
            String meant = CommandSuggestions.closest(List.of(word), CANDIDATES, DESTRUCTIVE)
                    .map(meantVerb -> " Did you mean '" + meantVerb + "'?").orElse("");
            throw new UnknownCommand("dbmate: no command '" + word + "'." + meant
                    + " Commands: " + String.join(", ", VERBS) + ". Run `matey dbmate --help`.");
        }
        return verb;
    }

    /** The verb a word names, by dbmate's aliases too; null for any other word. */
    private static String verbNamed(String word) {
        return switch (word) {
            case "n" -> "new";
            case "down" -> "rollback";
            case "help", "h" -> "help";
            default -> VERBS.contains(word) ? word : null;
        };
    }

    private static String[] split(String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? new String[] {arg, null} : new String[] {arg.substring(0, eq), arg.substring(eq + 1)};
    }

    private static String valueAfter(List<String> args, int index, String flag) {
        if (index >= args.size()) {
            throw new MateyException("dbmate: flag needs an argument: " + flag);
        }
        return args.get(index);
    }

    /** A flag before the command that is not global: see {@link #verbFlagHint}. */
    private static MateyException unknownGlobal(String flag, List<String> rest) {
        return verbFlagHint(flag, rest).orElseGet(() -> unknown(flag, null));
    }

    /**
     * When the command after a flag has that flag, says to move it there. dbmate itself reads {@code -v} before
     * {@code up}, {@code migrate} or {@code rollback} as {@code --version}: it prints its version and does not run
     * the command, which was surely meant to run verbosely.
     */
    private static Optional<MateyException> verbFlagHint(String flag, List<String> rest) {
        return rest.stream().map(DbmateArguments::verbNamed).filter(Objects::nonNull).findFirst()
                .filter(verb -> VERB_FLAGS.getOrDefault(verb, Map.of()).containsKey(flag))
                .map(verb -> new MateyException("dbmate: flag provided but not defined: " + flag + " (" + flag
                        + " is a flag of `dbmate " + verb + "`; put it after the command: `matey dbmate " + verb + " "
                        + flag + "`). Run `matey dbmate --help`."));
    }

    /** A flag that is not defined: before the command (verb null) no global flag, else none of the verb's. */
    private static MateyException unknown(String flag, String verb) {
        Set<String> known = verb == null ? longNames(GLOBAL_VALUES.keySet(), GLOBAL_FLAGS.keySet())
                : longNames(VERB_FLAGS.getOrDefault(verb, Map.of()).keySet(), Set.of());
        String suggestion = Suggestions.didYouMean(split(flag)[0], known);
        return new MateyException("dbmate: flag provided but not defined: " + flag
                + (verb == null ? " (not a global flag)" : " (for `dbmate " + verb + "`)") + "."
                + suggestion + " Run `matey dbmate --help`.");
    }

    /** The {@code --long} names (any one-letter flag is one edit from another: no suggestion among those). */
    private static Set<String> longNames(Set<String> values, Set<String> flags) {
        Set<String> names = new HashSet<>();
        values.stream().filter(n -> n.startsWith("--")).forEach(names::add);
        flags.stream().filter(n -> n.startsWith("--")).forEach(names::add);
        return names;
    }
}
