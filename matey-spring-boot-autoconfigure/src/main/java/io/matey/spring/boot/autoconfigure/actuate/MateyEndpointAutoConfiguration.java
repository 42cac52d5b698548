package io.matey.spring.boot.autoconfigure.actuate;

import io.matey.spring.boot.autoconfigure.MateyAutoConfiguration;
import io.matey.spring.boot.autoconfigure.MateyChecker;
import io.matey.spring.boot.autoconfigure.MateyTargets;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code matey} actuator endpoint, read-only unless {@code matey.endpoint.write-enabled=true}. */
@AutoConfiguration(after = MateyAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(MateyEndpoint.class)
@ConditionalOnBean(MateyTargets.class)
public class MateyEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(MateyEndpoint.class)
    @ConditionalOnBooleanProperty(name = "matey.endpoint.write-enabled", havingValue = false, matchIfMissing = true)
    MateyEndpoint mateyEndpoint(MateyTargets targets, MateyChecker checker) {
        return new MateyEndpoint(targets, checker);
    }

    @Bean
    @ConditionalOnMissingBean(MateyEndpoint.class)
    @ConditionalOnBooleanProperty(name = "matey.endpoint.write-enabled")
    MateyWritableEndpoint mateyWritableEndpoint(MateyTargets targets, MateyChecker checker) {
        return new MateyWritableEndpoint(targets, checker);
    }
}
