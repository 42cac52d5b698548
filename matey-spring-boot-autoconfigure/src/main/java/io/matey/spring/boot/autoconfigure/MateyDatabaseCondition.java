package io.matey.spring.boot.autoconfigure;

import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matey needs a database: a DataSource bean, a {@link MateyConnectionDetails} bean (as Flyway's condition takes its
 * connection details), a target whose URL is configured (as {@code spring.flyway.url} is), or a BigQuery bean.
 */
class MateyDatabaseCondition extends AnyNestedCondition {

    MateyDatabaseCondition() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(DataSource.class)
    static class DataSourceBean {
    }

    @ConditionalOnBean(MateyConnectionDetails.class)
    static class ConnectionDetailsBean {
    }

    @Conditional(TargetUrlCondition.class)
    static class TargetUrl {
    }

    /** By name: Google's client is optional. */
    @ConditionalOnClass(name = "com.google.cloud.bigquery.BigQuery")
    @ConditionalOnBean(type = "com.google.cloud.bigquery.BigQuery")
    static class BigQueryBean {
    }

    static class TargetUrlCondition extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Map<String, MateyProperties.Target> targets = Binder.get(context.getEnvironment())
                    .bind("matey.targets", Bindable.mapOf(String.class, MateyProperties.Target.class))
                    .orElse(Map.of());
            return targets.values().stream().anyMatch(t -> t.getUrl() != null || t.getUrlEnv() != null)
                    ? ConditionOutcome.match("a matey.targets entry names its URL")
                    : ConditionOutcome.noMatch("no matey.targets entry names a URL");
        }
    }
}
