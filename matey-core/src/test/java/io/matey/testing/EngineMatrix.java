package io.matey.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * The engines of {@link TestEngines} as the argument of a {@code @ParameterizedTest} (their names, such as
 * {@code "postgres"}): by default every engine that runs the shared SQL, once per engine. An engine whose server
 * is not configured is skipped with the reason by {@link TestDatabase}, or fails when it is required.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ArgumentsSource(EngineMatrixProvider.class)
public @interface EngineMatrix {

    /** Only engines with a server (the test is about connections, server databases, ...). */
    boolean servers() default false;

    /** Only engines whose DDL is transactional (the test is about a failed migration rolling back). */
    boolean transactionalDdl() default false;

    /** Also second servers of an engine of another version ({@code mysql-other}). */
    boolean variants() default false;
}
