package io.matey.spring.boot.autoconfigure;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.DatasetInfo;
import io.matey.engine.MateyUrl;
import io.matey.engine.bigquery.BigQueryUrl;
import io.matey.testing.TestWorkspace;
import io.matey.testing.bigquery.BigQueryRestDouble;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A BigQuery target {@code db/core} (two migrations, artifacts built on the test matrix's BigQuery server) and an
 * application's {@link BigQuery} bean on a {@link BigQueryRestDouble} of its own: only the bean reaches that double,
 * so the calls it serves are the bean's.
 */
final class BigQueryTarget implements AutoCloseable {

    /** The live dataset, in the bean's project. */
    static final String URL = "bigquery://project/dataset";

    final TestWorkspace ws;
    final BigQueryRestDouble double_;
    final BigQuery bean;

    /** Also creates the live dataset: {@code migrate-on-startup} migrates, it never creates. */
    BigQueryTarget(Path dir) throws IOException {
        ws = new TestWorkspace(dir.resolve("ws"), "bigquery");
        ws.migration("001_events.sql", "CREATE TABLE events (id INT64 NOT NULL, kind STRING);", "DROP TABLE events;");
        ws.migration("002_kinds.sql", "CREATE TABLE kinds (kind STRING);", "DROP TABLE kinds;");
        ws.apply();
        double_ = new BigQueryRestDouble();
        bean = clientFor(URL);
        bean.create(DatasetInfo.of("dataset"));
    }

    /** A client of the double, configured for {@code url}'s project as an application configures its bean. */
    BigQuery clientFor(String url) {
        return double_.clients().client(BigQueryUrl.of(MateyUrl.parse(url)));
    }

    /** The calls the double served after the first {@code from}. */
    List<String> callsSince(int from) {
        List<String> calls = double_.calls();
        return calls.subList(from, calls.size());
    }

    @Override
    public void close() {
        double_.close();
    }
}
