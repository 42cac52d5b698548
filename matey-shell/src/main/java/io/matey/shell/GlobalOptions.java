package io.matey.shell;

import io.matey.workspace.WorkspaceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Options given before the command ({@code matey --workspace DIR schema status}): taken out here and handed to
 * the commands as a system property; an interactive session passes them on to each command it runs.
 *
 * @param global the global options as given
 * @param command the command line after them (empty: an interactive session)
 */
public record GlobalOptions(List<String> global, List<String> command) {

    public static final String WORKSPACE_PROPERTY = "matey.workspace";
    public static final String WORKSPACE = "--workspace";
    /** What may come before the command (help and the version only alone, or help before a command's name). */
    public static final List<String> NAMES = List.of(WORKSPACE, "--version", "--help");

    public static GlobalOptions extract(String[] args) {
        int i = 0;
        while (i < args.length) {
            // An empty value stays in the command line, whose runner refuses it: discovery would take its place.
            if (args[i].equals(WORKSPACE) && i + 1 < args.length && !args[i + 1].isEmpty()) {
                System.setProperty(WORKSPACE_PROPERTY, args[i + 1]);
                i += 2;
            } else if (args[i].startsWith(WORKSPACE + "=") && args[i].length() > WORKSPACE.length() + 1) {
                System.setProperty(WORKSPACE_PROPERTY, args[i].substring(WORKSPACE.length() + 1));
                i++;
            } else {
                break;
            }
        }
        return new GlobalOptions(List.of(Arrays.copyOfRange(args, 0, i)), List.of(Arrays.copyOfRange(args, i, args.length)));
    }

    /**
     * Whether a command line runs a live command (the {@code db} and {@code dbmate} groups), which connects to a
     * database; the launcher keeps a class-data cache for them (docs/architecture.md §8).
     */
    public static boolean liveCommand(List<String> command) {
        return !command.isEmpty() && (command.get(0).equals("db") || command.get(0).equals("dbmate"));
    }

    /**
     * Why a session cannot open on the given workspace: one that is no directory, where every command but
     * {@code init} would fail; {@code init}, which creates it, runs as a command of its own. Empty when it can.
     */
    public static Optional<String> sessionRefusal() {
        String workspace = System.getProperty(WORKSPACE_PROPERTY);
        if (workspace == null) {
            return Optional.empty();
        }
        Path root = WorkspaceLoader.directoryOf(Path.of(workspace), Path.of("").toAbsolutePath()).toAbsolutePath()
                .normalize();
        return Files.isDirectory(root) ? Optional.empty() : Optional.of(WORKSPACE + " must point to a directory: "
                + root + ". To create a workspace there, run `matey " + WORKSPACE + " " + workspace
                + " init --engine <engine>`.");
    }
}
