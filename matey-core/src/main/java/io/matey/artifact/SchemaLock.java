package io.matey.artifact;

import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.ServerProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code schema.lock.toml}, field for field as Python matey writes it.
 *
 * @param replayServer the replay's server and scratch database defaults ({@code replay_*} keys, which Matey adds
 *                     for engines whose dumps depend on them, docs/architecture.md §4); null where the lock has none
 */
public record SchemaLock(
        int lockVersion,
        String hashAlgorithm,
        String canonicalizer,
        String engine,
        String target,
        String schemaFile,
        String migrationsDir,
        String checkpointsDir,
        int headIndex,
        String headChainHash,
        String headSchemaDigest,
        List<LockStep> steps,
        ServerProfile replayServer) {

    public static final int LOCK_VERSION = 0;
    public static final String HASH_ALGORITHM = "blake2b-256";
    /**
     * The format of {@code schema.sql} and the checkpoints: Matey's own catalog dumps (docs/architecture.md §5). Only a
     * label, never digested, so a lock stays byte-compatible with Python matey's layout ({@link ForeignArtifacts}).
     */
    public static final String CANONICALIZER = Engine.FIRST_CANONICALIZER;

    /** The format this release writes for {@code engine}'s artifacts ({@link Engine#canonicalizer()}). */
    public static String canonicalizer(String engine) {
        return Engines.find(engine).map(Engine::canonicalizer).orElse(CANONICALIZER);
    }

    public SchemaLock {
        steps = List.copyOf(steps);
    }

    /** A lock without {@code replay_*} keys. */
    public SchemaLock(int lockVersion, String hashAlgorithm, String canonicalizer, String engine, String target,
            String schemaFile, String migrationsDir, String checkpointsDir, int headIndex, String headChainHash,
            String headSchemaDigest, List<LockStep> steps) {
        this(lockVersion, hashAlgorithm, canonicalizer, engine, target, schemaFile, migrationsDir, checkpointsDir,
                headIndex, headChainHash, headSchemaDigest, steps, null);
    }

    /** This lock recording {@code server} as its replay's, or none when null. */
    public SchemaLock withReplayServer(ServerProfile server) {
        return new SchemaLock(lockVersion, hashAlgorithm, canonicalizer, engine, target, schemaFile, migrationsDir,
                checkpointsDir, headIndex, headChainHash, headSchemaDigest, steps, server);
    }

    /**
     * The roles steps 1..{@code index} record their migrations create ({@link LockStep#roles}), each with the file
     * of the first migration creating it: those a checkpoint of step {@code index} may name.
     */
    public Map<String, String> rolesThrough(int index) {
        Map<String, String> roles = new LinkedHashMap<>();
        for (LockStep step : steps) {
            if (step.index() <= index) {
                step.roles().forEach(role -> roles.putIfAbsent(role, step.migrationFile()));
            }
        }
        return roles;
    }
}
