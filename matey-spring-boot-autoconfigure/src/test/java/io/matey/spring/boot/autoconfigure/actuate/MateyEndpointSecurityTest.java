package io.matey.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * With the write operation enabled ({@code management.endpoint.matey.access=unrestricted}) in a web application
 * that has Spring Security, {@code POST /actuator/matey/{target}} follows the application's security like Boot's
 * other endpoints: anonymous 401, a user without the role 403, and only an admin migrates.
 */
class MateyEndpointSecurityTest {

    @TempDir
    Path dir;

    @Test
    void theWriteOperationFollowsTheApplicationsSecurity() throws Exception {
        try (ConfigurableApplicationContext app = SqliteApp.in(dir).start(
                "--management.endpoints.web.exposure.include=matey", "--management.endpoint.matey.access=unrestricted")) {
            String root = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            assertThat(post(root, null).statusCode()).isEqualTo(401);
            assertThat(post(root, "user:user").statusCode()).isEqualTo(403);
            assertThat(get(root).body()).as("nothing was migrated").contains("\"pending\":[\"migrations/001_one.sql\"]");
            HttpResponse<String> admin = post(root, "admin:admin");
            assertThat(admin.statusCode()).isEqualTo(200);
            assertThat(admin.body()).contains("\"applied\":1", "\"drift\":\"clean\"");
        }
    }

    private static HttpResponse<String> post(String root, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + "/actuator/matey/db/core"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String root) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root + "/actuator/matey/db/core"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class SecuredApplication {

        /** Reads are open; writes to actuator endpoints need the ADMIN role. */
        @Bean
        SecurityFilterChain security(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests
                    .requestMatchers(HttpMethod.POST, "/actuator/**").hasRole("ADMIN").anyRequest().permitAll())
                    .httpBasic(Customizer.withDefaults()).csrf(csrf -> csrf.disable()).build();
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager(User.withUsername("admin").password("{noop}admin").roles("ADMIN").build(),
                    User.withUsername("user").password("{noop}user").roles("USER").build());
        }
    }
}
