package io.matey.shell.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the top-level classes of one package in the app's own jar or class directory, so that a command class
 * added to {@code io.matey.shell.command} is picked up without being listed anywhere.
 */
final class CommandClasses {

    private CommandClasses() {
    }

    static List<Class<?>> in(String packageName) {
        String prefix = packageName.replace('.', '/') + "/";
        List<Class<?>> classes = new ArrayList<>();
        for (String name : AppClasses.under(prefix)) {
            String rest = name.substring(prefix.length());
            if (rest.endsWith(".class") && !rest.contains("/") && !rest.contains("$")) {
                classes.add(load(AppClasses.className(name)));
            }
        }
        return classes;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, CommandClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
