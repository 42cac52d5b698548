package io.matey.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.ClassUtils;

/**
 * Refuses Flyway or Liquibase set to migrate a database a Matey target checks: one tool's history table is the
 * other's drift, and whichever runs second fails (Flyway refuses a non-empty schema without its history). Detected
 * as Boot's own auto-configurations see each other: the tool's bean is defined (it is only when
 * {@code spring.flyway.enabled} or {@code spring.liquibase.enabled} is not false), and its DataSource is chosen
 * as Boot chooses it, by class names only, so that the starter depends on neither tool.
 */
final class OtherMigrationTools {

    /**
     * @param type        the bean Boot defines when the tool is enabled
     * @param prefix      its properties' prefix
     * @param annotations the qualifier of the tool's own DataSource bean, on Boot 4 and Boot 3.5
     * @param harm        what the tool does to a database Matey checks
     */
    record Tool(String name, String type, String prefix, List<String> annotations, String harm) {
    }

    static final List<Tool> TOOLS = List.of(
            new Tool("Flyway", "org.flywaydb.core.Flyway", "spring.flyway",
                    List.of("org.springframework.boot.flyway.autoconfigure.FlywayDataSource",
                            "org.springframework.boot.autoconfigure.flyway.FlywayDataSource"),
                    "Flyway then refuses its non-empty schema without a flyway_schema_history table, or, with "
                            + "spring.flyway.baseline-on-migrate=true, creates that table, which Matey reports as drift"),
            new Tool("Liquibase", "liquibase.integration.spring.SpringLiquibase", "spring.liquibase",
                    List.of("org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource",
                            "org.springframework.boot.autoconfigure.liquibase.LiquibaseDataSource"),
                    "Liquibase then creates its databasechangelog and databasechangeloglock tables, which Matey "
                            + "reports as drift"));

    private final ListableBeanFactory beans;
    private final PropertyResolver environment;
    private final DataSource applicationDataSource;

    /** @param applicationDataSource the unique or {@code @Primary} DataSource, which a tool uses by default; may be null */
    OtherMigrationTools(ListableBeanFactory beans, PropertyResolver environment, DataSource applicationDataSource) {
        this.beans = beans;
        this.environment = environment;
        this.applicationDataSource = applicationDataSource;
    }

    /**
     * @param dataSources the DataSource each target connects through, by target
     * @throws MateyMigrationToolException when an enabled tool would migrate one of them
     */
    void refuseSharing(Map<String, DataSource> dataSources, MateyTargets targets) {
        ClassLoader loader = getClass().getClassLoader();
        for (Tool tool : TOOLS) {
            if (!ClassUtils.isPresent(tool.type(), loader)
                    || beans.getBeanNamesForType(ClassUtils.resolveClassName(tool.type(), loader), true, false).length == 0) {
                continue;
            }
            DataSource used = dataSource(tool, loader);
            List<ManagedTarget> shared = new ArrayList<>();
            dataSources.forEach((target, dataSource) -> {
                if (dataSource == used) {
                    shared.add(targets.find(target).orElseThrow());
                }
            });
            if (!shared.isEmpty()) {
                throw new MateyMigrationToolException(tool, shared);
            }
        }
    }

    /**
     * The DataSource the tool migrates, as Boot picks it: its own URL (spring.flyway.url) is another connection;
     * else its qualified bean ({@code @FlywayDataSource}); else the application's DataSource, which a
     * {@code spring.flyway.user} only logs in as another user.
     */
    private DataSource dataSource(Tool tool, ClassLoader loader) {
        if (environment.getProperty(tool.prefix() + ".url") != null) {
            return null;
        }
        for (String annotation : tool.annotations()) {
            if (ClassUtils.isPresent(annotation, loader)) {
                for (String name : beans.getBeanNamesForType(DataSource.class, true, false)) {
                    if (beans.findAnnotationOnBean(name, ClassUtils.resolveClassName(annotation, loader)
                            .asSubclass(java.lang.annotation.Annotation.class)) != null) {
                        return beans.getBean(name, DataSource.class);
                    }
                }
            }
        }
        return applicationDataSource;
    }
}
