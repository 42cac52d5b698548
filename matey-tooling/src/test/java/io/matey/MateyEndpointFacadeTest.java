package io.matey;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.live.LiveCheck;
import io.matey.live.LiveEndpoint;
import io.matey.testing.TestWorkspace;
import io.matey.workspace.TargetConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The façade's live commands on an endpoint, as the Spring Boot starter calls them with the application's DataSource. */
class MateyEndpointFacadeTest {

    @TempDir
    Path dir;

    @Test
    void checkAndMigrateThroughAnApplicationDataSource() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "sqlite");
        ws.migration("001_one.sql", ws.createTable("it_one"), "DROP TABLE it_one;");
        ws.apply();
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("app.sqlite3"));
        Matey matey = ws.matey();
        TargetConfig target = matey.target(TestWorkspace.TARGET);
        LiveEndpoint endpoint = LiveEndpoint.of(dataSource, target.knownEngine());

        assertThat(matey.dbCheck(target, endpoint).status().pending()).isEqualTo(1);
        List<String> progress = new ArrayList<>();
        assertThat(matey.dbMigrate(target, endpoint, progress::add).after()).isEqualTo(1);
        assertThat(progress).singleElement().asString().startsWith("migrations/001_one.sql  up");
        LiveCheck check = matey.dbCheck(target, endpoint);
        assertThat(check.clean()).isTrue();
        assertThat(check.status().pending()).isZero();
        assertThat(check.drift().drifted()).isFalse();
    }
}
