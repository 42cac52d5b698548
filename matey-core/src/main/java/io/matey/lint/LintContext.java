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
 * @param engine  the normalised engine the migrations are written for: the lock's (what replay used), else
 *                config.toml's, as Python matey prefers
 * @param dialect the engine's SQL dialect; empty when the engine is unknown, and then no SQL rule runs
 */
record LintContext(TargetConfig target, String engine, Optional<SqlDialect> dialect, LockState lockState,
        List<MigrationFile> migrations) {

    static LintContext of(TargetConfig target, Snapshot snapshot) {
        LockState lockState = LockState.of(snapshot);
        String engine = Engines.normalizeId(lockState.lock().map(SchemaLock::engine).orElse(target.engine()));
        Optional<SqlDialect> dialect = EngineDialect.of(engine);
        List<MigrationFile> migrations = snapshot.migrations().entrySet().stream()
                .map(e -> new MigrationFile(e.getKey(), e.getValue(), dialect))
                .toList();
        return new LintContext(target, engine, dialect, lockState, migrations);
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
