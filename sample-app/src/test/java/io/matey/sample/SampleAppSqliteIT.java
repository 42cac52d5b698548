package io.matey.sample;

import static io.matey.sample.SampleProcess.cast;
import static org.assertj.core.api.Assertions.assertThat;

import io.matey.Matey;
import io.matey.MateyTools;
import io.matey.replay.ReplayOptions;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged sample application on its default engine, an SQLite file in its working directory: it migrates
 * and verifies at start-up, reports through {@code /actuator/matey} and health, and stops on drift.
 */
class SampleAppSqliteIT {

    @TempDir
    Path dir;

    @Test
    void migratesVerifiesAndReportsAtStartUp() {
        try (SampleProcess app = SampleProcess.start(dir)) {
            List<Map<String, Object>> targets = cast(app.json("/actuator/matey").get("targets"));
            assertThat(targets).hasSize(1);
            assertThat(targets.get(0)).containsEntry("target", "sqlite").containsEntry("engine", "sqlite")
                    .containsEntry("connection", "sqlite3:matey-sample.sqlite3").containsEntry("head", 3)
                    .containsEntry("applied", 3).containsEntry("pending", List.of()).containsEntry("artifacts", "clean")
                    .containsEntry("drift", "clean").containsKey("checkedAt").doesNotContainKey("diff");
            assertThat(app.json("/actuator/matey/sqlite")).containsEntry("target", "sqlite").containsEntry("drift", "clean");
            assertThat(app.get("/actuator/matey/nowhere").statusCode()).isEqualTo(404);
            assertThat(app.post("/actuator/matey/sqlite", "").statusCode()).as("read-only by default").isEqualTo(405);

            HttpResponse<String> health = app.get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            Map<String, Object> matey = SampleProcess.component(SampleProcess.parse(health.body()), "matey");
            assertThat(matey).containsEntry("status", "UP");

            assertThat(app.post("/notes", "{\"title\":\"t1\",\"body\":\"b\",\"tags\":[\"x\"]}").statusCode()).isEqualTo(201);
            assertThat(app.get("/notes?tag=x").body()).contains("\"t1\"");
            HttpResponse<String> untitled = app.post("/notes", "{\"body\":\"b\"}");
            assertThat(untitled.statusCode()).as("a note the table refuses is the client's error").isEqualTo(400);
            assertThat(untitled.body()).contains("The note has no title").contains("\\\"title\\\": \\\"...\\\"");
        }
    }

    @Test
    void withUnrestrictedAccessPostMigratesAndUnknownTargetsAre404() {
        try (SampleProcess app = SampleProcess.start(dir, "matey.migrate-on-startup=false",
                "management.endpoint.matey.access=unrestricted")) {
            assertThat(SampleProcess.<List<String>>cast(app.json("/actuator/matey/sqlite").get("pending"))).hasSize(3);
            assertThat(app.post("/actuator/matey/nowhere", "").statusCode()).isEqualTo(404);
            HttpResponse<String> migrated = app.post("/actuator/matey/sqlite", "");
            assertThat(migrated.statusCode()).isEqualTo(200);
            assertThat(SampleProcess.parse(migrated.body())).containsEntry("applied", 3).containsEntry("drift", "clean");
        }
    }

    @Test
    void theAdviceOfTheAnalysisKeepsAnOutOfBandChange() throws Exception {
        SampleProcess.start(dir).close();
        Path database = dir.resolve("matey-sample.sqlite3");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database); Statement st = c.createStatement()) {
            st.execute("CREATE INDEX notes_title ON notes (title)");
        }
        String draft = draft(SampleProcess.run(dir).output());
        assertThat(draft).isEqualTo("-- migrate:up\nCREATE INDEX notes_title ON notes (title);\n\n-- migrate:down\n"
                + "DROP INDEX notes_title;\n");

        // As advised: the draft becomes a migration, the artifacts are regenerated, db adopt records it
        Path workspace = copyOfTheSampleWorkspace(dir.resolve("ws"));
        Files.writeString(workspace.resolve("sqlite/migrations/20260104120000_keep_notes_title.sql"), draft);
        Matey matey = new Matey(workspace, workspace, Map.of());
        new MateyTools(matey).schemaApply("sqlite", ReplayOptions.defaults(), line -> { });
        assertThat(matey.dbAdopt(matey.target("sqlite"), "sqlite3:" + database, true).versions())
                .containsExactly("20260104120000");

        try (SampleProcess app = SampleProcess.start(dir, "matey.workspace=" + workspace)) {
            assertThat(app.json("/actuator/matey/sqlite")).containsEntry("applied", 4).containsEntry("head", 4)
                    .containsEntry("drift", "clean");
        }
    }

    /** The draft migration the failure analysis prints, without its indentation. */
    private static String draft(String output) {
        List<String> lines = output.lines().toList();
        int start = lines.indexOf("Draft for target 'sqlite':") + 2;
        StringBuilder draft = new StringBuilder();
        for (String line : lines.subList(start, lines.size())) {
            if (!line.isEmpty() && !line.startsWith("    ")) {
                break;
            }
            draft.append(line.isEmpty() ? "" : line.substring(4)).append('\n');
        }
        return draft.toString().stripTrailing() + "\n";
    }

    private static Path copyOfTheSampleWorkspace(Path target) throws Exception {
        Path source = Path.of(SampleAppSqliteIT.class.getResource("/db/matey/matey.toml").toURI()).getParent();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        return target;
    }

    /**
     * The packaged workspace's commands run in its source directory: they name the application's database file, which
     * the driver found in the application's working directory, by its absolute path.
     */
    @Test
    void driftStopsTheStartUpWithTheAnalysisAndWarnKeepsTheApplicationReady() throws Exception {
        SampleProcess.start(dir).close();
        Path database = dir.toRealPath().resolve("matey-sample.sqlite3");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("matey-sample.sqlite3"));
                Statement st = c.createStatement()) {
            st.execute("CREATE INDEX notes_title ON notes (title)");
        }

        SampleProcess failed = SampleProcess.run(dir);
        assertThat(failed.exitCode()).isNotZero();
        assertThat(failed.output()).contains("APPLICATION FAILED TO START", "Matey found drift during start-up.",
                "Target 'sqlite' (sqlite3:matey-sample.sqlite3) differs from the committed schema at its applied index 3 of 3.",
                "--- schema.sql", "+++ live/schema.sql", "+CREATE INDEX notes_title ON notes (title);",
                "matey db drift --path sqlite --url 'sqlite3:" + database + "'",
                "matey db adopt --path sqlite --url 'sqlite3:" + database + "' --apply", "matey.on-drift=warn")
                .doesNotContain("jdbc:sqlite");

        try (SampleProcess app = SampleProcess.start(dir, "matey.on-drift=warn")) {
            HttpResponse<String> health = app.get("/actuator/health");
            assertThat(health.statusCode()).as("DRIFT keeps the application ready").isEqualTo(200);
            Map<String, Object> body = SampleProcess.parse(health.body());
            assertThat(body).containsEntry("status", "DRIFT");
            Map<String, Object> matey = SampleProcess.component(body, "matey");
            assertThat(matey).containsEntry("status", "DRIFT");
            Map<String, Object> target = SampleProcess.component(matey, "sqlite");
            assertThat(target).containsEntry("drift", "drifted");
            assertThat(target).as("the diff only on the endpoint, which health points at").doesNotContainKey("diff")
                    .containsEntry("endpoint", "/actuator/matey/sqlite");
            assertThat((String) app.json("/actuator/matey/sqlite").get("diff")).contains("notes_title");
        }
    }
}
