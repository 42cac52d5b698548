package io.matey.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMutexTest {

    @TempDir
    Path tmp;

    @Test
    void theHolderLineGivesTheTimeOfDayInUtc() {
        assertThat(FileMutex.utcTimeOfDay(Instant.parse("2026-12-06T14:05:09.999Z").toEpochMilli()))
                .isEqualTo("14:05:09 UTC");
        assertThat(FileMutex.utcTimeOfDay(Instant.parse("2026-12-06T00:00:00Z").toEpochMilli()))
                .isEqualTo("00:00:00 UTC");
        assertThat(FileMutex.utcTimeOfDay(Instant.parse("1969-12-31T23:59:58.500Z").toEpochMilli()))
                .isEqualTo("23:59:58 UTC");
    }

    @Test
    void theHolderWritesWhoItIsAndWhatItDoes() throws Exception {
        Path lockFile = tmp.resolve("locks/target.lock");
        FileMutex.activity("matey db up");
        try (FileMutex held = FileMutex.acquire(lockFile)) {
            assertThat(FileMutex.holder(lockFile)).matches(
                    "process " + ProcessHandle.current().pid() + " \\(matey db up\\) since \\d\\d:\\d\\d:\\d\\d UTC");
        } finally {
            FileMutex.activity("");
        }
        assertThat(Files.exists(lockFile)).isTrue();
    }
}
