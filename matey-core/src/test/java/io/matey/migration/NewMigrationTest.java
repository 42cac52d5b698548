package io.matey.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewMigrationTest {

    @TempDir
    Path dir;

    @Test
    void accentedLatinLettersBecomeAsciiInTheFileName() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
        Path file = NewMigration.create(dir.resolve("migrations"), "ünïcode name", clock);
        assertThat(file.getFileName()).hasToString("20261203120000_unicode_name.sql");
        assertThat(Files.readString(file)).isEqualTo(NewMigration.TEMPLATE);
    }

    @Test
    void aSecondMigrationInTheSameSecondGetsTheNextOne() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
        Path first = NewMigration.create(dir, "a_one", clock);
        Path second = NewMigration.create(dir, "a_two", clock);
        assertThat(first.getFileName()).hasToString("20261203120000_a_one.sql");
        assertThat(second.getFileName()).hasToString("20261203120001_a_two.sql");
    }

    @Test
    void migrationsCreatedWithinOneSecondGetDistinctRisingVersions() {
        // A real clock carries milliseconds: a version of the same second is not "before" it.
        String[] names = {"a", "b", "c"};
        String[] instants = {"2026-12-04T19:20:06.100Z", "2026-12-04T19:20:06.400Z", "2026-12-04T19:20:06.900Z"};
        for (int i = 0; i < names.length; i++) {
            NewMigration.create(dir, names[i], Clock.fixed(Instant.parse(instants[i]), ZoneOffset.UTC));
        }
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("20261204192006_a.sql", "20261204192007_b.sql",
                "20261204192008_c.sql");
    }

    @Test
    void aVersionThatIsNoTimestampButSortsLaterIsRefusedWritingNothing() throws Exception {
        Files.writeString(dir.resolve("20261399999999_not_a_date.sql"), NewMigration.TEMPLATE);
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
        assertThatThrownBy(() -> NewMigration.create(dir, "next", clock)).isInstanceOf(MateyException.class)
                .hasMessageContaining("version '20261399999999' of " + dir.resolve("20261399999999_not_a_date.sql")
                        + " is not a UTC yyyyMMddHHmmss timestamp")
                .hasMessageEndingWith("Name the file yourself with a version that sorts after it.");
        assertThat(dir.toFile().list()).containsExactly("20261399999999_not_a_date.sql");
    }

    @Test
    void aShorterVersionThatPrefixesTheTimestampSortsAfterItSoItIsRefused() throws Exception {
        // dbmate orders files by name: 2026120_seed.sql after 20261203120000_next.sql, as '_' sorts after '3'.
        Files.writeString(dir.resolve("2026120_seed.sql"), NewMigration.TEMPLATE);
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
        assertThatThrownBy(() -> NewMigration.create(dir, "next", clock)).isInstanceOf(MateyException.class)
                .hasMessageContaining("version '2026120' of " + dir.resolve("2026120_seed.sql") + " is not a UTC "
                        + "yyyyMMddHHmmss timestamp and sorts after every one in dbmate's file order.");
        assertThat(dir.toFile().list()).containsExactly("2026120_seed.sql");
    }

    @Test
    void aShorterVersionThatIsNoPrefixComparesAsText() throws Exception {
        Files.writeString(dir.resolve("2026113_seed.sql"), NewMigration.TEMPLATE);
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
        assertThat(NewMigration.create(dir, "next", clock).getFileName()).hasToString("20261203120000_next.sql");
    }

    @Test
    void aClockBehindTheNewestMigrationStillSortsAfterIt() throws Exception {
        Files.writeString(dir.resolve("20301231235959_from_a_fast_clock.sql"), NewMigration.TEMPLATE);
        Files.writeString(dir.resolve("001_numbered.sql"), NewMigration.TEMPLATE);
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
        assertThat(NewMigration.create(dir, "next", clock).getFileName()).hasToString("20310101000000_next.sql");
        Clock later = Clock.fixed(Instant.parse("2031-06-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(NewMigration.create(dir, "later", later).getFileName()).hasToString("20310601000000_later.sql");
    }

    @Test
    void accentsGoAndEverythingElseStaysASeparator() {
        // Composed (U+00E9) and decomposed (e + U+0301) spellings give one name.
        assertThat(NewMigration.sanitize(" Add Café\u00e9 / Cafe\u0301 Ångström ")).isEqualTo("add_cafee_cafe_angstrom");
        assertThat(NewMigration.sanitize("drop-Łódź ß")).isEqualTo("drop_lodz_ss");
        assertThat(NewMigration.sanitize("Café Größe!")).isEqualTo("cafe_grosse");
        assertThatThrownBy(() -> NewMigration.sanitize("日本語")).isInstanceOf(MateyException.class)
                .hasMessageStartingWith("Migration name '日本語' has no letter or digit Matey keeps: file names hold "
                        + "lower-case ASCII letters");
        assertThatThrownBy(() -> NewMigration.sanitize("  ")).isInstanceOf(MateyException.class)
                .hasMessageStartingWith("Migration name is required");
    }
}
