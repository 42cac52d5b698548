package io.matey.shell.cli;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * One command as declared by its annotated method: its words ({@code schema status}), help text and options. A
 * {@code verbatim} command declares one un-annotated {@code String[]} parameter and receives the rest of the
 * command line unparsed (it has its own argument syntax, as {@code matey dbmate} has dbmate's).
 */
public record CommandSpec(List<String> words, String group, String description, boolean hidden, Method method,
        List<OptionSpec> options, boolean verbatim) {

    public String name() {
        return String.join(" ", words);
    }

    /** The hint under an error in this command's line. */
    public String usage() {
        return "Run `matey help " + name() + "` for usage.";
    }

    /** The option a command-line word ({@code --path}, {@code -p}) names. */
    public Optional<OptionSpec> option(String word) {
        return options.stream().filter(o -> o.namedBy(word)).findFirst();
    }
}
