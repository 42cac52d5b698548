package io.matey.shell;

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
        String prefix = target.equals(".") ? "" : target + "/";
        files.forEach(f -> out.append(prefix).append(f).append('\n'));
        return out.toString();
    }
}
