package io.matey.spring.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the DataSource Matey uses for the primary target instead of the application's own, as
 * {@code @FlywayDataSource} does for Flyway (a DataSource with DDL rights, say). Other targets name their bean
 * with {@code matey.targets.[path].data-source}.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface MateyDataSource {
}
