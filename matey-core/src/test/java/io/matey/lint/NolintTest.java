package io.matey.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NolintTest {

    private static Nolint nolint(String text) {
        return Nolint.of(new MigrationFile("migrations/001_x.sql", text.getBytes(StandardCharsets.UTF_8), Optional.empty()));
    }

    @Test
    void commentLinesDirectlyAboveALineAndItsTrailingCommentCoverIt() {
        Nolint nolint = nolint("""
                -- migrate:up
                -- matey:nolint L401,L405 archived in ticket 12
                -- the old table is gone
                DROP TABLE a;
                DROP TABLE b; -- matey:nolint L401
                -- matey:nolint L406

                CREATE INDEX i ON c (x);
                """);
        assertThat(nolint.silences("L401", 4)).isTrue();
        assertThat(nolint.silences("L405", 4)).isTrue();
        assertThat(nolint.silences("L406", 4)).isFalse();
        assertThat(nolint.silences("L401", 5)).isTrue();
        assertThat(nolint.silences("L406", 8)).as("a blank line ends the comment block").isFalse();
        assertThat(nolint.silences("L401", null)).isFalse();
    }

    @Test
    void theHeaderBeforeTheFirstMarkerCoversTheWholeFile() {
        Nolint nolint = nolint("""
                -- Irreversible on purpose.
                -- matey:nolint L101 L103

                -- migrate:up
                -- matey:nolint L401
                DROP TABLE a;
                """);
        assertThat(nolint.silences("L101", null)).isTrue();
        assertThat(nolint.silences("L103", 6)).isTrue();
        assertThat(nolint.silences("L401", 6)).isTrue();
        assertThat(nolint.silences("L401", null)).as("below the marker is not the header").isFalse();
    }

    @Test
    void aDirectiveWithoutCodesOrAfterAStatementCoversNothing() {
        Nolint nolint = nolint("""
                -- matey:nolint
                -- matey:nolintL401
                -- migrate:up
                DROP TABLE a;
                -- matey:nolint L401
                """);
        assertThat(nolint.silences("L401", 4)).isFalse();
        assertThat(nolint.silences("L401", null)).isFalse();
    }
}
