package io.matey.lint;

import io.matey.artifact.LockState;
import io.matey.artifact.SchemaLock;
import io.matey.artifact.Snapshot;
import io.matey.engine.Engines;
import io.matey.migration.SqlDialect;
import io.matey.workspace.TargetConfig;
import java.util.List;
import java.util.Optional;

/**
 * Everything the rules read about one target.
 *
 * @param engine   the normalised engine the migrations are written for: the lock's (what replay used), else
 *                 {@code --engine}, else config.toml's, as Python matey prefers
 * @param provided the normalised engine the user gives: {@code --engine}, else config.toml's (L209 compares it
 *                 with the lock's)
 * @param dialect  the engine's SQL dialect; empty when the engine is unknown, and then no SQL rule runs
 */
record LintContext(TargetConfig target, String engine, String provided, Optional<SqlDialect> dialect,
        LockState lockState, List<MigrationFile> migrations) {

    static LintContext of(TargetConfig target, Snapshot snapshot, Optional<String> engineOption) {
        LockState lockState = LockState.of(snapshot);
        String provided = Engines.normalizeId(engineOption.orElse(target.engine()));
        String engine = lockState.lock().map(lock -> Engines.normalizeId(lock.engine())).orElse(provided);
        Optional<SqlDialect> dialect = EngineDialect.of(engine);
        List<MigrationFile> migrations = snapshot.migrations().entrySet().stream()
                .map(e -> new MigrationFile(e.getKey(), e.getValue(), dialect))
                .toList();
        return new LintContext(target, engine, provided, dialect, lockState, migrations);
    }

    Snapshot snapshot() {
        return lockState.snapshot();
    }

    List<MigrationFile> readableMigrations() {
        return migrations.stream().filter(MigrationFile::readable).toList();
    }

    boolean isEngine(String id) {
        return engine.equals(id);
    }
}
