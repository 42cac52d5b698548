package io.matey.workspace;

import io.matey.error.MateyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Normalises and checks target paths: relative, inside the workspace, no {@code ..}, no symlinks. */
public final class TargetPaths {

    private TargetPaths() {
    }

    /** {@code --path NAME} with a leading space, or nothing for the root target: for the commands messages name. */
    public static String option(String targetName) {
        return targetName.equals(".") ? "" : " --path " + targetName;
    }

    /**
     * A file of a target as the workspace root names it ({@code db/pg/migrations/...}), as the {@code Changed Files}
     * block lists it and as {@code --path} is given: the form of a path a message tells the user to type.
     *
     * @param file a POSIX path relative to the target's directory
     */
    public static String file(String targetName, String file) {
        return targetName.equals(".") ? file : targetName + "/" + file;
    }

    /**
     * Turns a user-given target path into its canonical name ({@code .} for the root, else POSIX segments).
     * Absolute paths are accepted when they lie inside the root.
     */
    public static String normalize(Path root, String path) {
        String value = path == null ? "" : path.strip().replace('\\', '/');
        if (value.isEmpty() || value.equals(".") || value.equals("./")) {
            return ".";
        }
        if (Path.of(value).isAbsolute()) {
            Path absolute = Path.of(value).normalize();
            Path normalizedRoot = root.toAbsolutePath().normalize();
            if (!absolute.startsWith(normalizedRoot)) {
                throw new MateyException("Target path '" + path + "' is outside the workspace " + normalizedRoot
                        + ". Give a path relative to the workspace root.");
            }
            return absolute.equals(normalizedRoot) ? "." : normalizedRoot.relativize(absolute).toString().replace('\\', '/');
        }
        // ./db/core and db//core name db/core as a shell completes them; '..' could leave the workspace
        StringBuilder name = new StringBuilder();
        for (String segment : value.split("/")) {
            if (segment.equals("..")) {
                throw new MateyException("Target path '" + path + "' must be relative to the workspace root "
                        + "without '..' segments (it must stay inside the workspace).");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                name.append(name.length() == 0 ? "" : "/").append(segment);
            }
        }
        return name.length() == 0 ? "." : name.toString();
    }

    /**
     * The directories of a target its commands take as wholly their own (ArtifactNames' migrations and checkpoints,
     * and data): a target inside one would have its files taken for the outer target's ({@code schema apply --clean}
     * deletes the files in checkpoints/ that it did not write, the inner target's schema.sql among them).
     */
    private static final List<String> OWNED_DIRECTORIES = List.of("migrations", "checkpoints", "data");

    /** Refuses targets of which one lies inside another's owned directories; {@code at} names where they are listed. */
    static void requireApart(List<String> names, String at) {
        for (String outer : names) {
            for (String inner : names) {
                for (String owned : OWNED_DIRECTORIES) {
                    String dir = file(outer, owned);
                    if (inner.equals(dir) || inner.startsWith(dir + "/")) {
                        throw new MateyException(at + "target '" + inner + "' lies inside the " + owned + "/ directory "
                                + "of target '" + outer + "', whose commands take every file there as their own"
                                + (owned.equals("checkpoints") ? " (`matey schema apply --clean` deletes those it did "
                                        + "not write)" : "") + ". Put target '" + inner + "' outside " + dir
                                + "/ (e.g. beside it, as another directory of the workspace).");
                    }
                }
            }
        }
    }

    /** The absolute directory of a target, refusing any symlinked segment below the root. */
    public static Path resolve(Path root, String name) {
        Path dir = root;
        if (name.equals(".")) {
            return root;
        }
        for (String segment : name.split("/")) {
            dir = dir.resolve(segment);
            if (Files.isSymbolicLink(dir)) {
                throw new MateyException("workspace target uses symlinked path segment: " + dir
                        + ". Point the target at the real directory.");
            }
        }
        return dir;
    }
}
