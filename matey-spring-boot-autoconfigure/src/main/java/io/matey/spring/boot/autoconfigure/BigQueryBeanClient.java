package io.matey.spring.boot.autoconfigure;

import com.google.cloud.bigquery.BigQuery;
import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.engine.bigquery.BigQueryEngine;
import io.matey.engine.bigquery.BigQueryUrl;
import io.matey.live.LiveEndpoint;
import io.matey.log.DebugLog;
import java.util.Optional;

/**
 * The application's {@link BigQuery} bean (spring-cloud-gcp's, or its own) as the client of the {@code bigquery}
 * targets in the bean's project: their sessions use the bean's credentials, job project, location and retries
 * rather than Application Default Credentials. A target in another project keeps the engine's own client, as the
 * {@code matey} app reaches it, so the bean never runs jobs for a project it was not configured for; emulator
 * targets name their host and keep theirs.
 */
final class BigQueryBeanClient implements ApplicationClient {

    private final String project;
    private final Engine connector;

    BigQueryBeanClient(BigQuery bean) {
        this.project = bean.getOptions().getProjectId();
        this.connector = new BigQueryEngine(false, url -> bean);
    }

    @Override
    public String engine() {
        return connector.id();
    }

    @Override
    public Optional<LiveEndpoint> endpoint(MateyUrl url) {
        if (!Engines.normalizeId(url.scheme()).equals(connector.id()) || !BigQueryUrl.of(url).project().equals(project)) {
            return Optional.empty();
        }
        DebugLog.log(BigQueryBeanClient.class, () -> url + " connects through the application's BigQuery bean");
        return Optional.of(LiveEndpoint.of(url, connector));
    }
}
