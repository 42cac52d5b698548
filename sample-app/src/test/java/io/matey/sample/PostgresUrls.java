package io.matey.sample;

import io.matey.engine.MateyUrl;
import io.matey.testing.TestDatabase;

/** The JDBC URL an application would configure for a test database given as a Matey URL. */
final class PostgresUrls {

    private PostgresUrls() {
    }

    static String jdbcUrl(TestDatabase db) {
        MateyUrl url = db.url();
        return "jdbc:postgresql://" + url.host() + ":" + (url.port() > 0 ? url.port() : 5432) + "/" + url.path();
    }
}
