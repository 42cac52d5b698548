package io.matey.artifact;

import java.util.ArrayList;
import java.util.List;

/** Builds the lock that {@code schema apply} writes from the migrations and the dumps captured for them. */
public final class LockFactory {

    /**
     * One migration with the checkpoint dump taken right after it.
     *
     * @param checkpointDigest {@link Digests#sqlDigest} of the checkpoint
     * @param downAccepted     the reason its inexact down section is accepted, or null
     * @param roles            the roles its up section creates that dumps may name ({@link LockStep#roles})
     */
    public record StepSource(String version, String migrationFile, byte[] migrationBytes, String checkpointFile,
            String checkpointDigest, String downAccepted, List<String> roles) {

        public StepSource(String version, String migrationFile, byte[] migrationBytes, String checkpointFile,
                String checkpointDigest, String downAccepted) {
            this(version, migrationFile, migrationBytes, checkpointFile, checkpointDigest, downAccepted, List.of());
        }

        public static StepSource ofText(String version, String migrationFile, byte[] migrationBytes,
                String checkpointFile, String checkpointText) {
            return new StepSource(version, migrationFile, migrationBytes, checkpointFile,
                    Digests.sqlDigest(checkpointText), null);
        }
    }

    private LockFactory() {
    }

    public static SchemaLock build(String engine, String target, List<StepSource> sources, String schemaText) {
        List<LockStep> steps = new ArrayList<>();
        String chain = Digests.chainSeed(engine, target);
        for (StepSource source : sources) {
            String migrationDigest = Digests.digest(source.migrationBytes());
            String checkpointDigest = source.checkpointDigest();
            chain = Digests.chainStep(chain, source.version(), source.migrationFile(), migrationDigest);
            steps.add(new LockStep(steps.size() + 1, source.version(), source.migrationFile(), migrationDigest,
                    source.checkpointFile(), chain, checkpointDigest, checkpointDigest, source.downAccepted(),
                    source.roles()));
        }
        return new SchemaLock(SchemaLock.LOCK_VERSION, SchemaLock.HASH_ALGORITHM, SchemaLock.canonicalizer(engine), engine,
                target, ArtifactNames.SCHEMA_FILE, ArtifactNames.MIGRATIONS_DIR, ArtifactNames.CHECKPOINTS_DIR,
                steps.size(), chain, Digests.sqlDigest(schemaText), steps);
    }
}
