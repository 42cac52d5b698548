package io.matey.artifact;

/** One {@code [[steps]]} table of {@code schema.lock.toml}: a migration and the state after it. */
public record LockStep(
        int index,
        String version,
        String migrationFile,
        String migrationDigest,
        String checkpointFile,
        String chainHash,
        String checkpointDigest,
        String schemaDigest) {

    /** The identity that divergence compares. */
    public StepKey key() {
        return new StepKey(version, migrationFile, migrationDigest);
    }
}
