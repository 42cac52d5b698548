package io.matey.migration;

import io.matey.artifact.ConflictMarkers;
import io.matey.artifact.LargestMigration;
import io.matey.workspace.TargetPaths;

/**
 * One migration file of a target.
 *
 * @param file    POSIX path relative to the target, starting with {@code migrations/}
 * @param version the dbmate version: the leading digits of the file name
 * @param bytes   the raw file content (digested as is)
 */
public record Migration(String file, String version, byte[] bytes) {

    public Migration {
        LargestMigration.note(file, bytes.length);
    }

    public MigrationScript script() {
        return MigrationParser.parse(file, bytes);
    }

    /**
     * Refuses a file of target {@code targetName} holding git merge conflict markers, without parsing it: commands
     * that run no SQL of theirs (e.g. {@code db status}) still must not call such a file applied or pending. The
     * message names the file as the workspace root does and the {@code schema apply} of that target, which works
     * in a workspace of several targets.
     */
    public Migration requireResolvedIn(String targetName) {
        return requireResolved(TargetPaths.file(targetName, file),
                MigrationScript.resolveConflict("run `matey schema apply" + TargetPaths.option(targetName) + "`"));
    }

    /** A refusal of conflict markers where the way on is {@code fix} (e.g. a dbmate command, which has no artifacts). */
    public Migration requireResolved(String fix) {
        return requireResolved(file, fix);
    }

    private Migration requireResolved(String named, String fix) {
        ConflictMarkers.firstLine(bytes).ifPresent(line -> {
            throw MigrationScript.Problem.mergeConflict(line).error(named, fix);
        });
        return this;
    }
}
