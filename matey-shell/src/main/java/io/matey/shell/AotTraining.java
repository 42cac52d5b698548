package io.matey.shell;

import io.matey.shell.cli.AppClasses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's training run for the class-data cache (docs/architecture.md §8): after loading every class of
 * Matey and of the server engines' JDBC drivers, runs the everyday commands on the throwaway SQLite workspace
 * {@code --workspace DIR} names, as {@link MateyShellApplication} would: a replay that writes the artifacts, then
 * {@code db up}, {@code db status} and {@code db drift} of a database file in it, so that the cache holds what those
 * commands resolve and link on their way (the live path shares most of its code with every engine). The commands
 * need no server, so without the loading the cache would miss what a PostgreSQL or MySQL command loads, and
 * {@code db up} there would read and verify those classes from the jar on every run. Loading does not initialise
 * them: no driver registers, nothing runs.
 */
public final class AotTraining {

    /** Matey itself and the drivers of the server engines; the rest of the jar is loaded by the command or not needed. */
    private static final List<String> PRELOADED = List.of("io/matey/", "org/postgresql/", "org/mariadb/jdbc/");

    private AotTraining() {
    }

    /** {@code --workspace DIR}: a workspace of one SQLite target with one migration and nothing generated yet. */
    public static void main(String[] args) {
        ClassLoader loader = AotTraining.class.getClassLoader();
        for (String prefix : PRELOADED) {
            for (String entry : AppClasses.under(prefix)) {
                if (entry.endsWith(".class") && !entry.contains("-")) {
                    load(AppClasses.className(entry), loader);
                }
            }
        }
        String database = "sqlite3:" + Path.of(args[1], "training.db");
        int worst = 0;
        for (List<String> command : List.of(List.of("schema", "apply"), List.of("db", "up", "--url", database),
                List.of("db", "status", "--url", database), List.of("db", "drift", "--url", database))) {
            List<String> line = new ArrayList<>(List.of(args));
            line.addAll(command);
            worst = Math.max(worst, MateyShellApplication.run(line.toArray(String[]::new)));
        }
        System.exit(worst);
    }

    private static void load(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // a class of an optional integration whose dependency the app does not ship (OSGi, Waffle): not cached
        }
    }
}
