package io.matey.spring.boot.autoconfigure.actuate;

import io.matey.spring.boot.autoconfigure.MateyAutoConfiguration;
import io.matey.spring.boot.autoconfigure.MateyEndpointPath;
import io.matey.spring.boot.autoconfigure.MateyProperties;
import io.matey.spring.boot.autoconfigure.MateyReports;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The {@code matey} health contributor on Boot 3.5 ({@code management.health.matey.enabled}). */
@AutoConfiguration(after = MateyAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("matey")
@ConditionalOnBean(MateyReports.class)
public class MateyHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "mateyHealthIndicator")
    MateyHealthIndicator mateyHealthIndicator(MateyReports reports, MateyProperties properties,
            ListableBeanFactory beanFactory, Environment environment) {
        return new MateyHealthIndicator(reports, properties.getHealth().policy(properties.getOnDrift(), properties.getOnAhead(),
                MateyEndpointPath.of(beanFactory, environment), properties.getWorkspace()));
    }
}
