package io.matey.sample;

import io.matey.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sample app with its {@code postgres} profile, on a fresh PostgreSQL database, migrated at start-up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class SampleAppPostgresTest extends SampleAppHttpTests {

    static TestDatabase db;

    @BeforeAll
    static void database() throws Exception {
        db = TestDatabase.create("postgres");
    }

    @AfterAll
    static void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresUrls.jdbcUrl(db));
        registry.add("spring.datasource.username", () -> db.url().user());
    }

    @Override
    String target() {
        return "postgres";
    }
}
