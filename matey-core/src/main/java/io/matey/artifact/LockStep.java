package io.matey.artifact;

/**
 * One {@code [[steps]]} table of {@code schema.lock.toml}: a migration and the state after it.
 *
 * @param downAccepted the reason its down section is accepted as inexact ({@code down_accepted}, a key Matey adds
 *                     only to such steps, so other locks keep Python matey's bytes), or null
 */
public record LockStep(
        int index,
        String version,
        String migrationFile,
        String migrationDigest,
        String checkpointFile,
        String chainHash,
        String checkpointDigest,
        String schemaDigest,
        String downAccepted) {

    public LockStep(int index, String version, String migrationFile, String migrationDigest, String checkpointFile,
            String chainHash, String checkpointDigest, String schemaDigest) {
        this(index, version, migrationFile, migrationDigest, checkpointFile, chainHash, checkpointDigest, schemaDigest,
                null);
    }

    /** The identity that divergence compares. */
    public StepKey key() {
        return new StepKey(version, migrationFile, migrationDigest);
    }
}
