package io.matey.workspace;

import io.matey.error.MateyException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Chooses the targets a command acts on (matey-python.md §2.4): {@code --path}, {@code --all} or the
 * innermost target containing the cwd. */
public final class TargetSelector {

    private TargetSelector() {
    }

    public static List<TargetConfig> select(Workspace workspace, String path, boolean all, Path cwd) {
        List<TargetConfig> targets = workspace.targets();
        rejectPathWithAll(path, all);
        if (workspace.configFile() == null) {
            throw MissingWorkspace.error(workspace.root(), workspace.gitRoot(), cwd);
        }
        if (path != null) {
            String name = TargetPaths.normalize(workspace.root(), path);
            return List.of(workspace.target(name).orElseThrow(() -> new MateyException("Target path '" + name
                    + "' is not configured in workspace. Available paths: " + available(targets))));
        }
        if (all) {
            rejectNoTargets(targets.isEmpty());
            return targets;
        }
        Path here = cwd.toAbsolutePath().normalize();
        // Nested targets (".", "db/core"): the innermost directory containing the cwd is the one meant. A loop, not
        // a stream with Comparator.comparingInt, whose lambdas every process would spin (docs/architecture.md §8).
        TargetConfig innermost = null;
        for (TargetConfig target : targets) {
            if (here.startsWith(target.dir())
                    && (innermost == null || target.dir().getNameCount() > innermost.dir().getNameCount())) {
                innermost = target;
            }
        }
        if (innermost != null) {
            return List.of(innermost);
        }
        if (targets.size() == 1) {
            return targets;
        }
        if (targets.isEmpty()) {
            throw new MateyException("No targets configured. Pass --path or initialize a target first.");
        }
        throw new MateyException("Multiple targets configured; choose one with --path or use --all. "
                + "Available paths: " + available(targets));
    }

    /** {@code --path} names one target, {@code --all} every one. */
    public static void rejectPathWithAll(String path, boolean all) {
        if (path != null && all) {
            throw new MateyException("Cannot combine --path with --all.");
        }
    }

    /** {@code --all} in a workspace without targets. */
    public static void rejectNoTargets(boolean none) {
        if (none) {
            throw new MateyException("No targets configured in workspace. Add one with `matey init --path ...`.");
        }
    }

    /** For commands that change one target: the single selected target. */
    public static TargetConfig selectOne(Workspace workspace, String path, Path cwd) {
        List<TargetConfig> selected = select(workspace, path, false, cwd);
        if (selected.size() != 1) {
            throw new MateyException("This command requires exactly one resolved target.");
        }
        return selected.get(0);
    }

    private static String available(List<TargetConfig> targets) {
        return targets.isEmpty() ? "(none)" : targets.stream().map(TargetConfig::name).collect(Collectors.joining(", "));
    }
}
