package io.matey.engine.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Dataset;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableResult;
import io.matey.error.MateyException;
import java.util.ArrayList;
import java.util.List;

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

    /** The datasets of {@code project} whose names start with {@code prefix}, sorted. */
    static List<String> namesIn(BigQuery client, String project, String prefix) {
        List<String> names = new ArrayList<>();
        for (Dataset dataset : client.listDatasets(project).iterateAll()) {
            String name = dataset.getDatasetId().getDataset();
            if (name.startsWith(prefix)) {
                names.add(name);
            }
        }
        names.sort(null);
        return names;
    }

    public boolean exists() {
        return client.getDataset(id()) != null;
    }

    /** Whether the dataset holds a table (or view) of this name. */
    boolean hasTable(String name) {
        return client.getTable(TableId.of(url.project(), url.dataset(), name)) != null;
    }

    /**
     * Creates the dataset (in the URL's location) if it is missing, and says whether this call created it: of two
     * concurrent creations BigQuery refuses the second as a duplicate (409), which did not create it.
     */
    public boolean create() {
        if (exists()) {
            return false;
        }
        DatasetInfo.Builder info = DatasetInfo.newBuilder(id());
        url.location().ifPresent(info::setLocation);
        try {
            client.create(info.build());
            return true;
        } catch (BigQueryException e) {
            if (e.getCode() == 409) {
                return false;
            }
            throw e;
        }
    }

    /** Deletes the dataset with everything in it, if it exists. */
    public void drop() {
        client.delete(id(), BigQuery.DatasetDeleteOption.deleteContents());
    }

    /** Runs one GoogleSQL statement in the dataset and returns its result (empty for DDL). */
    public TableResult execute(String sql) {
        return execute(sql, List.of());
    }

    /** Runs one statement with values for its {@code ?} placeholders, in order. */
    TableResult execute(String sql, List<QueryParameterValue> parameters) {
        QueryJobConfiguration query = QueryJobConfiguration.newBuilder(sql).setUseLegacySql(false)
                .setDefaultDataset(id()).setPositionalParameters(parameters).build();
        try {
            return client.query(query);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MateyException("Interrupted while BigQuery ran a statement in " + url + ".");
        } catch (BigQueryException e) {
            throw new BigQueryStatementException(url, sql, e);
        }
    }

    /** The rows a DML statement's job changed, from its statistics; 0 for DDL. */
    long affectedRows(TableResult result) {
        if (result.getJobId() == null) {
            throw new MateyException("BigQuery ran a statement in " + url + " without a job, so its row count is unknown.");
        }
        try {
            Job job = client.getJob(result.getJobId());
            if (job == null) {
                throw new MateyException("BigQuery job " + result.getJobId().getJob() + " in " + url + " is gone, so the "
                        + "row count of its statement is unknown.");
            }
            Long rows = ((JobStatistics.QueryStatistics) job.getStatistics()).getNumDmlAffectedRows();
            return rows == null ? 0 : rows;
        } catch (BigQueryException e) {
            throw new MateyException("Cannot read the statistics of BigQuery job " + result.getJobId().getJob() + " in "
                    + url + ": " + e.getMessage(), e);
        }
    }
}
