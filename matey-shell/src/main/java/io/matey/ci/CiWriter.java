package io.matey.ci;

import io.matey.error.FileFailure;
import io.matey.error.MateyException;
import io.matey.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes the CI pipeline at the git repository root; an existing file is replaced only with {@code --force}. */
public final class CiWriter {

    private CiWriter() {
    }

    /**
     * The pipeline file {@link #write} would write, refusing what would stop it: no git repository, or an existing
     * file without {@code force}. {@code init} asks first, so that it writes nothing when {@code --ci} cannot follow.
     */
    public static Path file(Workspace workspace, CiProvider provider, boolean force) {
        Path repoRoot = workspace.gitRoot().orElseThrow(() -> new MateyException(
                "--ci requires a git repository so CI files can be written at the repo root. Run `git init` first."));
        Path file = repoRoot.resolve(provider.path());
        if (Files.exists(file) && !force) {
            String ci = provider.name().toLowerCase(Locale.ROOT);
            throw new MateyException("Refusing to overwrite existing file: " + file + ". Pass --force to replace it; on an "
                    + "initialised workspace `matey init --ci " + ci + " --force` replaces only this file.");
        }
        return file;
    }

    public static Path write(Workspace workspace, CiProvider provider, boolean force) {
        Path file = file(workspace, provider, force);
        Path repoRoot = workspace.gitRoot().orElseThrow();
        String relative = repoRoot.relativize(workspace.root()).toString().replace('\\', '/');
        String text = CiPipeline.render(provider, relative.isEmpty() ? "." : relative,
                DefaultBranch.of(repoRoot), workspace.targets());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MateyException("Cannot write " + file + ": " + FileFailure.detail(file, e));
        }
        return file;
    }
}
