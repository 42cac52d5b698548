package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write guard as a user meets it: {@code matey schema plan} refuses with exit 2, file, line and statement. */
class WriteGuardCommandTest {

    @TempDir
    Path dir;

    @Test
    void schemaPlanRefusesAttachWithExitTwoAndWritesNothing() throws Exception {
        assertThat(MateyProcess.run(dir, Map.of(), "init", "--engine", "sqlite").exitCode()).isZero();
        Path attached = dir.resolve("elsewhere.sqlite3");
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/001_attach.sql"), "-- migrate:up\nATTACH DATABASE '" + attached
                + "' AS aux;\nCREATE TABLE aux.events (id INTEGER);\n\n-- migrate:down\nDROP TABLE aux.events;\n",
                StandardCharsets.UTF_8);
        String lockBefore = Files.readString(dir.resolve("schema.lock.toml"));

        MateyProcess.Result plan = MateyProcess.run(dir, Map.of(), "schema", "plan");

        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.stdout()).isEmpty();
        assertThat(plan.stderr())
                .contains("error: schema plan refused: 3 statements write outside the target's database; nothing was run.")
                .contains("migrations/001_attach.sql:2 (up): ATTACH opens another database file. Statement: 'ATTACH DATABASE")
                .contains("migrations/001_attach.sql:3 (up): write target aux.events is in attached database aux")
                .contains("migrations/001_attach.sql:6 (down): write target aux.events")
                .doesNotContain("at io.matey");
        assertThat(attached).doesNotExist();
        assertThat(MateyProcess.run(dir, Map.of(), "schema", "apply").exitCode()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("schema.lock.toml"))).isEqualTo(lockBefore);
        assertThat(attached).doesNotExist();
    }
}
