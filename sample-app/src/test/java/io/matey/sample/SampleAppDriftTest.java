package io.matey.sample;

import static io.matey.sample.SampleAppHttpTests.cast;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.spring.boot.autoconfigure.MateyDriftException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An out-of-band change made while the app was down: the next start-up fails with Matey's failure analysis,
 * and with {@code matey.on-drift=warn} the app starts and reports the drift in its health.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleAppDriftTest {

    @TempDir
    Path dir;

    @Test
    void driftStopsTheStartUpWithTheAnalysisOrIsReportedWithWarn(CapturedOutput output) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("sample.sqlite3");
        String datasource = "spring.datasource.url=" + url;
        SampleApps.start(datasource).close();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE INDEX notes_title ON notes (title)");
        }

        assertThatThrownBy(() -> SampleApps.start(datasource)).hasRootCauseInstanceOf(MateyDriftException.class);
        assertThat(output).contains("APPLICATION FAILED TO START", "Matey found drift during start-up.",
                "Target 'sqlite' (" + url + ") differs from the committed schema at its applied index 3 of 3.",
                "--- live/schema.sql", "+++ expected/worktree.sql", "-CREATE INDEX notes_title ON notes (title);",
                "matey db drift --path sqlite --url <its database URL>", "matey.on-drift=warn");

        try (ConfigurableApplicationContext app = SampleApps.start(datasource, "matey.on-drift=warn")) {
            Map<String, Object> components = cast(SampleApps.get(app, "/actuator/health").get("components"));
            Map<String, Object> health = cast(components.get("matey"));
            assertThat(health).containsEntry("status", "DOWN");
            Map<String, Object> details = cast(health.get("details"));
            Map<String, Object> target = cast(details.get("sqlite"));
            assertThat(target).containsEntry("drift", "drifted");
            assertThat((String) target.get("diff")).contains("notes_title");
        }
    }
}
