package io.matey.engine.bigquery;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;

/**
 * Builds the official client for a target (docs/architecture.md §3): Application Default Credentials against
 * Google for {@code bigquery://}, no credentials against the URL's host for {@code bigquery-emulator://}.
 */
@FunctionalInterface
public interface BigQueryClients {

    BigQuery client(BigQueryUrl url);

    /** What users run: the URL decides the host and the credentials. */
    BigQueryClients DEFAULT = url -> {
        BigQueryOptions.Builder options = BigQueryOptions.newBuilder().setProjectId(url.project());
        url.location().ifPresent(options::setLocation);
        if (url.emulator()) {
            options.setHost("http://" + url.endpoint()).setCredentials(NoCredentials.getInstance());
        } else {
            options.setCredentials(ApplicationDefaultCredentials.of(url));
        }
        return options.build().getService();
    };
}
