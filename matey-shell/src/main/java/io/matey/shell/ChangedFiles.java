package io.matey.shell;

import io.matey.workspace.TargetPaths;
import java.util.List;

/**
 * The {@code Changed Files} block of {@code init} and {@code schema apply}: paths relative to the workspace root, as
 * {@code --path} takes them, so that the files of a target such as {@code db/pg} are not listed as if at the root.
 */
public final class ChangedFiles {

    private ChangedFiles() {
    }

    /** @param files paths relative to the directory of {@code target} (a workspace-relative path, "." for the root) */
    public static String block(String target, List<String> files) {
        StringBuilder out = new StringBuilder("Changed Files\n");
        files.forEach(f -> out.append(TargetPaths.file(target, f)).append('\n'));
        return out.toString();
    }
}
