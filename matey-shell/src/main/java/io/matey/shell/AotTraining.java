package io.matey.shell;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.shell.cli.AppClasses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The launcher's training run for the class-data cache (docs/architecture.md §8): after loading every class of
 * Matey and of the server engines' JDBC drivers, runs the everyday commands on the throwaway SQLite workspace
 * {@code --workspace DIR} names, as {@link MateyShellApplication} would: a replay that writes the artifacts, then
 * {@code db up}, {@code db status} and {@code db drift} of a database file in it, so that the cache holds what those
 * commands resolve and link on their way (the live path shares most of its code with every engine). The commands
 * need no server, so without the loading the cache would miss what a PostgreSQL or MySQL command loads, and
 * {@code db up} there would read and verify those classes from the jar on every run. Loading does not initialise
 * them: no driver registers, nothing runs. When {@code MATEY_TRAINING_SERVER} names a PostgreSQL or MySQL server
 * (the launcher passes {@code TEST_DATABASE_URL}), a second target replays and migrates there too, so that the
 * cache also holds what that engine's connection, dump and runner link: a scratch database and a database of its
 * own, both dropped; this part is best effort and never fails the training.
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
        int worst = everyday(args, List.of(), List.of(), database);
        Optional.ofNullable(System.getenv("MATEY_TRAINING_SERVER")).filter(url -> !url.isBlank())
                .ifPresent(server -> trainOnServer(args, Path.of(args[1]), server));
        System.exit(worst);
    }

    /**
     * The everyday commands on {@code database} for the target {@code path} names (none: the root target), the
     * replay with the {@code replay} options.
     */
    private static int everyday(String[] workspace, List<String> path, List<String> replay, String database) {
        int worst = 0;
        for (List<String> command : List.of(List.of("schema", "apply"), List.of("db", "up", "--url", database),
                List.of("db", "status", "--url", database), List.of("db", "drift", "--url", database))) {
            List<String> line = new ArrayList<>(List.of(workspace));
            line.addAll(command);
            line.addAll(path);
            if (command.get(0).equals("schema")) {
                line.addAll(replay);
            }
            worst = Math.max(worst, MateyShellApplication.run(line.toArray(String[]::new)));
        }
        return worst;
    }

    /** The everyday commands of a target of the server's engine, on a database of its own that is dropped after. */
    private static void trainOnServer(String[] workspace, Path root, String server) {
        MateyUrl base;
        Engine engine;
        try {
            base = MateyUrl.parse(server);
            engine = Engines.forUrl(base);
        } catch (RuntimeException notAServerUrl) {
            return;
        }
        if (!List.of("postgres", "mysql").contains(engine.id())) {
            return;
        }
        MateyUrl database = engine.siblingUrl(base, "matey_training_" + ProcessHandle.current().pid());
        List<String> path = List.of("--path", "server");
        try {
            List<String> init = new ArrayList<>(List.of(workspace));
            init.addAll(List.of("init", "--engine", engine.id(), "--path", "server"));
            MateyShellApplication.run(init.toArray(String[]::new));
            Files.copy(root.resolve("migrations/001_t.sql"), root.resolve("server/migrations/001_t.sql"));
            everyday(workspace, path, List.of("--test-url", server), database.raw());
        } catch (IOException | RuntimeException e) {
            // best effort: the cache is still recorded from the SQLite commands
        } finally {
            try {
                engine.dropDatabase(database);
            } catch (SQLException | RuntimeException e) {
                // nothing was created
            }
        }
    }

    private static void load(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // a class of an optional integration whose dependency the app does not ship (OSGi, Waffle): not cached
        }
    }
}
