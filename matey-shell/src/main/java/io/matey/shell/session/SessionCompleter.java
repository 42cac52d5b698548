package io.matey.shell.session;

import io.matey.dbmate.Dbmate;
import io.matey.shell.Completions;
import io.matey.shell.cli.CommandCatalog;
import io.matey.shell.cli.CommandSpec;
import io.matey.shell.cli.OptionSpec;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.completion.CompletionProvider;

/**
 * Tab completion from the command declarations: command words, then the command's options, then an option's
 * values (its {@code @OptionValues} provider in {@link Completions}, or the constants of an enum); a leading
 * {@code matey} is passed over, as when the line runs ({@link SessionSyntax#typed}).
 */
final class SessionCompleter implements Completer {

    static final List<String> BUILT_INS = List.of("help", "exit", "quit", "clear");
    private static final List<String> DBMATE = List.of("dbmate");
    /** Options that exclude each other, by name: once one is typed, Tab no longer offers the other. */
    private static final Map<String, String> EXCLUSIVE = Map.of("all", "path", "path", "all");

    private final CommandCatalog catalog;
    private final Completions completions;

    SessionCompleter(CommandCatalog catalog, Completions completions) {
        this.catalog = catalog;
        this.completions = completions;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        // A line pasted from the README starts with `matey`, which the session drops when it runs the line.
        List<String> typed = withoutGlobalOptions(SessionSyntax.typed(line.words().subList(0, line.wordIndex())));
        String current = line.word().substring(0, line.wordCursor());
        if (!typed.isEmpty() && typed.get(0).equals("help")) {
            commandWords(typed.subList(1, typed.size()), candidates);
            return;
        }
        Optional<CommandSpec> command = catalog.find(typed);
        if (command.isEmpty()) {
            commandWords(typed, candidates);
            if (typed.isEmpty()) {
                BUILT_INS.forEach(b -> candidates.add(new Candidate(b)));
            }
            return;
        }
        CommandSpec spec = command.get();
        List<String> args = typed.subList(spec.words().size(), typed.size());
        if (spec.words().equals(DBMATE)) {
            dbmate(args, current, candidates);
            return;
        }
        int equals = current.indexOf('=');
        if (current.startsWith("--") && equals > 0) {
            spec.option(current.substring(0, equals)).ifPresent(o ->
                    values(o, line, current.substring(0, equals + 1), candidates));
            return;
        }
        Optional<OptionSpec> expecting = args.isEmpty() ? Optional.empty()
                : spec.option(args.get(args.size() - 1)).filter(o -> !o.flag());
        if (expecting.isPresent()) {
            values(expecting.get(), line, "", candidates);
            return;
        }
        for (OptionSpec option : spec.options()) {
            String excluded = EXCLUSIVE.get(option.name());
            if (args.stream().noneMatch(option::namedBy)
                    && (excluded == null || spec.option("--" + excluded).stream().noneMatch(o -> args.stream()
                            .anyMatch(o::namedBy)))) {
                candidates.add(new Candidate("--" + option.name(), "--" + option.name(), null,
                        summary(option.description()), null, null, true));
            }
        }
    }

    /**
     * dbmate's arguments are read verbatim, so its verbs and flags are no declared options: a flag's path value
     * ({@code --migrations-dir mi}) completes as a path, any other value as nothing, else the verbs until one is typed.
     */
    private static void dbmate(List<String> args, String current, List<Candidate> candidates) {
        int equals = current.indexOf('=');
        String flag = current.startsWith("-") && equals > 0 ? current.substring(0, equals)
                : args.isEmpty() ? "" : args.get(args.size() - 1);
        String prefix = current.startsWith("-") && equals > 0 ? current.substring(0, equals + 1) : "";
        if (Dbmate.takesPath(flag).isPresent()) {
            for (String path : Completions.paths(current.substring(prefix.length()), Dbmate.takesPath(flag).get())) {
                candidates.add(new Candidate(prefix + path, path, null, null, null, null, !path.endsWith("/")));
            }
        } else if (!Dbmate.takesValue(flag) && args.stream().noneMatch(Dbmate.commands()::contains)) {
            Dbmate.commands().forEach(verb -> candidates.add(new Candidate(verb)));
        }
    }

    /**
     * An option's description as a completion list shows it: up to its first parenthesis or colon. JLine puts the
     * description in parentheses itself (and right-aligns it to the widest row), so a parenthetical of the help text
     * would nest, and the values after a colon are what the next Tab lists; {@code help} keeps the whole text.
     */
    static String summary(String description) {
        if (description == null) {
            return null;
        }
        int end = description.length();
        for (String stop : List.of(" (", ": ")) {
            int at = description.indexOf(stop);
            if (at > 0) {
                end = Math.min(end, at);
            }
        }
        return description.substring(0, end);
    }

    /**
     * The next word of the command names starting with {@code typed}. A group word ({@code schema}) is complete too:
     * the space after it lets the next Tab list the group's commands.
     */
    private void commandWords(List<String> typed, List<Candidate> candidates) {
        List<String> seen = new ArrayList<>();
        for (CommandSpec spec : catalog.startingWith(typed)) {
            if (spec.words().size() > typed.size() && !spec.hidden() && !seen.contains(spec.words().get(typed.size()))) {
                String next = spec.words().get(typed.size());
                seen.add(next);
                candidates.add(new Candidate(next, next, null, null, null, null, true));
            }
        }
    }

    /** A value ending in {@code /} (a directory) is not complete: no space follows it, so Tab goes further down. */
    private void values(OptionSpec option, ParsedLine line, String prefix, List<Candidate> candidates) {
        for (String value : values(option, line)) {
            candidates.add(new Candidate(prefix + value, value, null, null, null, null, !value.endsWith("/")));
        }
    }

    private List<String> values(OptionSpec option, ParsedLine line) {
        Class<?> type = option.parameter().getType();
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            return names;
        }
        if (option.provider() == null) {
            return List.of();
        }
        try {
            Method method = Completions.class.getMethod(option.provider());
            CompletionProvider provider = (CompletionProvider) method.invoke(completions);
            return provider.apply(new CompletionContext(line.words(), line.wordIndex(), line.wordCursor(), null, null))
                    .stream().map(CompletionProposal::value).toList();
        } catch (ReflectiveOperationException | ClassCastException unknownProvider) {
            return List.of();
        }
    }

    /** The words after {@code --workspace DIR}, which the session passes to every command itself. */
    private static List<String> withoutGlobalOptions(List<String> words) {
        int start = 0;
        while (start < words.size() && words.get(start).startsWith("--workspace")) {
            start += words.get(start).equals("--workspace") ? 2 : 1;
        }
        return words.subList(Math.min(start, words.size()), words.size());
    }
}
