package io.matey.workspace;

import io.matey.error.MateyException;
import io.matey.toml.TomlMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Finds and loads the workspace (matey-python.md §2.3): {@code --workspace}, else the current directory when
 * it holds {@code matey.toml} or a {@code pyproject.toml} with {@code [tool.matey]}, else the enclosing git
 * work tree.
 */
public final class WorkspaceLoader {

    public static final String CONFIG_FILE = "matey.toml";
    public static final String PYPROJECT_FILE = "pyproject.toml";

    private WorkspaceLoader() {
    }

    /**
     * @param explicitRoot {@code --workspace}, or null
     * @param cwd          the directory the user stands in
     * @param allowNew     true for {@code init}: a directory outside any workspace becomes a new one
     */
    public static Workspace load(Path explicitRoot, Path cwd, boolean allowNew) {
        Path root = findRoot(explicitRoot, cwd.toAbsolutePath().normalize(), allowNew);
        Path configFile = configFile(root);
        SortedMap<String, Supplier<TargetConfig>> targets = new TreeMap<>();
        for (String name : configFile == null ? List.<String>of() : targetNames(root, configFile)) {
            targets.put(name, () -> TargetConfigReader.read(name, TargetPaths.resolve(root, name)));
        }
        return new Workspace(root, configFile, Collections.unmodifiableSortedMap(targets), GitRoots.find(root));
    }

    /** The workspace {@code init} extends: found or new, without loading target configs (one may be missing). */
    public static Workspace loadForInit(Path explicitRoot, Path cwd) {
        Path root = findRoot(explicitRoot, cwd.toAbsolutePath().normalize(), true);
        return new Workspace(root, configFile(root), Collections.emptySortedMap(), GitRoots.find(root));
    }

    /**
     * {@code --workspace} as given, or, when it names a workspace's config file ({@code matey.toml},
     * {@code pyproject.toml}), the directory holding it.
     */
    public static Path directoryOf(Path given, Path cwd) {
        Path file = cwd.resolve(given);
        Path name = file.getFileName();
        boolean config = name != null && (name.toString().equals(CONFIG_FILE) || name.toString().equals(PYPROJECT_FILE));
        return config && Files.isRegularFile(file) ? file.toAbsolutePath().normalize().getParent() : given;
    }

    private static Path findRoot(Path explicitRoot, Path cwd, boolean allowNew) {
        if (explicitRoot != null) {
            Path root = cwd.resolve(explicitRoot).toAbsolutePath().normalize();
            // init creates a missing workspace (its first write makes the directories); the rest need one
            if (!Files.isDirectory(root) && !(allowNew && Files.notExists(root))) {
                throw new MateyException("--workspace must point to a directory: " + root + (Files.notExists(root)
                        ? ". To create a workspace there, run `matey --workspace " + explicitRoot + " init --engine <engine>`."
                        : "."));
            }
            return root;
        }
        if (configFile(cwd) != null) {
            return cwd;
        }
        Optional<Path> git = GitRoots.find(cwd);
        if (git.isPresent()) {
            return git.get();
        }
        if (allowNew) {
            return cwd;
        }
        throw MissingWorkspace.outsideGit(cwd);
    }

    /**
     * The nearest directory above {@code dir} holding a workspace config, within {@code dir}'s git work tree if it is
     * in one: the workspace whose target directory {@code dir} is, which a message names instead of {@code dir}.
     */
    public static Optional<Path> enclosingRoot(Path dir) {
        Path from = dir.toAbsolutePath().normalize();
        Optional<Path> gitRoot = GitRoots.find(from);
        for (Path up = from.getParent(); up != null && gitRoot.map(up::startsWith).orElse(true); up = up.getParent()) {
            if (configFile(up) != null) {
                return Optional.of(up);
            }
        }
        return Optional.empty();
    }

    /** {@code matey.toml}, else a {@code pyproject.toml} holding {@code [tool.matey]}, else null. */
    public static Path configFile(Path root) {
        Path matey = root.resolve(CONFIG_FILE);
        if (Files.isRegularFile(matey)) {
            return matey;
        }
        Path pyproject = root.resolve(PYPROJECT_FILE);
        if (Files.isRegularFile(pyproject) && TomlFiles.read(pyproject).get("tool") instanceof TomlMap tool
                && tool.contains("matey")) {
            return pyproject;
        }
        return null;
    }

    /** The target names listed in a workspace config file, validated but without loading the targets. */
    static List<String> targetNames(Path root, Path configFile) {
        return targetNames(root, configFile, null);
    }

    /**
     * The target names listed in a workspace config file, validated together with {@code added} (the target
     * {@code init} adds; null for none), but without loading the targets.
     */
    static List<String> targetNames(Path root, Path configFile, String added) {
        TomlMap table = table(configFile);
        TomlFiles.rejectUnknownKeys(table, Set.of("targets"), configFile, what(configFile));
        String at = targetsPlace(configFile, table);
        List<String> names = new ArrayList<>();
        if (table.contains("targets")) {
            if (!(table.get("targets") instanceof List<?> array)) {
                throw new MateyException(at + "'targets' must be an array of strings.");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < array.size(); i++) {
                if (!(array.get(i) instanceof String raw)) {
                    throw new MateyException(at + "'targets' must be an array of strings.");
                }
                String name = normalize(root, raw, at);
                if (!seen.add(name)) {
                    throw new MateyException(at + "duplicate target path '" + name + "'.");
                }
                names.add(name);
            }
        }
        List<String> all = new ArrayList<>(names);
        if (added != null && !names.contains(added)) {
            all.add(added);
        }
        TargetPaths.requireApart(all, at);
        return names;
    }

    /**
     * Where the config file lists its targets, as messages name it: {@code matey.toml:LINE: }, and in
     * pyproject.toml the table too.
     */
    public static String targetsPlace(Path configFile) {
        return targetsPlace(configFile, table(configFile));
    }

    private static String targetsPlace(Path configFile, TomlMap table) {
        boolean pyproject = configFile.getFileName().toString().equals(PYPROJECT_FILE);
        return TomlFiles.at(configFile, table.contains("targets") ? table.line("targets") : 0)
                + (pyproject ? what(configFile) + ": " : "");
    }

    /** The table of the config file that holds {@code targets}: the whole matey.toml, pyproject's [tool.matey]. */
    private static TomlMap table(Path configFile) {
        TomlMap whole = TomlFiles.read(configFile);
        if (!configFile.getFileName().toString().equals(PYPROJECT_FILE)) {
            return whole;
        }
        if (!(whole.get("tool") instanceof TomlMap tool && tool.get("matey") instanceof TomlMap matey)) {
            throw new MateyException("Invalid pyproject.toml: [tool.matey] must be a table.");
        }
        return matey;
    }

    private static String what(Path configFile) {
        return configFile.getFileName().toString().equals(PYPROJECT_FILE) ? "[tool.matey]" : "workspace";
    }

    /** A listed target path as {@link TargetPaths#normalize} takes it, its refusal naming the config line. */
    private static String normalize(Path root, String raw, String at) {
        try {
            return TargetPaths.normalize(root, raw);
        } catch (MateyException e) {
            throw new MateyException(at + e.getMessage(), e);
        }
    }
}
