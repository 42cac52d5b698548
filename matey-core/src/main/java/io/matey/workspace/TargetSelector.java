package io.matey.workspace;

import io.matey.error.MateyException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Chooses the targets a command acts on (matey-python.md §2.4): {@code --path}, {@code --all} or the
 * innermost target containing the cwd. */
public final class TargetSelector {

    private TargetSelector() {
    }

    /**
     * The selected targets by name, each config read when asked: under {@code --all} a target whose
     * config.toml cannot be read fails its own report only, and one target's config is all a single one reads.
     */
    public static SortedMap<String, Supplier<TargetConfig>> select(Workspace workspace, String path, boolean all,
            Path cwd) {
        rejectPathWithAll(path, all);
        if (all) {
            requireConfigFile(workspace, cwd);
            if (workspace.configs().isEmpty()) {
                throw noTargets(workspace);
            }
            return workspace.configs();
        }
        String name = selectName(workspace, path, cwd, "choose one with --path or use --all");
        return new TreeMap<>(Map.of(name, workspace.configs().get(name)));
    }

    /** @param choice how the command lets the user choose: {@code --all} only where the command has it */
    private static String selectName(Workspace workspace, String path, Path cwd, String choice) {
        requireConfigFile(workspace, cwd);
        List<String> names = workspace.targetNames();
        if (path != null) {
            String name = TargetPaths.normalize(workspace.root(), path);
            if (!names.contains(name)) {
                throw new MateyException("Target path '" + name + "' is not configured in workspace. Available paths: "
                        + available(names));
            }
            return name;
        }
        Path here = cwd.toAbsolutePath().normalize();
        // Nested targets (".", "db/core"): the innermost directory containing the cwd is the one meant. A loop, not
        // a stream with Comparator.comparingInt, whose lambdas every process would spin (docs/architecture.md §8).
        String innermost = null;
        for (String name : names) {
            if (here.startsWith(workspace.dir(name)) && (innermost == null
                    || workspace.dir(name).getNameCount() > workspace.dir(innermost).getNameCount())) {
                innermost = name;
            }
        }
        if (innermost != null) {
            return innermost;
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        if (names.isEmpty()) {
            throw noTargets(workspace);
        }
        throw new MateyException("Multiple targets configured; " + choice + ". Available paths: " + available(names));
    }

    private static void requireConfigFile(Workspace workspace, Path cwd) {
        if (workspace.configFile() == null) {
            throw MissingWorkspace.error(workspace.root(), workspace.gitRoot(), cwd);
        }
    }

    /** {@code --path} names one target, {@code --all} every one. */
    public static void rejectPathWithAll(String path, boolean all) {
        if (path != null && all) {
            throw new MateyException("Cannot combine --path with --all.");
        }
    }

    /** A workspace config that lists no target, named at its {@code targets} line. */
    private static MateyException noTargets(Workspace workspace) {
        return new MateyException(WorkspaceLoader.targetsPlace(workspace.configFile()) + "no targets configured. "
                + "Add one with `matey init --path <dir> --engine <engine>`.");
    }

    /** For commands that change one target: the single selected target, whose config alone is read. */
    public static TargetConfig selectOne(Workspace workspace, String path, Path cwd) {
        return workspace.target(selectName(workspace, path, cwd, "choose one with --path")).orElseThrow();
    }

    private static String available(List<String> names) {
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }
}
