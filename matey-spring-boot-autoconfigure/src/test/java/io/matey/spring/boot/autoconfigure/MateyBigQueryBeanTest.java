package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.TableId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A web application with a {@link BigQuery} bean (as spring-cloud-gcp defines one) and, beside it, a SQLite
 * DataSource for its other data: the BigQuery primary target migrates on start-up and is verified through the bean,
 * not through the DataSource or a client Matey builds, and {@code /actuator/matey} and health report it.
 */
class MateyBigQueryBeanTest {

    @TempDir
    Path dir;

    @Test
    void theBigQueryBeanMigratesAndVerifiesThePrimaryTargetAndActuatorReportsIt() throws Exception {
        String jdbcUrl = "jdbc:sqlite:" + dir.resolve("app.sqlite3");
        DriverManager.getConnection(jdbcUrl).close();
        try (BigQueryTarget target = new BigQueryTarget(dir)) {
            int before = target.double_.calls().size();
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BigQueryApplication.class)
                    .initializers(context -> ((GenericApplicationContext) context).registerBean("bigQuery",
                            BigQuery.class, () -> target.bean))
                    .run("--server.port=0", "--spring.datasource.url=" + jdbcUrl, "--matey.workspace=" + target.ws.root(),
                            "--matey.migrate-on-startup=true", "--DB_CORE_DATABASE_URL=" + BigQueryTarget.URL,
                            "--management.endpoints.web.exposure.include=matey,health",
                            "--management.endpoint.health.show-details=always",
                            // Flyway and Liquibase are on the test class path for MateyOtherMigrationToolsTest only
                            "--spring.flyway.enabled=false", "--spring.liquibase.enabled=false",
                            "--spring.autoconfigure.exclude=" + BootLine.HIBERNATE_JPA.getName() + ","
                                    + BootLine.DATA_JPA_REPOSITORIES.getName())) {
                assertThat(target.callsSince(before)).as("the bean's client ran the migrations and the check")
                        .anyMatch(call -> call.startsWith("POST /bigquery/v2/projects/project/queries"))
                        .anyMatch(call -> call.startsWith("GET /bigquery/v2/projects/project/datasets/dataset"));
                assertThat(target.bean.getTable(TableId.of("project", "dataset", "kinds"))).isNotNull();

                String root = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
                HttpResponse<String> matey = get(root + "/actuator/matey");
                assertThat(matey.statusCode()).isEqualTo(200);
                assertThat(matey.body()).contains("\"target\":\"db/core\"", "\"engine\":\"bigquery\"",
                        "\"connection\":\"" + BigQueryTarget.URL + "\"", "\"head\":2", "\"applied\":2",
                        "\"pending\":[]", "\"drift\":\"clean\"");
                HttpResponse<String> health = get(root + "/actuator/health");
                assertThat(health.statusCode()).isEqualTo(200);
                JsonNode component = new ObjectMapper().readTree(health.body()).path("components").path("matey");
                assertThat(component.path("status").asText()).isEqualTo("UP");
                assertThat(component.path("details").path("db/core").path("connection").asText())
                        .isEqualTo(BigQueryTarget.URL);
                assertThat(component.path("details").path("db/core").path("applied").asInt()).isEqualTo(2);
            }
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class BigQueryApplication {

        /** The test classpath has Spring Security: the actuator stays open here. */
        @Bean
        SecurityFilterChain security(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
    }
}
