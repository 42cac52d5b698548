package io.matey.sample;

import io.matey.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh PostgreSQL database for a test slice, configured as dynamic properties: Boot's slices then keep it
 * (they replace only a DataSource the test did not configure) and use the sample's {@code postgres} target.
 */
final class SliceDatabase {

    private SliceDatabase() {
    }

    /** A database of its own for each slice's context, so that no slice sees what another migrated. */
    static void register(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase db = TestDatabase.create("postgres");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.close();
            } catch (Exception e) {
                // a leftover uniquely named test database harms nothing
            }
        }));
        registry.add("spring.datasource.url", () -> SampleAppServersIT.jdbcUrl("postgresql", db.url(), 5432));
        registry.add("spring.datasource.username", () -> db.url().user());
        registry.add("matey.primary-target", () -> "postgres");
    }
}
