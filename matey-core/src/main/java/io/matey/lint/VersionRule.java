package io.matey.lint;

import io.matey.artifact.CodePointOrder;
import io.matey.artifact.Snapshot;
import io.matey.lint.Finding.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * L002, L003, L006: the history's versions and names. dbmate keys applied state by version alone, so a repeated
 * version is silently skipped somewhere, and a version lower than one before it is applied late (among the files
 * dbmate runs: one it ignores, L008, is in no order).
 */
final class VersionRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        Map<String, String> firstByVersion = new HashMap<>();
        Map<String, List<String>> pathsByName = new LinkedHashMap<>();
        String highest = null;
        for (MigrationFile file : context.migrations()) {
            String version = Snapshot.versionOf(file.path());
            String first = firstByVersion.putIfAbsent(version, file.path());
            if (first != null) {
                // No comment accepts it: every command that runs migrations refuses the file (RunnableMigrations).
                findings.addWithFix(Level.ERROR, "L002", file.path(), null,
                        "Duplicate migration version '" + version + "'; already used by '" + first + "'.",
                        "rename one of the two files to a version after every other (the one `matey db new` would "
                                + "give it now), then run `matey schema apply`");
            } else if (DbmateFileNameRule.dbmateRuns(file)) {
                if (highest != null && CodePointOrder.INSTANCE.compare(version, highest) < 0) {
                    findings.add(Level.ERROR, "L003", file.path(), null,
                            "Migration version '" + version + "' is out of order after '" + highest + "'.");
                } else {
                    highest = version;
                }
            }
            pathsByName.computeIfAbsent(file.fileName(), name -> new ArrayList<>()).add(file.path());
        }
        pathsByName.forEach((name, paths) -> {
            for (String path : paths.subList(1, paths.size())) {
                findings.add(Level.WARNING, "L006", path, null,
                        "Multiple migrations share basename '" + name + "': " + String.join(", ", paths) + ".");
            }
        });
    }
}
