package io.matey.spring.boot.autoconfigure;

import io.matey.live.LiveEndpoint;
import io.matey.workspace.TargetConfig;

/** A workspace target this application manages, and where its live database is reached. */
public record ManagedTarget(TargetConfig config, LiveEndpoint endpoint) {

    /** The target path, such as {@code .} or {@code db/core}. */
    public String name() {
        return config.name();
    }
}
