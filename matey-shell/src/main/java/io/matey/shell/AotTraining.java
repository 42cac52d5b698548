package io.matey.shell;

import io.matey.shell.cli.AppClasses;
import java.util.List;

/**
 * The launcher's training run for the class-data cache (docs/architecture.md §8): runs a command like
 * {@link MateyShellApplication}, after loading every class of Matey and of the server engines' JDBC drivers. The
 * command itself needs no server (a replay of a throwaway SQLite workspace), so without this the cache would miss
 * what a PostgreSQL or MySQL command loads, and {@code db up} there would read and verify those classes from the
 * jar on every run. Loading does not initialise them: no driver registers, nothing runs.
 */
public final class AotTraining {

    /** Matey itself and the drivers of the server engines; the rest of the jar is loaded by the command or not needed. */
    private static final List<String> PRELOADED = List.of("io/matey/", "org/postgresql/", "org/mariadb/jdbc/");

    private AotTraining() {
    }

    public static void main(String[] args) {
        ClassLoader loader = AotTraining.class.getClassLoader();
        for (String prefix : PRELOADED) {
            for (String entry : AppClasses.under(prefix)) {
                if (entry.endsWith(".class") && !entry.contains("-")) {
                    load(AppClasses.className(entry), loader);
                }
            }
        }
        System.exit(MateyShellApplication.run(args));
    }

    private static void load(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // a class of an optional integration whose dependency the app does not ship (OSGi, Waffle): not cached
        }
    }
}
