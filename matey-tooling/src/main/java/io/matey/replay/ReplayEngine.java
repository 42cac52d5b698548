package io.matey.replay;

import io.matey.artifact.LockState;
import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.workspace.EnvNames;
import io.matey.workspace.TargetConfig;
import java.util.Map;

/**
 * The engine a replay runs on and the server its scratch databases live on: the target's configured engine,
 * checked against the test URL and the lock, and the test URL ({@code --test-url}, else {@code test_url_env})
 * or the engine's default scratch place (a temporary directory for SQLite).
 */
public record ReplayEngine(Engine engine, MateyUrl scratchBase) {

    public static ReplayEngine resolve(TargetConfig target, ReplayOptions options, LockState state,
            Map<String, String> env) {
        Engine engine = target.knownEngine();
        String testUrl = EnvNames.testUrl(target, options.testUrl(), env);
        MateyUrl base = null;
        if (testUrl != null) {
            base = MateyUrl.parse(testUrl);
            Engine urlEngine = Engines.forUrl(base);
            if (!urlEngine.id().equals(engine.id())) {
                throw new MateyException("Replay engine mismatch: " + target.configFile() + " says engine '"
                        + engine.id() + "', but the test URL " + base + " is " + urlEngine.id() + ".");
            }
        }
        state.lock().map(lock -> Engines.normalizeId(lock.engine())).filter(id -> !id.equals(engine.id()))
                .filter(id -> !options.clean())
                .ifPresent(id -> {
                    throw new MateyException("Replay engine mismatch: schema.lock.toml was written for '" + id
                            + "', but " + target.configFile() + " says '" + engine.id()
                            + "'. Re-run with --clean to regenerate the artifacts for " + engine.id() + ".");
                });
        if (base == null) {
            base = engine.defaultScratchBase().orElseThrow(() -> new MateyException(engine.id()
                    + " scratch databases need a server: pass --test-url or set " + target.testUrlEnv()
                    + " (a URL of a server where Matey may create and drop databases)."));
        }
        return new ReplayEngine(engine, base);
    }
}
