package io.matey.artifact;

import static io.matey.artifact.DiagnosticCode.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Parses {@code schema.lock.toml} and checks its own structure, before comparing it with anything. */
final class LockCheck {

    /** A parsed lock with the steps that survived the structural checks. */
    record CheckedLock(SchemaLock lock, List<LockStep> steps) {
    }

    private final List<Diagnostic> diagnostics;

    LockCheck(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    Optional<CheckedLock> check(Snapshot snapshot) {
        if (snapshot.lockFile().isEmpty()) {
            return Optional.empty();
        }
        SchemaLock lock;
        try {
            lock = LockFileCodec.parse(snapshot.lockFile().get());
        } catch (LockFileException e) {
            report(LOCKFILE_PARSE_ERROR, "Unable to parse lockfile: " + e.getMessage());
            return Optional.empty();
        }
        checkHeader(lock);
        ForeignArtifacts.reason(lock, snapshot).ifPresent(reason -> report(LOCKFILE_CANONICALIZER_MISMATCH, reason));
        return Optional.of(new CheckedLock(lock, checkSteps(lock.steps())));
    }

    private void checkHeader(SchemaLock lock) {
        if (lock.lockVersion() != SchemaLock.LOCK_VERSION) {
            report(LOCKFILE_VERSION_MISMATCH, "lock_version is " + lock.lockVersion() + "; expected "
                    + SchemaLock.LOCK_VERSION + ".");
        }
        expect(LOCKFILE_HASH_ALGORITHM_MISMATCH, "hash_algorithm", lock.hashAlgorithm(), SchemaLock.HASH_ALGORITHM);
        expect(LOCKFILE_SCHEMA_PATH_MISMATCH, "schema_file", lock.schemaFile(), ArtifactNames.SCHEMA_FILE);
        expect(LOCKFILE_MIGRATIONS_PATH_MISMATCH, "migrations_dir", lock.migrationsDir(),
                ArtifactNames.MIGRATIONS_DIR);
        expect(LOCKFILE_CHECKPOINTS_PATH_MISMATCH, "checkpoints_dir", lock.checkpointsDir(),
                ArtifactNames.CHECKPOINTS_DIR);
    }

    /** Drops steps that cannot be compared (bad paths, duplicates) so coherence checks see a usable list. */
    private List<LockStep> checkSteps(List<LockStep> steps) {
        List<LockStep> kept = new ArrayList<>();
        Set<String> files = new HashSet<>();
        Set<Integer> indexes = new HashSet<>();
        for (LockStep step : steps) {
            String name = "Step " + step.index();
            if (!RelativePath.isCanonical(step.migrationFile()) || !RelativePath.isCanonical(step.checkpointFile())) {
                report(LOCKFILE_STEP_PATH_INVALID, name + " has an invalid path ('" + step.migrationFile() + "', '"
                        + step.checkpointFile() + "'); step ignored.");
            } else if (!step.migrationFile().startsWith(ArtifactNames.MIGRATIONS_DIR + "/")
                    || !step.checkpointFile().startsWith(ArtifactNames.CHECKPOINTS_DIR + "/")) {
                report(LOCKFILE_STEP_PATH_MISMATCH, name + " paths ('" + step.migrationFile() + "', '"
                        + step.checkpointFile() + "') are not under migrations/ and checkpoints/; step ignored.");
            } else if (!files.add(step.migrationFile())) {
                report(LOCKFILE_DUPLICATE_MIGRATION, name + " repeats migration '" + step.migrationFile()
                        + "'; step ignored.");
            } else if (!indexes.add(step.index())) {
                report(LOCKFILE_DUPLICATE_STEP_INDEX, "Step index " + step.index()
                        + " appears more than once; later step ignored.");
            } else {
                kept.add(step);
            }
        }
        List<Integer> order = kept.stream().map(LockStep::index).toList();
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i) != i + 1) {
                report(LOCKFILE_STEP_INDEX_INVALID, "Step indexes are " + order + "; expected 1.." + order.size()
                        + " in order.");
                break;
            }
        }
        return kept;
    }

    private void expect(DiagnosticCode code, String key, String actual, String expected) {
        if (!actual.equals(expected)) {
            report(code, key + " is '" + actual + "'; expected '" + expected + "'.");
        }
    }

    private void report(DiagnosticCode code, String detail) {
        diagnostics.add(new Diagnostic(code, ArtifactNames.LOCK_FILE, detail));
    }
}
