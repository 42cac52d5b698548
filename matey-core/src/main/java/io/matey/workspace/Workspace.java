package io.matey.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A workspace: a root directory, its config file ({@code matey.toml} or {@code pyproject.toml} with
 * {@code [tool.matey]}; null when there is none yet) and its targets sorted by path.
 */
public record Workspace(Path root, Path configFile, List<TargetConfig> targets, Optional<Path> gitRoot) {

    public Optional<TargetConfig> target(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
