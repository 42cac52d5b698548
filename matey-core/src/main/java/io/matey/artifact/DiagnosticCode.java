package io.matey.artifact;

/**
 * The stable diagnostic codes of Python matey (section 4.7), plus {@code input-lock-missing},
 * {@code input-conflict-markers}, {@code coherence-step-roles-mismatch}, {@code coherence-step-down-accepted-mismatch}
 * and {@code codegen-stale-file}.
 */
public enum DiagnosticCode {
    LOCKFILE_PARSE_ERROR("lockfile-parse-error"),
    LOCKFILE_VERSION_MISMATCH("lockfile-version-mismatch"),
    LOCKFILE_HASH_ALGORITHM_MISMATCH("lockfile-hash-algorithm-mismatch"),
    LOCKFILE_CANONICALIZER_MISMATCH("lockfile-canonicalizer-mismatch"),
    LOCKFILE_SCHEMA_PATH_MISMATCH("lockfile-schema-path-mismatch"),
    LOCKFILE_MIGRATIONS_PATH_MISMATCH("lockfile-migrations-path-mismatch"),
    LOCKFILE_CHECKPOINTS_PATH_MISMATCH("lockfile-checkpoints-path-mismatch"),
    LOCKFILE_STEP_PATH_INVALID("lockfile-step-path-invalid"),
    LOCKFILE_STEP_PATH_MISMATCH("lockfile-step-path-mismatch"),
    LOCKFILE_DUPLICATE_MIGRATION("lockfile-duplicate-migration"),
    LOCKFILE_DUPLICATE_STEP_INDEX("lockfile-duplicate-step-index"),
    LOCKFILE_STEP_INDEX_INVALID("lockfile-step-index-invalid"),
    INPUT_PATH_INVALID("input-path-invalid"),
    INPUT_PATH_DUPLICATE("input-path-duplicate"),
    INPUT_SCHEMA_MISSING("input-schema-missing"),
    /** Not in Python matey, which called such a target clean (its quirk 13). */
    INPUT_LOCK_MISSING("input-lock-missing"),
    INPUT_ORPHAN_CHECKPOINT("input-orphan-checkpoint"),
    /**
     * Not in Python matey: git merge conflict markers in a generated artifact. Not fatal: {@code schema apply}
     * regenerates the artifacts from the merged migrations ({@link ConflictCheck}).
     */
    INPUT_CONFLICT_MARKERS("input-conflict-markers"),
    COHERENCE_TARGET_MISMATCH("coherence-target-mismatch"),
    COHERENCE_HEAD_INDEX_MISMATCH("coherence-head-index-mismatch"),
    COHERENCE_HEAD_CHAIN_MISMATCH("coherence-head-chain-mismatch"),
    COHERENCE_SCHEMA_DIGEST_MISMATCH("coherence-schema-digest-mismatch"),
    COHERENCE_NEW_IN_INPUT("coherence-new-in-input"),
    COHERENCE_MISSING_FROM_INPUT("coherence-missing-from-input"),
    COHERENCE_STEP_INDEX_MISMATCH("coherence-step-index-mismatch"),
    COHERENCE_STEP_VERSION_MISMATCH("coherence-step-version-mismatch"),
    COHERENCE_MIGRATION_DIGEST_MISMATCH("coherence-migration-digest-mismatch"),
    COHERENCE_CHECKPOINT_MISMATCH("coherence-checkpoint-mismatch"),
    COHERENCE_CHECKPOINT_MISSING("coherence-checkpoint-missing"),
    COHERENCE_STEP_SCHEMA_MISMATCH("coherence-step-schema-mismatch"),
    COHERENCE_CHAIN_HASH_MISMATCH("coherence-chain-hash-mismatch"),
    /**
     * Not in Python matey: a step's {@code roles} differ from those its unchanged migration creates ({@code schema
     * status} only; {@code replay.StaleRoles}).
     */
    COHERENCE_STEP_ROLES_MISMATCH("coherence-step-roles-mismatch"),
    /**
     * Not in Python matey: a step's {@code down_accepted} differs from config.toml's {@code [inexact_downs]}
     * ({@code schema status} only; {@code replay.StaleAcceptances}).
     */
    COHERENCE_STEP_DOWN_ACCEPTED_MISMATCH("coherence-step-down-accepted-mismatch"),
    /**
     * Not in Python matey: a generated file the codegen configuration no longer produces ({@code schema status}
     * only; live commands do not depend on models).
     */
    CODEGEN_STALE_FILE("codegen-stale-file");

    private final String id;

    DiagnosticCode(String id) {
        this.id = id;
    }

    /** The code as users see it, e.g. {@code lockfile-parse-error}. */
    public String id() {
        return id;
    }

    /**
     * Fatal codes stop even {@code schema plan|apply}: a broken lock or unreadable inputs cannot be replayed
     * from, and a lock of another target cannot be trusted. Everything else is what apply exists to fix; foreign
     * artifacts ({@link ForeignArtifacts}) are what {@code apply --clean} fixes.
     */
    public boolean isFatal() {
        return id.startsWith("lockfile-") && this != LOCKFILE_CANONICALIZER_MISMATCH || this == INPUT_PATH_INVALID
                || this == INPUT_PATH_DUPLICATE
                || this == COHERENCE_TARGET_MISMATCH;
    }

    @Override
    public String toString() {
        return id;
    }
}
