package io.matey.spring.boot.autoconfigure;

/**
 * Replaces Matey's start-up work for each managed target, as {@code FlywayMigrationStrategy} does Flyway's: with
 * such a bean, {@code matey.migrate-on-startup}, {@code adopt-on-startup} and {@code verify-on-startup} no longer
 * decide; the strategy does, through the checker ({@link MateyChecker#verify}, {@link MateyChecker#migrate},
 * {@link MateyChecker#adopt}). The report it returns is judged as the default one would be (drift stops the
 * start-up unless {@code matey.on-drift=warn}).
 */
@FunctionalInterface
public interface MateyMigrationStrategy {

    /** @return the target's report, or null to leave it unchecked */
    TargetReport migrate(ManagedTarget target, MateyChecker checker);
}
