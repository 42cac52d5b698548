package io.matey.engine;

import io.matey.error.MateyException;
import io.matey.error.Reason;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The registered {@link EngineTooling}s by engine id (docs/architecture.md §3). */
public final class EngineToolings {

    private static final Map<String, EngineTooling> BY_ENGINE = load();

    private EngineToolings() {
    }

    /** The companion of {@code engine}; an engine without one is refused, naming it (it supports no tooling). */
    public static EngineTooling of(Engine engine) {
        EngineTooling tooling = BY_ENGINE.get(engine.id());
        if (tooling == null) {
            throw new MateyException(Reason.UNSUPPORTED, "The " + engine.id() + " engine has no command-line "
                    + "tooling (data sets, codegen): add its io.matey.engine.EngineTooling to "
                    + "META-INF/services of matey-tooling (docs/architecture.md §3).");
        }
        return tooling;
    }

    private static Map<String, EngineTooling> load() {
        Map<String, EngineTooling> byEngine = new HashMap<>();
        for (EngineTooling tooling : ServiceLoader.load(EngineTooling.class, EngineToolings.class.getClassLoader())) {
            EngineTooling clash = byEngine.put(tooling.engine(), tooling);
            if (clash != null) {
                throw new IllegalStateException("Two tooling plug-ins claim the " + tooling.engine() + " engine: "
                        + clash.getClass().getName() + " and " + tooling.getClass().getName() + ".");
            }
        }
        return Map.copyOf(byEngine);
    }
}
