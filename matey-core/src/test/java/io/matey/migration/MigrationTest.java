package io.matey.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.Engines;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A migration is parsed once and each section split once per dialect, however often a replay asks. */
class MigrationTest {

    private final Migration migration = new Migration("migrations/20260101000000_rows.sql", "20260101000000", """
            -- migrate:up
            CREATE TABLE t (id integer);
            INSERT INTO t VALUES (1);
            -- migrate:down
            DROP TABLE t;
            """.getBytes(StandardCharsets.UTF_8));

    @Test
    void theScriptIsParsedOnce() {
        assertThat(migration.script()).isSameAs(migration.script());
    }

    @Test
    void aSectionIsSplitOncePerDialect() {
        SqlDialect postgres = Engines.byId("postgres").dialect();
        SqlDialect mysql = Engines.byId("mysql").dialect();
        Section up = migration.script().up();

        assertThat(up.statements(postgres)).isSameAs(up.statements(postgres))
                .extracting(SqlStatement::line).containsExactly(2, 3);
        assertThat(up.statements(mysql)).isNotSameAs(up.statements(postgres)).hasSize(2);
        assertThatThrownBy(() -> up.statements(postgres).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void migrationsAndSectionsCompareAsTheRecordsTheyWere() {
        Migration same = new Migration(migration.file(), migration.version(), migration.bytes());
        assertThat(same).isEqualTo(migration).hasSameHashCodeAs(migration);
        assertThat(same.script().up()).isEqualTo(migration.script().up());
        assertThat(new Migration(migration.file(), migration.version(), migration.bytes().clone()))
                .isNotEqualTo(migration);
    }
}
