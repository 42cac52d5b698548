package io.matey.sample;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boot 4's test slices include Matey as they include Flyway: a {@code @DataJpaTest} and a {@code @JdbcTest} see the
 * tables Matey migrated (the sample's {@code matey.migrate-on-startup=true}), with no annotation of Matey's.
 */
class MigratedTablesInTestSlicesTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        SliceDatabase.register(registry);
    }

    @Nested
    @DataJpaTest
    class JpaSlice {

        @Autowired
        JdbcTemplate jdbc;

        @Test
        void seesTheMigratedTables() {
            MigratedTables.assertSeen(jdbc);
        }
    }

    @Nested
    @JdbcTest
    class JdbcSlice {

        @Autowired
        JdbcTemplate jdbc;

        @Test
        void seesTheMigratedTables() {
            MigratedTables.assertSeen(jdbc);
        }
    }
}
