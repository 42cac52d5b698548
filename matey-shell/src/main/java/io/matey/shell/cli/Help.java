package io.matey.shell.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code matey help}, {@code matey help <command>}, {@code <command> --help} and a group's ({@code matey help db}),
 * written from the declarations.
 */
public final class Help {

    /** A row of a table that starts with a code: {@code "  70   an unexpected failure"}. */
    private static final Pattern TABLE_ROW = Pattern.compile(" *[0-9]+ +");
    /** Where a usage line's synopsis starts, under the one after {@code Usage: }. */
    private static final int USAGE_INDENT = "Usage: ".length();

    private final CommandCatalog catalog;
    /** The column text wraps at ({@link HelpWidth}). */
    private final int lineWidth;

    public Help(CommandCatalog catalog, int lineWidth) {
        this.catalog = catalog;
        this.lineWidth = lineWidth;
    }

    /** The command list, grouped. */
    public String commands() {
        Map<String, List<CommandSpec>> groups = new TreeMap<>();
        for (CommandSpec command : visible(List.of())) {
            groups.computeIfAbsent(command.group(), g -> new ArrayList<>()).add(command);
        }
        int width = catalog.commands().stream().mapToInt(c -> c.name().length()).max().orElse(0) + 2;
        StringBuilder out = new StringBuilder("Usage: matey [--workspace DIR] <command> [options]\n")
                .append("       matey [--workspace DIR]    (an interactive session)\n")
                .append(wrap("matey [--workspace DIR] < FILE    (a script, a command a line: exits with its lines' "
                        + "worst exit code)", USAGE_INDENT)).append("\n\nAVAILABLE COMMANDS\n");
        groups.forEach((group, commands) -> {
            out.append('\n').append(group.isEmpty() ? "Other" : group).append('\n');
            commands.forEach(c -> out.append(indented(c.name(), width, summary(c.description()))));
        });
        out.append("\nBuilt-in\n")
                .append(indented("help", width, "This list, or `help <command>` for a command's options"))
                .append(indented("--version, -v", width, "The version and git commit of this build (also -V)"))
                .append(indented("exit, quit", width, "End the interactive session (also Ctrl-D)"))
                .append('\n').append(table(ExitCodes.LIST));
        return out.toString();
    }

    /** The commands whose names start with {@code words} ({@code matey help db}): each with what it does. */
    public String group(List<String> words) {
        String name = String.join(" ", words);
        List<CommandSpec> commands = visible(words);
        int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(0) + 2;
        StringBuilder out = new StringBuilder("Usage: matey ").append(name).append(" <command> [options]\n\nCommands:\n");
        commands.forEach(c -> out.append(indented(c.name(), width, summary(c.description()))));
        return out.append("\nRun `matey help ").append(name).append(" <command>` for a command's options.\n").toString();
    }

    private List<CommandSpec> visible(List<String> words) {
        return catalog.startingWith(words).stream().filter(c -> !c.hidden()).toList();
    }

    /** One command: what it does and each option. */
    public String command(CommandSpec command) {
        StringBuilder out = new StringBuilder("matey ").append(command.name()).append("\n\n");
        out.append(wrap(command.description(), 0)).append("\n\nUsage: matey ").append(command.name());
        command.options().stream().filter(OptionSpec::positional).forEach(o -> out.append(' ').append(o.label()));
        out.append(command.options().stream().anyMatch(o -> !o.positional()) ? " [options]\n" : "\n");
        Map<String, String> rows = new LinkedHashMap<>();
        for (OptionSpec option : command.options()) {
            StringBuilder text = new StringBuilder(option.description());
            if (option.required()) {
                text.append(" (required)");
            }
            if (!option.defaultValue().isEmpty()) {
                text.append(" (default: ").append(option.defaultValue()).append(')');
            }
            String names = option.usage() + (option.shortNames().isEmpty() ? "" : ", -" + option.shortNames().get(0));
            rows.put(option.positional() ? option.label() + ", " + names : names, text.toString());
        }
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0) + 4;
        out.append("\nOptions:\n");
        rows.forEach((names, text) -> out.append(indented(names, width, text)));
        out.append(indented("--help, -h", width, "This text"));
        return out.append('\n').append(wrap(command.verbatim() ? ExitCodes.DBMATE_LINE : ExitCodes.LINE, 0)).append('\n')
                .toString();
    }

    /** The first sentence: a command's description often ends with an example. */
    private static String summary(String description) {
        int example = description.indexOf(" Example:");
        return example > 0 ? description.substring(0, example) : description;
    }

    private String indented(String name, int width, String text) {
        return "  " + name + " ".repeat(Math.max(1, width - name.length())) + wrap(text, width + 2).stripLeading() + "\n";
    }

    /**
     * Wraps each row of a fixed table ({@link ExitCodes#LIST}), continuation lines under the row's text: after its
     * code column, else under its first word.
     */
    private String table(String rows) {
        StringBuilder out = new StringBuilder();
        for (String row : rows.split("\n")) {
            Matcher code = TABLE_ROW.matcher(row);
            int indent = code.lookingAt() ? code.end() : row.length() - row.stripLeading().length();
            out.append(row, 0, indent).append(wrap(row.substring(indent), indent).substring(indent)).append('\n');
        }
        return out.toString();
    }

    /** Wraps text at word boundaries, continuation lines indented by {@code indent}. */
    private String wrap(String text, int indent) {
        StringBuilder out = new StringBuilder(" ".repeat(indent));
        int column = indent;
        for (String word : text.split(" ")) {
            if (column > indent && column + 1 + word.length() > lineWidth) {
                out.append('\n').append(" ".repeat(indent));
                column = indent;
            } else if (column > indent) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }
}
