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
        TomlMap whole = TomlFiles.read(configFile);
        TomlMap table = whole;
        String what = "workspace";
        if (configFile.getFileName().toString().equals(PYPROJECT_FILE)) {
            if (!(table.get("tool") instanceof TomlMap tool && tool.get("matey") instanceof TomlMap matey)) {
                throw new MateyException("Invalid pyproject.toml: [tool.matey] must be a table.");
            }
            table = matey;
            what = "[tool.matey]";
        }
        TomlFiles.rejectUnknownKeys(table, Set.of("targets"), configFile, what);
        if (!table.contains("targets")) {
            return List.of();
        }
        // matey.toml:LINE names the place; in pyproject.toml the table is said too
        String at = TomlFiles.at(configFile, table.line("targets")) + (table == whole ? "" : what + ": ");
        if (!(table.get("targets") instanceof List<?> array)) {
            throw new MateyException(at + "'targets' must be an array of strings.");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof String raw)) {
                throw new MateyException(at + "'targets' must be an array of strings.");
            }
            String name = TargetPaths.normalize(root, raw);
            if (!seen.add(name)) {
                throw new MateyException(at + "duplicate target path '" + name + "'.");
            }
            names.add(name);
        }
        return names;
    }
}
