package io.matey.sample;

import static io.matey.sample.SampleProcess.cast;
import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.MateyUrl;
import io.matey.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged sample application with its {@code postgres} and {@code mariadb} profiles on fresh databases. */
class SampleAppServersIT {

    @TempDir
    Path dir;

    @Test
    void migratesAndVerifiesOnPostgres() throws Exception {
        try (TestDatabase db = TestDatabase.create("postgres");
                SampleProcess app = SampleProcess.start(dir, "spring.profiles.active=postgres",
                        "spring.datasource.url=" + jdbcUrl("postgresql", db.url(), 5432),
                        "spring.datasource.username=" + db.url().user())) {
            assertAtHead(app, "postgres", "postgres://" + db.url().user() + "@" + db.url().host() + ":5432/"
                    + db.url().path());
        }
    }

    @Test
    void migratesAndVerifiesOnMariadb() throws Exception {
        try (TestDatabase db = TestDatabase.create("mysql");
                SampleProcess app = SampleProcess.start(dir, "spring.profiles.active=mariadb",
                        "spring.datasource.url=" + jdbcUrl("mariadb", db.url(), 3306),
                        "spring.datasource.username=" + db.url().user())) {
            // MariaDB's driver reports its URL without the default port
            assertAtHead(app, "mysql", "mysql://" + db.url().user() + "@" + db.url().host() + "/" + db.url().path());
        }
    }

    private static void assertAtHead(SampleProcess app, String target, String connection) {
        List<Map<String, Object>> targets = cast(app.json("/actuator/matey").get("targets"));
        assertThat(targets.get(0)).containsEntry("target", target).containsEntry("connection", connection)
                .containsEntry("applied", 3).containsEntry("head", 3).containsEntry("drift", "clean");
        Map<String, Object> matey = SampleProcess.component(app.json("/actuator/health"), "matey");
        assertThat(matey).containsEntry("status", "UP");
    }

    /** The JDBC URL an application configures for a test database given as a Matey URL. */
    static String jdbcUrl(String scheme, MateyUrl url, int defaultPort) {
        return "jdbc:" + scheme + "://" + url.host() + ":" + (url.port() > 0 ? url.port() : defaultPort) + "/" + url.path();
    }
}
