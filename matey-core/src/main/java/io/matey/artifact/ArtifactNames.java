package io.matey.artifact;

/** The fixed names inside a target. The lock records the first four, so they cannot be configured. */
public final class ArtifactNames {

    public static final String SCHEMA_FILE = "schema.sql";
    public static final String MIGRATIONS_DIR = "migrations";
    public static final String CHECKPOINTS_DIR = "checkpoints";
    public static final String LOCK_FILE = "schema.lock.toml";

    private ArtifactNames() {
    }
}
