package io.matey.engine.bigquery;

import com.google.cloud.bigquery.BigQueryException;

/** A statement BigQuery refused, with the dataset and the statement's first line in the message. */
public final class BigQueryStatementException extends RuntimeException {

    private static final int SUMMARY = 120;

    BigQueryStatementException(BigQueryUrl url, String sql, BigQueryException cause) {
        super("BigQuery refused a statement in " + url + ": " + cause.getMessage() + " (statement: '" + summary(sql) + "')",
                cause);
    }

    private static String summary(String sql) {
        String line = sql.strip().replaceAll("\\s+", " ");
        return line.length() > SUMMARY ? line.substring(0, SUMMARY - 3) + "..." : line;
    }
}
