package io.matey.engine;

import io.matey.codegen.CodegenDialect;
import io.matey.data.DataDialect;
import io.matey.error.MateyException;
import io.matey.error.Reason;

/**
 * An engine's command-line companions, which applications do not ship (docs/architecture.md §3): data sets and
 * codegen. One per engine, in the engine's own package of matey-tooling, found through
 * {@code META-INF/services/io.matey.engine.EngineTooling} and keyed by {@link Engine#id()} ({@link EngineToolings}).
 */
public interface EngineTooling {

    /** The {@link Engine#id()} this companion serves. */
    String engine();

    /**
     * How data sets are exported and applied on this engine (docs/architecture.md §3). An engine without data
     * support keeps this default, which refuses clearly.
     */
    default DataDialect data() {
        throw new MateyException(Reason.UNSUPPORTED, "Data sets are not supported on the " + engine() + " engine.");
    }

    /**
     * What codegen needs from this engine: the schema reader and the engine's halves of the type maps
     * (docs/architecture.md §3). Fails for an engine that has none, never falling back to another's.
     */
    default CodegenDialect codegen() {
        throw new MateyException(Reason.UNSUPPORTED, "Codegen does not support the " + engine() + " engine.");
    }
}
