package io.matey.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * A workspace: a root directory, its config file ({@code matey.toml} or {@code pyproject.toml} with
 * {@code [tool.matey]}; null when there is none yet) and its targets by path. A target's {@code config.toml} is
 * read when that target is asked for, so that one target's bad or missing config fails only the commands that
 * act on it (docs/architecture.md §8).
 */
public record Workspace(Path root, Path configFile, SortedMap<String, Supplier<TargetConfig>> configs,
        Optional<Path> gitRoot) {

    public List<String> targetNames() {
        return List.copyOf(configs.keySet());
    }

    /** The directory a target names, without reading its config (for choosing the target the cwd lies in). */
    public Path dir(String name) {
        return root.resolve(name).normalize();
    }

    /** The listed target's config, read now; empty when the workspace lists no such target. */
    public Optional<TargetConfig> target(String name) {
        Supplier<TargetConfig> config = configs.get(name);
        return config == null ? Optional.empty() : Optional.of(config.get());
    }

    /** Every target's config, read now: the first unreadable one fails. */
    public List<TargetConfig> targets() {
        return configs.values().stream().map(Supplier::get).toList();
    }
}
