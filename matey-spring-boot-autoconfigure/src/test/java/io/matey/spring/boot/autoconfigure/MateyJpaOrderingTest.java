package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.MateyUrl;
import io.matey.spring.boot.autoconfigure.jpa.Item;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * JPA with {@code ddl-auto=validate} on PostgreSQL starts only after Matey has migrated: the entity's table exists
 * only once the migration ran, and without Matey the same context fails validation.
 */
class MateyJpaOrderingTest {

    @TempDir
    Path dir;

    @Test
    void theEntityManagerFactoryIsBuiltAfterMateyMigrated() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        ws.migration("001_item.sql", ws.createTable("it_item"), "DROP TABLE it_item;");
        ws.apply();
        try (TestDatabase db = TestDatabase.create("postgres")) {
            MateyUrl url = db.url();
            ApplicationContextRunner runner = new ApplicationContextRunner()
                    .withConfiguration(BootLine.of(BootLine.DATA_SOURCE,
                            BootLine.HIBERNATE_JPA, BootLine.TRANSACTION,
                            MateyAutoConfiguration.class))
                    .withUserConfiguration(Entities.class)
                    .withPropertyValues("spring.datasource.url=jdbc:postgresql://" + url.host() + ":" + url.port() + "/"
                            + url.path(), "spring.datasource.username=" + url.user(),
                            "spring.jpa.hibernate.ddl-auto=validate", "matey.workspace=" + ws.root(),
                            "matey.migrate-on-startup=true");

            runner.withPropertyValues("matey.enabled=false").run(context -> assertThat(context).hasFailed()
                    .getFailure().hasStackTraceContaining("missing table [it_item]"));

            runner.run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(EntityManagerFactory.class);
                assertThat(context.getBeanFactory().getBeanDefinition("entityManagerFactory").getDependsOn())
                        .contains("mateyInitializer");
                assertThat(context.getBean(MateyReports.class).find("db/core").orElseThrow().applied()).isEqualTo(1);
            });
        }
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Item.class)
    static class Entities {
    }
}
