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
 * The launcher's training runs for its class-data caches (docs/architecture.md §8), one cache per family of
 * commands, since the JVM loads a whole AOT cache at start and a cache holding what every command needs made each
 * command pay for the others' classes. {@code AotTraining <family> --workspace DIR} runs, as
 * {@link MateyShellApplication} would, on the throwaway SQLite workspace DIR (one migration, nothing generated):
 * <ul>
 *   <li>{@code workspace} (every command outside the {@code db} and {@code dbmate} groups): a replay that writes
 *       the artifacts, then {@code schema status};</li>
 *   <li>{@code prepare}, not recorded: the replay that the {@code db} family's commands need artifacts from;</li>
 *   <li>{@code db}: {@code db up}, {@code db status} and {@code db drift} of a database file in the workspace.</li>
 * </ul>
 * When {@code MATEY_TRAINING_SERVER} names a server of an engine the training covers
 * ({@link Engine#trainedDriverClasses}: PostgreSQL, MySQL) (the launcher passes
 * {@code TEST_DATABASE_URL}), a second target ({@code server}) replays there too and the {@code db} commands run on
 * an empty database of their own, created first (as a CI service's is), then {@code db up} once more on one it
 * creates, both dropped after, so that the cache also holds what that engine's connection, dump, emptiness check
 * and runner link; this part is best effort and never fails the training. Without a server, the {@code db} family
 * loads (without initialising) the classes of those engines and of their drivers, which a live
 * command on such a server would otherwise read and verify from the jar on every run.
 */
public final class AotTraining {

    /** The class-path folders of the engines the training covers and of their drivers. */
    private static final List<String> SERVER_ENGINES = trainedClasses();
    private static final String SERVER_TARGET = "server";

    private AotTraining() {
    }

    /** {@code <workspace|prepare|db> --workspace DIR}. */
    public static void main(String[] args) {
        String family = args[0];
        String[] workspace = {args[1], args[2]};
        Path root = Path.of(args[2]);
        Optional<String> server = Optional.ofNullable(System.getenv("MATEY_TRAINING_SERVER"))
                .filter(url -> !url.isBlank());
        Optional<Engine> serverEngine = server.flatMap(AotTraining::serverEngine);
        int worst = switch (family) {
            case "workspace" -> replay(workspace, root, server, serverEngine, true);
            case "prepare" -> replay(workspace, root, server, serverEngine, false);
            case "db" -> live(workspace, root, server, serverEngine);
            default -> throw new IllegalArgumentException("unknown training family " + family);
        };
        System.exit(worst);
    }

    /** The replay of the SQLite target (and of the server's), then {@code schema status} when {@code status}. */
    private static int replay(String[] workspace, Path root, Optional<String> server, Optional<Engine> serverEngine,
            boolean status) {
        int worst = replay(workspace, List.of(), List.of(), status);
        if (serverEngine.isPresent()) {
            try {
                run(workspace, List.of("init", "--engine", serverEngine.get().id(), "--path", SERVER_TARGET));
                Files.copy(root.resolve("migrations/001_t.sql"), root.resolve(SERVER_TARGET + "/migrations/001_t.sql"));
                replay(workspace, List.of("--path", SERVER_TARGET), List.of("--test-url", server.get()), status);
            } catch (IOException | RuntimeException e) {
                // best effort: the cache is still recorded from the SQLite commands
            }
        }
        return worst;
    }

    private static int replay(String[] workspace, List<String> path, List<String> testUrl, boolean status) {
        List<String> apply = new ArrayList<>(List.of("schema", "apply"));
        apply.addAll(path);
        apply.addAll(testUrl);
        int worst = run(workspace, apply);
        if (status) {
            List<String> statusLine = new ArrayList<>(List.of("schema", "status"));
            statusLine.addAll(path);
            worst = Math.max(worst, run(workspace, statusLine));
        }
        return worst;
    }

    /** The live commands on a database file of the SQLite target, then on a database of the server's own. */
    private static int live(String[] workspace, Path root, Optional<String> server, Optional<Engine> serverEngine) {
        if (serverEngine.isEmpty()) {
            preloadServerEngines();
        }
        // the server target, when prepared, makes the root one of two targets to choose from
        int worst = live(workspace, List.of("--path", "."), "sqlite3:" + root.resolve("training.db"));
        if (serverEngine.isPresent() && Files.isDirectory(root.resolve(SERVER_TARGET))) {
            Engine engine = serverEngine.get();
            MateyUrl base = MateyUrl.parse(server.get());
            String name = "matey_training_" + ProcessHandle.current().pid();
            MateyUrl database = engine.siblingUrl(base, name);
            MateyUrl missing = engine.siblingUrl(base, name + "_new");
            try {
                // an empty database that exists (a CI service's), which db up proves empty, then one it creates
                engine.createDatabase(database);
                live(workspace, List.of("--path", SERVER_TARGET), database.raw());
                run(workspace, List.of("db", "up", "--url", missing.raw(), "--path", SERVER_TARGET));
            } catch (SQLException | RuntimeException e) {
                // best effort, as the replay
            } finally {
                drop(engine, database);
                drop(engine, missing);
            }
        }
        return worst;
    }

    private static void drop(Engine engine, MateyUrl database) {
        try {
            engine.dropDatabase(database);
        } catch (SQLException | RuntimeException e) {
            // nothing was created
        }
    }

    private static int live(String[] workspace, List<String> path, String database) {
        int worst = 0;
        for (String command : List.of("up", "status", "drift")) {
            List<String> line = new ArrayList<>(List.of("db", command, "--url", database));
            line.addAll(path);
            worst = Math.max(worst, run(workspace, line));
        }
        return worst;
    }

    private static int run(String[] workspace, List<String> command) {
        List<String> line = new ArrayList<>(List.of(workspace));
        line.addAll(command);
        return MateyShellApplication.run(line.toArray(String[]::new));
    }

    /** The engine of a server URL, when the training covers it; empty for any other URL. */
    private static Optional<Engine> serverEngine(String server) {
        try {
            Engine engine = Engines.forUrl(MateyUrl.parse(server));
            return engine.trainedDriverClasses().isEmpty() ? Optional.empty() : Optional.of(engine);
        } catch (RuntimeException notAServerUrl) {
            return Optional.empty();
        }
    }

    private static List<String> trainedClasses() {
        List<String> folders = new ArrayList<>();
        for (Engine engine : Engines.all()) {
            if (!engine.trainedDriverClasses().isEmpty()) {
                folders.add(engine.getClass().getPackageName().replace('.', '/') + "/");
                folders.addAll(engine.trainedDriverClasses());
            }
        }
        return List.copyOf(folders);
    }

    private static void preloadServerEngines() {
        ClassLoader loader = AotTraining.class.getClassLoader();
        for (String prefix : SERVER_ENGINES) {
            for (String entry : AppClasses.under(prefix)) {
                if (entry.endsWith(".class") && !entry.contains("-")) {
                    try {
                        Class.forName(AppClasses.className(entry), false, loader);
                    } catch (ClassNotFoundException | LinkageError e) {
                        // a class of an optional integration whose dependency the app does not ship: not cached
                    }
                }
            }
        }
    }
}
