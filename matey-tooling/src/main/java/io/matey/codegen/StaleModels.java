package io.matey.codegen;

import io.matey.workspace.TargetConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generated files the target's configuration no longer produces: a dropped table's record, or every record of a
 * former package, output directory or generator. {@code schema apply} deletes them with the other artifacts.
 */
public final class StaleModels {

    private StaleModels() {
    }

    /** After a replay whose generation wrote {@code produced}: every other generated file. */
    public static Set<String> after(Path targetDir, Set<String> produced) {
        Set<String> stale = new TreeSet<>(GeneratedFiles.in(targetDir));
        stale.removeAll(produced);
        return stale;
    }

    /**
     * Without a replay ({@code schema status}): the generated files the configuration cannot write at all. A
     * dropped table's record in the current package takes a replay to tell ({@code schema plan}).
     *
     * @param generated the target's generated files ({@link GeneratedFiles#in})
     */
    public static Set<String> withoutReplay(TargetConfig target, Set<String> generated) {
        Optional<ModelGenerator> codegen = ModelGenerator.forTarget(target);
        Set<String> stale = new TreeSet<>(generated);
        stale.removeIf(path -> codegen.isPresent() && codegen.get().mayWrite(path));
        return stale;
    }
}
