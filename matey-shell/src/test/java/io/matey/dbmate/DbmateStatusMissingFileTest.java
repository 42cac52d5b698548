package io.matey.dbmate;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.MateyUrl;
import io.matey.testing.DbmateBinary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code status} after an applied migration's file was deleted prints and exits as dbmate's does, side by side with
 * the real dbmate on the same files: dbmate lists the files only, so the applied version without a file is in neither
 * the list nor the "Applied" count, and a script reading either output reads the same.
 */
class DbmateStatusMissingFileTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"", "--exit-code", "--quiet"})
    void statusWithAnAppliedMigrationsFileMissingIsDbmates(String flag) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
        List<String> names = List.of("one", "two", "three");
        for (String name : names) {
            Files.writeString(migrations.resolve("2026010100000" + (names.indexOf(name) + 1) + "_" + name + ".sql"),
                    "-- migrate:up\nCREATE TABLE " + name + " (id INT);\n-- migrate:down\nDROP TABLE " + name + ";\n");
        }
        MateyUrl ours = MateyUrl.parse("sqlite:" + dir.resolve("ours.db"));
        MateyUrl theirs = MateyUrl.parse("sqlite:" + dir.resolve("theirs.db"));
        DbmateBinary dbmate = DbmateBinary.installed();
        assertThat(dbmate.run(theirs, migrations, "--no-dump-schema", "migrate").exitCode()).isZero();
        assertThat(matey(ours, migrations, "--no-dump-schema", "migrate").exitCode()).isZero();
        Files.delete(migrations.resolve("20260101000001_one.sql"));
        Files.writeString(migrations.resolve("20260101000009_four.sql"), "-- migrate:up\n-- migrate:down\n");

        List<String> status = new ArrayList<>(List.of("status"));
        if (!flag.isEmpty()) {
            status.add(flag);
        }
        DbmateBinary.Result expected = dbmate.run(theirs, migrations, status.toArray(String[]::new));
        DbmateBinary.Result actual = matey(ours, migrations, status.toArray(String[]::new));
        assertThat(actual).isEqualTo(expected);
    }

    private DbmateBinary.Result matey(MateyUrl url, Path migrations, String... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> command = new ArrayList<>(List.of("--url", url.raw(), "--migrations-dir", migrations.toString()));
        command.addAll(List.of(args));
        int exit = new Dbmate("test", Map.of(), dir, new PrintStream(printed, true, StandardCharsets.UTF_8),
                Clock.systemUTC()).run(command);
        return new DbmateBinary.Result(exit, printed.toString(StandardCharsets.UTF_8));
    }
}
