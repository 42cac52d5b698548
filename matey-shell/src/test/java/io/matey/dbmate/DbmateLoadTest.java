package io.matey.dbmate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code load} without a schema file fails as dbmate's does: before its "Reading:" line, touching no database. */
class DbmateLoadTest {

    @TempDir
    Path dir;

    @Test
    void aMissingSchemaFileFailsBeforeReadingIsPrinted() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Dbmate dbmate = new Dbmate("test", Map.of(), dir, new PrintStream(printed, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
        assertThatThrownBy(() -> dbmate.run(List.of("-u", "sqlite:" + dir.resolve("t.db"), "load")))
                .hasMessage("schema file ./db/schema.sql does not exist; `matey dbmate dump` writes one.");
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(dir.resolve("t.db")).doesNotExist();
    }
}
