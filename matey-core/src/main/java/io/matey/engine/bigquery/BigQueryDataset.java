package io.matey.engine.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.TableResult;
import io.matey.error.MateyException;

/**
 * The engine's session with one dataset: what a JDBC connection is to the other engines (docs/architecture.md
 * §3). Statements run as GoogleSQL query jobs whose default dataset is the target's, so unqualified names stay
 * inside it. Each statement takes effect on its own: BigQuery has no transactions across DDL.
 */
public final class BigQueryDataset {

    private final BigQuery client;
    private final BigQueryUrl url;

    BigQueryDataset(BigQuery client, BigQueryUrl url) {
        this.client = client;
        this.url = url;
    }

    public BigQueryUrl url() {
        return url;
    }

    BigQuery client() {
        return client;
    }

    DatasetId id() {
        return DatasetId.of(url.project(), url.dataset());
    }

    public boolean exists() {
        return client.getDataset(id()) != null;
    }

    /** Creates the dataset (in the URL's location) if it is missing. */
    public void create() {
        if (!exists()) {
            DatasetInfo.Builder info = DatasetInfo.newBuilder(id());
            url.location().ifPresent(info::setLocation);
            client.create(info.build());
        }
    }

    /** Deletes the dataset with everything in it, if it exists. */
    public void drop() {
        client.delete(id(), BigQuery.DatasetDeleteOption.deleteContents());
    }

    /** Runs one GoogleSQL statement in the dataset and returns its result (empty for DDL). */
    public TableResult execute(String sql) {
        QueryJobConfiguration query = QueryJobConfiguration.newBuilder(sql).setUseLegacySql(false)
                .setDefaultDataset(id()).build();
        try {
            return client.query(query);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MateyException("Interrupted while BigQuery ran a statement in " + url + ".");
        } catch (BigQueryException e) {
            throw new BigQueryStatementException(url, sql, e);
        }
    }
}
