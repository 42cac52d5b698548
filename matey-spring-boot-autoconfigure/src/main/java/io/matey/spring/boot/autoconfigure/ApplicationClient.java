package io.matey.spring.boot.autoconfigure;

import io.matey.engine.MateyUrl;
import io.matey.live.LiveEndpoint;
import java.util.Optional;

/**
 * A client the application configured for one engine (its BigQuery bean, {@link BigQueryBeanClient}), through which
 * that engine's targets connect instead of through a client the engine builds. It serves the targets of one
 * application context only: nothing is installed JVM-wide (docs/architecture.md §8).
 */
interface ApplicationClient {

    /** The id of the engine whose targets this client may serve. */
    String engine();

    /** The endpoint of {@code url} through this client; empty where the client does not serve it. */
    Optional<LiveEndpoint> endpoint(MateyUrl url);
}
