package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code bigquery://} target without Application Default Credentials says how to get them, once, before any
 * request: no NullPointerException text from the client. The environment names no key file, an empty gcloud
 * configuration and no metadata server, so no network is asked.
 */
class BigQueryCredentialsTest {

    private static final String ADVICE = "no Application Default Credentials found (Your default credentials were not "
            + "found.";
    private static final String CURE = "Run `gcloud auth application-default login`, or set "
            + "GOOGLE_APPLICATION_CREDENTIALS to a service account key file.";

    @TempDir
    Path dir;

    @Test
    void liveAndTestTargetsWithoutCredentialsSayHowToGetThem() throws Exception {
        Path gcloud = Files.createDirectory(dir.resolve("gcloud"));
        Path ws = Files.createDirectory(dir.resolve("ws"));
        Map<String, String> env = Map.of("GOOGLE_APPLICATION_CREDENTIALS", "", "CLOUDSDK_CONFIG", gcloud.toString(),
                "NO_GCE_CHECK", "true", "DATABASE_URL", "bigquery://my-proj/us/app",
                "TEST_DATABASE_URL", "bigquery://my-proj/scratch");
        assertThat(MateyProcess.run(ws, env, "init", "--engine", "bigquery").exitCode()).isZero();

        MateyProcess.Result status = MateyProcess.run(ws, env, "db", "status");
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.stderr()).startsWith("error: Cannot connect to bigquery://my-proj/us/app: " + ADVICE)
                .contains(CURE).doesNotContain("NullPointerException");
        assertThat(status.stderr().lines().count()).as(status.stderr()).isEqualTo(1);

        Files.writeString(ws.resolve("migrations/001_a.sql"), "-- migrate:up\nCREATE TABLE a (id INT64);\n\n"
                + "-- migrate:down\nDROP TABLE a;\n");
        MateyProcess.Result plan = MateyProcess.run(ws, env, "schema", "plan");
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.stderr()).startsWith("error: Cannot connect to bigquery://my-proj/").contains(ADVICE, CURE)
                .doesNotContain("NullPointerException", "could not collect leftover");
        assertThat(plan.stderr().lines().count()).as(plan.stderr()).isEqualTo(1);

        Map<String, String> missingFile = new HashMap<>(env);
        missingFile.put("GOOGLE_APPLICATION_CREDENTIALS", dir.resolve("missing.json").toString());
        MateyProcess.Result named = MateyProcess.run(ws, missingFile, "db", "status");
        assertThat(named.exitCode()).isEqualTo(2);
        assertThat(named.stderr()).contains("GOOGLE_APPLICATION_CREDENTIALS", "missing.json", "File does not exist", CURE);
    }
}
