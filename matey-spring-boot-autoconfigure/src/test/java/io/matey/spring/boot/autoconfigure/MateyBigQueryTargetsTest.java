package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.bigquery.BigQuery;
import io.matey.engine.MateyUrl;
import io.matey.live.LiveEndpoint;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which targets an application's BigQuery bean serves, and when the starter looks for one at all. */
class MateyBigQueryTargetsTest {

    @TempDir
    Path dir;

    @Test
    void aBigQueryBeanAloneIsTheDatabaseMateyNeedsAndServesTheTargetsUrl() throws Exception {
        try (BigQueryTarget target = new BigQueryTarget(dir)) {
            int before = target.double_.calls().size();
            new ApplicationContextRunner().withConfiguration(BootLine.of(MateyAutoConfiguration.class))
                    .withBean(BigQuery.class, () -> target.bean)
                    .withPropertyValues("matey.workspace=" + target.ws.root(), "matey.migrate-on-startup=true",
                            "DB_CORE_DATABASE_URL=" + BigQueryTarget.URL)
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(ApplicationClient.class);
                        TargetReport report = context.getBean(MateyReports.class).find("db/core").orElseThrow();
                        assertThat(report.applied()).isEqualTo(2);
                        assertThat(report.drift()).isEqualTo(TargetReport.CLEAN);
                        assertThat(report.connection()).isEqualTo(BigQueryTarget.URL);
                        assertThat(target.callsSince(before)).as("through the bean")
                                .anyMatch(call -> call.startsWith("POST /bigquery/v2/projects/project/"));
                    });
        }
    }

    @Test
    void theBeanServesTheBigQueryUrlsOfItsProjectOnly() throws Exception {
        try (BigQueryTarget target = new BigQueryTarget(dir)) {
            BigQueryBeanClient client = new BigQueryBeanClient(target.bean);
            LiveEndpoint endpoint = client.endpoint(MateyUrl.parse(BigQueryTarget.URL)).orElseThrow();
            int before = target.double_.calls().size();
            assertThat(endpoint.exists()).isTrue();
            assertThat(target.callsSince(before)).containsExactly("GET /bigquery/v2/projects/project/datasets/dataset");
            assertThat(endpoint.engine().id()).isEqualTo("bigquery");
            assertThat(endpoint).hasToString(BigQueryTarget.URL);
            assertThat(client.endpoint(MateyUrl.parse("bigquery://project/eu/other_dataset"))).isPresent();

            assertThat(client.endpoint(MateyUrl.parse("bigquery://another-project/dataset"))).isEmpty();
            assertThat(client.endpoint(MateyUrl.parse("bigquery-emulator://127.0.0.1:9050/project/dataset"))).isEmpty();
            assertThat(client.endpoint(MateyUrl.parse("postgres://postgres@127.0.0.1:5432/project"))).isEmpty();
        }
    }

    @Test
    void withoutGooglesClientOrWithTwoBigQueryBeansNoBeanServesATarget() throws Exception {
        SqliteWorkspace workspace = new SqliteWorkspace(dir);
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(BootLine.of(BootLine.DATA_SOURCE, MateyAutoConfiguration.class))
                .withPropertyValues(workspace.properties());
        runner.withClassLoader(new FilteredClassLoader("com.google.cloud.bigquery")).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(MateyTargets.class);
            assertThat(context).doesNotHaveBean(ApplicationClient.class);
        });
        try (BigQueryTarget target = new BigQueryTarget(dir.resolve("bq"))) {
            runner.withBean("one", BigQuery.class, () -> target.bean).withBean("two", BigQuery.class, () -> target.bean)
                    .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ApplicationClient.class));
        }
    }
}
