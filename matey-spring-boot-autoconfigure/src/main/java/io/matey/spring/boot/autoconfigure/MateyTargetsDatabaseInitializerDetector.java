package io.matey.spring.boot.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * Makes {@link MateyTargets}, whose creation refuses Flyway or Liquibase set to migrate a target's database
 * ({@link OtherMigrationTools}), the first batch of database initializers: Boot has each batch's beans depend on the
 * batch before, so Flyway's and Liquibase's beans are created after the refusal, whichever bean the application
 * creates first and in whatever order the jars list their detectors (docs/architecture.md, Spring Boot starter).
 */
class MateyTargetsDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(MateyTargets.class);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
