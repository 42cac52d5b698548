package io.matey.engine.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mysql target reached without the MariaDB driver is a configuration error naming the dependency, not a server
 * that cannot be reached. The test class path is loaded apart without the driver; nothing is connected to.
 */
class MysqlWithoutDriverTest {

    @TempDir
    Path dir;

    @Test
    void aMysqlUrlNamesTheMissingMariadbDriver() throws Exception {
        List<URL> path = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.contains("mariadb-java-client")) {
                path.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(path.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> type = loader.loadClass("io.matey.Matey");
            Object matey = type.getConstructor(Path.class, Path.class, Map.class).newInstance(dir, dir, Map.of());
            type.getMethod("init", String.class, String.class, String.class, String.class, boolean.class)
                    .invoke(matey, "db", "mysql", "DATABASE_URL", "TEST_DATABASE_URL", false);
            Object target = type.getMethod("target", String.class).invoke(matey, "db");
            assertThatThrownBy(() -> type.getMethod("dbStatus", target.getClass(), String.class)
                    .invoke(matey, target, "mysql://root:secret@127.0.0.1:1/startfix_none"))
                    .isInstanceOf(InvocationTargetException.class).cause()
                    .hasMessageContaining("The MariaDB JDBC driver (org.mariadb.jdbc:mariadb-java-client), which Matey "
                            + "reaches MySQL and MariaDB with (MySQL Connector/J is not used), is not on the classpath; "
                            + "add it to reach mysql://root:")
                    .hasMessageNotContaining("cannot reach the server").hasMessageNotContaining("secret")
                    .satisfies(e -> assertThat(e.getClass().getMethod("reason").invoke(e).toString()).isEqualTo("INVALID"));
        }
    }
}
