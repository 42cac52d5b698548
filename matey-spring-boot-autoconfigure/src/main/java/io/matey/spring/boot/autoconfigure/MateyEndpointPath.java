package io.matey.spring.boot.autoconfigure;

import io.matey.spring.boot.autoconfigure.actuate.MateyEndpoint;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The web path of the matey endpoint, for start-up log lines that point at a target's diff. The endpoint bean
 * exists only when Boot makes it available (its access and exposure), so its presence answers whether to point
 * there.
 */
public final class MateyEndpointPath {

    private static final String ACTUATOR = "org.springframework.boot.actuate.endpoint.annotation.Endpoint";

    private MateyEndpointPath() {
    }

    /** @return {@code /actuator/matey} (per {@code management.endpoints.web.base-path}), or null when not exposed */
    static String of(ListableBeanFactory beanFactory, Environment environment) {
        // Without the actuator the endpoint class cannot be used: ask about it only when the actuator is there.
        if (!ClassUtils.isPresent(ACTUATOR, MateyEndpointPath.class.getClassLoader())
                || beanFactory.getBeanNamesForType(MateyEndpoint.class, false, false).length == 0) {
            return null;
        }
        return webPath(environment);
    }

    /** @return {@code /actuator/matey} per {@code management.endpoints.web.base-path}, exposed or not */
    public static String webPath(Environment environment) {
        String base = environment.getProperty("management.endpoints.web.base-path", "/actuator");
        return (base.endsWith("/") ? base : base + "/") + "matey";
    }
}
