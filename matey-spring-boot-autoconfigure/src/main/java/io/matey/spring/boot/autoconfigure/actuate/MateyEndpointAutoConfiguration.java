package io.matey.spring.boot.autoconfigure.actuate;

import io.matey.spring.boot.autoconfigure.MateyAutoConfiguration;
import io.matey.spring.boot.autoconfigure.MateyChecker;
import io.matey.spring.boot.autoconfigure.MateyTargets;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code matey} actuator endpoint; its access follows {@code management.endpoint.matey.access} (read-only by
 * default) like every other endpoint's.
 */
@AutoConfiguration(after = MateyAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(MateyEndpoint.class)
@ConditionalOnBean(MateyTargets.class)
public class MateyEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MateyEndpoint mateyEndpoint(MateyTargets targets, MateyChecker checker) {
        return new MateyEndpoint(targets, checker);
    }
}
