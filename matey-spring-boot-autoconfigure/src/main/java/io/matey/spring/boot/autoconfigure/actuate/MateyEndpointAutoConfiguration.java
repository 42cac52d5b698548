package io.matey.spring.boot.autoconfigure.actuate;

import io.matey.spring.boot.autoconfigure.MateyAutoConfiguration;
import io.matey.spring.boot.autoconfigure.MateyChecker;
import io.matey.spring.boot.autoconfigure.MateyEndpointPath;
import io.matey.spring.boot.autoconfigure.MateyTargets;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.PropertiesEndpointAccessResolver;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.EndpointAccessResolver;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * The {@code matey} actuator endpoint; its access follows {@code management.endpoint.matey.access} (read-only by
 * default) like every other endpoint's. An unrestricted endpoint in an application without Spring Security lets
 * anyone who reaches it run the migrations: that is logged at WARN once, when the endpoint is created.
 */
@AutoConfiguration(after = MateyAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(MateyEndpoint.class)
@ConditionalOnBean(MateyTargets.class)
public class MateyEndpointAutoConfiguration {

    private static final Log logger = LogFactory.getLog(MateyEndpointAutoConfiguration.class);

    /** Servlet and reactive Spring Security: either secures actuator endpoints through the application's chain. */
    private static final String[] SECURITY = {"org.springframework.security.web.SecurityFilterChain",
        "org.springframework.security.web.server.SecurityWebFilterChain"};

    @Bean
    @ConditionalOnMissingBean
    MateyEndpoint mateyEndpoint(MateyTargets targets, MateyChecker checker,
            ObjectProvider<EndpointAccessResolver> accessResolver, ApplicationContext context) {
        Access access = accessResolver.getIfAvailable(() -> new PropertiesEndpointAccessResolver(context.getEnvironment()))
                .accessFor(EndpointId.of("matey"), Access.READ_ONLY);
        String webPath = MateyEndpointWebPath.of(context.getEnvironment());
        if (access == Access.UNRESTRICTED && !hasSecurity(context.getClassLoader())) {
            String writes = targets.all().stream().map(t -> "POST " + MateyEndpointPath.ofTarget(webPath, t.name()))
                    .collect(Collectors.joining(", "));
            logger.warn("Matey's write operation (" + writes + ") is open to anyone who reaches the "
                    + "application's actuator endpoints: management.endpoint.matey.access=unrestricted, and Spring "
                    + "Security is not on the class path to secure it. Anyone can run its migrations: add Spring "
                    + "Security and a SecurityFilterChain for the endpoint, or set the access back to read-only.");
        }
        return new MateyEndpoint(targets, checker, webPath);
    }

    private static boolean hasSecurity(ClassLoader classLoader) {
        for (String type : SECURITY) {
            if (ClassUtils.isPresent(type, classLoader)) {
                return true;
            }
        }
        return false;
    }
}
