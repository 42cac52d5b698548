package io.matey.artifact;

import java.util.List;

/**
 * One {@code [[steps]]} table of {@code schema.lock.toml}: a migration and the state after it.
 *
 * @param downAccepted the reason its down section is accepted as inexact ({@code down_accepted}, a key Matey adds
 *                     only to such steps, so other locks keep Python matey's bytes), or null
 * @param roles        the roles its up section creates that dumps may name ({@code roles}, a key Matey adds only to
 *                     such steps; docs/architecture.md §6): a replay loading a later checkpoint, and {@code db
 *                     bootstrap}, create those the server lacks. Empty for none, and in locks written before the key
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
        String downAccepted,
        List<String> roles) {

    public LockStep {
        roles = List.copyOf(roles);
    }

    public LockStep(int index, String version, String migrationFile, String migrationDigest, String checkpointFile,
            String chainHash, String checkpointDigest, String schemaDigest, String downAccepted) {
        this(index, version, migrationFile, migrationDigest, checkpointFile, chainHash, checkpointDigest, schemaDigest,
                downAccepted, List.of());
    }

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
