package io.matey.engine.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Spring Boot starter ships matey-core without JSqlParser (docs/architecture.md §1), so what a live MySQL run
 * asks after each statement (did it commit the section's transaction?) must be answered without it: here the test
 * class path is loaded apart without the parser, and a migration that fails after DDL still reports what committed.
 */
class LeanMysqlRunnerTest {

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mysql-other"})
    void aTrackedRunNeedsNoSqlParser(String server) throws Exception {
        List<URL> path = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("jsqlparser")) {
                path.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader lean = new URLClassLoader(path.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThat(lean.loadClass("io.matey.migration.SqlParser").getField("PRESENT").getBoolean(null)).isFalse();
            String outcome = (String) lean.loadClass(LeanRunnerProbe.class.getName())
                    .getMethod("upFailingAfterDdl", String.class).invoke(null, server);
            assertThat(outcome).contains("migrations/001_t.sql:4: up section failed", "Statements at line(s) 2 took "
                    + "effect and stay applied", "at line(s) 3, were rolled back", "\nrows: 0\napplied: []");
        }
    }
}
