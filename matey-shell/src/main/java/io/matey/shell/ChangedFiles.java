package io.matey.shell;

import io.matey.workspace.TargetPaths;
import java.util.List;

/**
 * The {@code Changed Files} block of {@code init} and {@code schema apply}, and what apply removed: paths relative to
 * the workspace root, as {@code --path} takes them, so that the files of a target such as {@code db/pg} are not listed as if at the root.
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

    /**
     * What {@code schema apply} removed beyond rewriting: generated models no configuration produces now, and the
     * directories left empty (paths as in {@link #block}); empty when it removed nothing.
     */
    public static String removed(String target, List<String> models, List<String> directories) {
        StringBuilder out = new StringBuilder();
        if (!models.isEmpty()) {
            out.append("Removed stale models: ").append(joined(target, models)).append('\n');
        }
        if (!directories.isEmpty()) {
            out.append("Removed empty directories: ").append(joined(target, directories)).append('\n');
        }
        return out.toString();
    }

    private static String joined(String target, List<String> files) {
        StringBuilder out = new StringBuilder();
        for (String file : files) {
            out.append(out.isEmpty() ? "" : ", ").append(TargetPaths.file(target, file));
        }
        return out.toString();
    }
}
