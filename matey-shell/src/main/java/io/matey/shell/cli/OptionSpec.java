package io.matey.shell.cli;

import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.List;

/**
 * One option of a command, read from a parameter of its command method: {@code --name VALUE}, a flag
 * ({@code --all}), or a list. An option declared with an arity of at least one also takes a plain word
 * ({@code db new NAME}).
 *
 * @param provider the completion provider of {@code @OptionValues} (a method of {@code Completions}), or null
 */
public record OptionSpec(String name, List<String> longNames, List<Character> shortNames, String description,
        String label, boolean required, String defaultValue, int arityMin, int arityMax, boolean positional,
        String provider, Parameter parameter) {

    public boolean flag() {
        return parameter.getType() == boolean.class || parameter.getType() == Boolean.class;
    }

    public boolean multiValued() {
        return parameter.getType().isArray() || Collection.class.isAssignableFrom(parameter.getType());
    }

    /** Whether {@code word} ({@code --path}, {@code -p}) names this option. */
    public boolean namedBy(String word) {
        if (word.startsWith("--")) {
            return longNames.contains(word.substring(2));
        }
        return word.length() == 2 && word.charAt(0) == '-' && shortNames.contains(word.charAt(1));
    }

    /** {@code --path PATH}, or {@code --all} for a flag: how help and messages show the option. */
    public String usage() {
        return "--" + name + (flag() ? "" : " " + label);
    }
}
