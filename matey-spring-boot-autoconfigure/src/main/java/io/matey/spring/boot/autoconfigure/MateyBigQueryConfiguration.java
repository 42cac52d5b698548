package io.matey.spring.boot.autoconfigure;

import com.google.cloud.bigquery.BigQuery;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where Google's BigQuery client is on the class path (an optional dependency: the starter does not ship it) and
 * the context has one {@link BigQuery} bean, the {@code bigquery} targets in its project connect through it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(BigQuery.class)
@ConditionalOnSingleCandidate(BigQuery.class)
class MateyBigQueryConfiguration {

    @Bean
    ApplicationClient mateyBigQueryClient(BigQuery bigQuery) {
        return new BigQueryBeanClient(bigQuery);
    }
}
