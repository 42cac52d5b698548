package io.matey.lint;

import io.matey.artifact.LockState;
import io.matey.artifact.SchemaLock;
import io.matey.artifact.Snapshot;
import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.migration.SqlDialect;
import io.matey.workspace.TargetConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the rules read about one target.
 *
 * @param engine   the normalised engine the migrations are written for: the lock's (what replay used), else
 *                 {@code --engine}, else config.toml's, as Python matey prefers
 * @param provided the normalised engine the user gives: {@code --engine}, else config.toml's (L209 compares it
 *                 with the lock's)
 * @param plugin   the engine's plug-in; empty when this build has none, and then no SQL rule runs (L200)
 */
record LintContext(TargetConfig target, String engine, String provided, Optional<Engine> plugin,
        LockState lockState, List<MigrationFile> migrations) {

    static LintContext of(TargetConfig target, Snapshot snapshot, Optional<String> engineOption) {
        LockState lockState = LockState.of(snapshot);
        String provided = Engines.normalizeId(engineOption.orElse(target.engine()));
        String engine = lockState.lock().map(lock -> Engines.normalizeId(lock.engine())).orElse(provided);
        Optional<Engine> plugin = Engines.find(engine);
        Optional<SqlDialect> dialect = plugin.map(Engine::dialect);
        // A loop, not a stream: a sorted map's entry stream asks for Map.Entry.comparingByKey, which every process
        // would spin (docs/architecture.md §8).
        List<MigrationFile> migrations = new ArrayList<>();
        for (Map.Entry<String, byte[]> migration : snapshot.migrations().entrySet()) {
            migrations.add(new MigrationFile(migration.getKey(), migration.getValue(), dialect));
        }
        return new LintContext(target, engine, provided, plugin, lockState, List.copyOf(migrations));
    }

    Snapshot snapshot() {
        return lockState.snapshot();
    }

    List<MigrationFile> readableMigrations() {
        return migrations.stream().filter(MigrationFile::readable).toList();
    }

    /** The engine's SQL dialect; empty when this build has no plug-in for it. */
    Optional<SqlDialect> dialect() {
        return plugin.map(Engine::dialect);
    }

    /** The engine's facts for the SQL rules, which run only when the engine has a plug-in. */
    LintDialect facts() {
        return plugin.orElseThrow(() -> new IllegalStateException("SQL rules need an engine plug-in")).lint();
    }
}
