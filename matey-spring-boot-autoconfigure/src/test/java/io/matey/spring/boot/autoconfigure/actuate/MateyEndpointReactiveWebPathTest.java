package io.matey.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * In a reactive application the actuator on the application's port is under {@code spring.webflux.base-path}, and
 * the servlet paths do not apply; a servlet application ignores the WebFlux base path, and a management port of its
 * own ignores both.
 */
class MateyEndpointReactiveWebPathTest {

    private static final String[] PROPERTIES = {"spring.webflux.base-path=/api/",
        "server.servlet.context-path=/shop", "spring.mvc.servlet.path=/app",
        "management.endpoints.web.base-path=/manage", "management.endpoints.web.path-mapping.matey=schema",
        "management.server.base-path=/ops"};

    @Test
    void reactiveApplicationsServeTheEndpointUnderTheWebFluxBasePath() {
        new ReactiveWebApplicationContextRunner().withPropertyValues(PROPERTIES)
                .run(reports("/api/manage/schema"));
        new ReactiveWebApplicationContextRunner().withPropertyValues(PROPERTIES)
                .withPropertyValues("spring.webflux.base-path=api")
                .run(reports("/api/manage/schema"));
        new ReactiveWebApplicationContextRunner().withPropertyValues(PROPERTIES)
                .withPropertyValues("management.server.port=8081")
                .run(reports("/ops/manage/schema"));
    }

    @Test
    void servletAndPlainApplicationsIgnoreTheWebFluxBasePath() {
        new WebApplicationContextRunner().withPropertyValues(PROPERTIES)
                .run(reports("/shop/app/manage/schema"));
        new ApplicationContextRunner().withPropertyValues(PROPERTIES)
                .run(reports("/shop/app/manage/schema"));
    }

    private static <C extends ApplicationContextAssertProvider<?>> ContextConsumer<C> reports(String path) {
        return context -> assertThat(MateyEndpointWebPath.of(context.getEnvironment())).isEqualTo(path);
    }
}
