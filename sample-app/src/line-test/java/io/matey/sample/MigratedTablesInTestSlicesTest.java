package io.matey.sample;

import static org.assertj.core.api.Assertions.assertThat;

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
            assertThat(jdbc.queryForObject("SELECT count(*) FROM schema_migrations", Integer.class)).isEqualTo(3);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM notes", Integer.class)).isZero();
        }
    }

    @Nested
    @JdbcTest
    class JdbcSlice {

        @Autowired
        JdbcTemplate jdbc;

        @Test
        void seesTheMigratedTables() {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM note_tags", Integer.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM schema_migrations", Integer.class)).isEqualTo(3);
        }
    }
}
