package io.matey.engine.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Google's client is optional (the starters leave it out): without it every engine still loads, and a BigQuery URL
 * names the missing dependency. Core's classes and its required libraries are loaded apart from the test class path,
 * which has the client.
 */
class BigQueryWithoutClientTest {

    @Test
    void enginesLoadAndABigQueryUrlNamesTheMissingClient() throws Exception {
        List<URL> path = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith("target/classes") || entry.contains("tomlj") || entry.contains("slf4j-api")) {
                path.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(path.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> engines = loader.loadClass("io.matey.engine.Engines");
            assertThat(engines.getMethod("ids").invoke(null)).asList().contains("sqlite", "bigquery", "bigquery-emulator");
            Class<?> urls = loader.loadClass("io.matey.engine.MateyUrl");
            Object url = urls.getMethod("parse", String.class).invoke(null, "bigquery-emulator://127.0.0.1:9050/p/d");
            Object engine = engines.getMethod("forUrl", urls).invoke(null, url);
            assertThatThrownBy(() -> engine.getClass().getMethod("databaseExists", urls).invoke(engine, url))
                    .isInstanceOf(InvocationTargetException.class).cause()
                    .hasMessageContaining("needs Google's BigQuery client: add com.google.cloud:google-cloud-bigquery");
        }
    }
}
