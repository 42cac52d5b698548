package io.matey.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * git commands on a target's files as advice gives them to be typed where matey was started. git resolves paths
 * against the current directory, while matey's own commands take them relative to the workspace root
 * ({@link TargetPaths#file}): from inside a target, or with {@code --workspace} from elsewhere, the two differ. So
 * the paths are relative to that directory ({@code ../x} when a file lies beside it), and from a directory outside
 * the repository, where git would find no repository, the command runs git in it with {@code -C}.
 *
 * @param cwd       the directory matey runs in
 * @param targetDir the target's directory
 */
public record GitCommands(Path cwd, Path targetDir) {

    /** Characters a POSIX shell takes literally in a word; a path with any other is single-quoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._/@%+=:,-]+");

    public GitCommands {
        cwd = real(cwd);
        targetDir = real(targetDir);
    }

    /** {@code git SUBCOMMAND FILE...}, each file relative to the target's directory in POSIX form. */
    public String command(String subcommand, List<String> files) {
        Optional<Path> repository = GitRoots.find(targetDir).filter(root -> !cwd.startsWith(root));
        Path base = repository.orElse(cwd);
        StringBuilder command = new StringBuilder("git");
        repository.ifPresent(root -> command.append(" -C ").append(word(cwd, root)));
        command.append(' ').append(subcommand);
        files.forEach(file -> command.append(' ').append(word(base, targetDir.resolve(file))));
        return command.toString();
    }

    /**
     * The rename of {@code from} to {@code to} (relative to the target's directory): {@code git mv} where git tracks
     * the file, else a plain {@code mv} from where matey runs, since {@code git mv} refuses an untracked file.
     */
    public String move(String from, String to) {
        if (GitIndex.tracks(targetDir.resolve(from))) {
            return command("mv", List.of(from, to));
        }
        return "mv " + word(cwd, targetDir.resolve(from)) + " " + word(cwd, targetDir.resolve(to));
    }

    /** {@code file} (relative to the target's directory) as a word typed where matey runs, as advice names it. */
    public String typed(String file) {
        return word(cwd, targetDir.resolve(file));
    }

    private static String word(Path from, Path to) {
        String relative = from.relativize(to.normalize()).toString().replace('\\', '/');
        String path = relative.isEmpty() ? "." : relative;
        return PLAIN.matcher(path).matches() ? path : "'" + path.replace("'", "'\\''") + "'";
    }

    /** The real path where it exists, so that a symlinked segment ({@code /tmp} on macOS) relates both sides alike. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException missing) {
            return absolute;
        }
    }
}
