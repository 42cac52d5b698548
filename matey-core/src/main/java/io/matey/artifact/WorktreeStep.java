package io.matey.artifact;

/**
 * A migration as found in a snapshot, with the values the lock would record for it.
 * {@code checkpointDigest} is null when the checkpoint file is missing or unreadable.
 */
public record WorktreeStep(
        int index,
        String version,
        String migrationFile,
        String migrationDigest,
        String checkpointFile,
        String checkpointDigest,
        String chainHash) {

    public StepKey key() {
        return new StepKey(version, migrationFile, migrationDigest);
    }
}
