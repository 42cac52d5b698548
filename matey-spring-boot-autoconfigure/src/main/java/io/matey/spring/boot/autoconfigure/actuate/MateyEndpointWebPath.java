package io.matey.spring.boot.autoconfigure.actuate;

import java.util.Set;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The web path of the matey endpoint as Boot maps it ({@code /actuator/matey} by default), read through Boot's own
 * property types, so that messages name the path the application serves: {@code management.server.base-path} when
 * the actuator has its own port (Boot ignores it otherwise); on the application's port, the servlet context path
 * ({@code server.servlet.context-path}) and the dispatcher servlet's path ({@code spring.mvc.servlet.path}), which
 * the actuator's endpoints are mapped under there, or in a reactive application WebFlux's
 * {@code spring.webflux.base-path} instead; then {@code management.endpoints.web.base-path} and
 * {@code management.endpoints.web.path-mapping.matey}. The properties are bound here rather than taken as beans:
 * the start-up's messages need the path before, or without, the actuator's web configuration. The servlet and
 * WebFlux properties are bound as strings, and the reactive environment is known by its interface's name: their
 * classes moved between the Boot lines this module compiles for.
 */
public final class MateyEndpointWebPath {

    /** The reactive web environment's interface on Boot 4 and on Boot 3.5. */
    private static final Set<String> REACTIVE_ENVIRONMENT = Set.of(
            "org.springframework.boot.web.context.reactive.ConfigurableReactiveWebEnvironment",
            "org.springframework.boot.web.reactive.context.ConfigurableReactiveWebEnvironment");

    private MateyEndpointWebPath() {
    }

    public static String of(Environment environment) {
        Binder binder = Binder.get(environment);
        WebEndpointProperties web = binder.bind("management.endpoints.web", WebEndpointProperties.class)
                .orElseGet(WebEndpointProperties::new);
        String server = ManagementPortType.get(environment) != ManagementPortType.DIFFERENT
                ? applicationPrefix(environment, binder)
                : binder.bind("management.server", ManagementServerProperties.class)
                        .map(ManagementServerProperties::getBasePath).orElse("");
        String endpoint = web.getPathMapping().getOrDefault(MateyEndpoint.ID, MateyEndpoint.ID);
        // Boot's getters drop a trailing slash, and a base path of "/" is empty (the endpoint at the root).
        return server + web.getBasePath() + "/" + endpoint;
    }

    /** What the application's port maps the actuator under: WebFlux's base path, or the servlet's two paths. */
    private static String applicationPrefix(Environment environment, Binder binder) {
        if (ClassUtils.getAllInterfacesForClassAsSet(environment.getClass()).stream().map(Class::getName)
                .anyMatch(REACTIVE_ENVIRONMENT::contains)) {
            // Boot's WebFluxProperties adds a missing leading slash; the servlet properties must have one.
            String basePath = pathPrefix(binder, "spring.webflux.base-path");
            return basePath.isEmpty() || basePath.startsWith("/") ? basePath : "/" + basePath;
        }
        return pathPrefix(binder, "server.servlet.context-path") + pathPrefix(binder, "spring.mvc.servlet.path");
    }

    /** A path property as Boot applies it: without its trailing slash, so {@code /} is the root, empty. */
    private static String pathPrefix(Binder binder, String property) {
        String path = binder.bind(property, String.class).orElse("");
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
