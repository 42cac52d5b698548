package io.matey.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A number for a MariaDB ENUM would be stored as the label of that index: the file is refused by line, naming the
 * label to write, before anything is written (as a number for a ClickHouse Enum8 is).
 */
class MysqlEnumNumbersTest {

    @TempDir
    Path dir;

    @Test
    void aNumberForAnEnumIsRefusedNamingTheLabelOfThatIndex() throws Exception {
        try (DataHarness h = DataHarness.atHead(dir, "mysql",
                "CREATE TABLE t (id int PRIMARY KEY, tier enum('free','pro'), s set('x','y'));")) {
            h.manifest("[core]\nfiles = [\n  { name = \"t\", table = \"t\", mode = \"insert\" },\n]\n");
            h.file("t", "{\"id\": 1, \"tier\": \"pro\"}", "{\"id\": 2, \"tier\": 2}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageContaining(":2")
                    .hasMessageContaining("expected one of its labels, a string, got 2: write \"pro\" (ENUM index 2), "
                            + "as export writes it");
            h.file("t", "{\"id\": 2, \"tier\": 3}");
            assertThatThrownBy(() -> h.apply(null)).isInstanceOf(MateyException.class)
                    .hasMessageContaining("got 3, which is no ENUM index: write one of \"free\", \"pro\"");
            assertThat(h.rows("SELECT id FROM t")).isEmpty();
        }
    }
}
