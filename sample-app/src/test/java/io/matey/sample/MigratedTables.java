package io.matey.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.JdbcTemplate;

/** What a test slice must see once Matey migrated the sample's database: its three migrations and tables. */
final class MigratedTables {

    private MigratedTables() {
    }

    static void assertSeen(JdbcTemplate jdbc) {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM schema_migrations", Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notes", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM note_tags", Integer.class)).isZero();
    }
}
