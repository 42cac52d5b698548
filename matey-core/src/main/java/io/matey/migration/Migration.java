package io.matey.migration;

import io.matey.artifact.ConflictMarkers;

/**
 * One migration file of a target.
 *
 * @param file    POSIX path relative to the target, starting with {@code migrations/}
 * @param version the dbmate version: the leading digits of the file name
 * @param bytes   the raw file content (digested as is)
 */
public record Migration(String file, String version, byte[] bytes) {

    public MigrationScript script() {
        return MigrationParser.parse(file, bytes);
    }

    /**
     * Refuses a file holding git merge conflict markers, without parsing it: commands that run no SQL of theirs
     * (e.g. {@code db status}) still must not call such a file applied or pending.
     */
    public Migration requireResolved() {
        return requireResolved(MigrationScript.Kind.MERGE_CONFLICT.fix());
    }

    /** {@link #requireResolved()} where the way on is {@code fix} (e.g. a dbmate command, which has no artifacts). */
    public Migration requireResolved(String fix) {
        ConflictMarkers.firstLine(bytes).ifPresent(line -> {
            throw MigrationScript.Problem.mergeConflict(line).error(file, fix);
        });
        return this;
    }
}
