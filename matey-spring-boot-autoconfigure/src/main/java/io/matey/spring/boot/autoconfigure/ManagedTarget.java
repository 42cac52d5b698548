package io.matey.spring.boot.autoconfigure;

import io.matey.live.LiveEndpoint;
import io.matey.workspace.TargetConfig;

/**
 * A workspace target this application manages, and where its live database is reached.
 *
 * @param source where the application got that connection ({@code the MateyConnectionDetails bean (...)},
 *               {@code matey.targets.[db/core].url}), which a refused login or an unreachable database names
 */
public record ManagedTarget(TargetConfig config, LiveEndpoint endpoint, String source) {

    /** The target path, such as {@code .} or {@code db/core}. */
    public String name() {
        return config.name();
    }
}
