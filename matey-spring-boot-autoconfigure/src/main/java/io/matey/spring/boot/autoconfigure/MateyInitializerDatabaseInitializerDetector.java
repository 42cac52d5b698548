package io.matey.spring.boot.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Makes {@link MateyInitializer} a database initializer, so that every bean that depends on database
 * initialization (JPA's entity manager factory, {@code JdbcTemplate}, ...) is created after it. Ordered like
 * Flyway's migration initializer: before script-based initializers ({@code spring.sql.init}).
 */
class MateyInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(MateyInitializer.class);
    }

    @Override
    public int getOrder() {
        return 1;
    }
}
