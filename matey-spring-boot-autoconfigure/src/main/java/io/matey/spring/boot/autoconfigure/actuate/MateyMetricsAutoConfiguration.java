package io.matey.spring.boot.autoconfigure.actuate;

import io.matey.spring.boot.autoconfigure.MateyAutoConfiguration;
import io.matey.spring.boot.autoconfigure.MateyReports;
import io.matey.spring.boot.autoconfigure.MateyTargets;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Matey's gauges when Micrometer is present; Spring Boot binds them to every meter registry. */
@AutoConfiguration(after = MateyAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MateyTargets.class)
public class MateyMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MateyMetrics mateyMetrics(MateyTargets targets, MateyReports reports) {
        return new MateyMetrics(targets, reports);
    }
}
