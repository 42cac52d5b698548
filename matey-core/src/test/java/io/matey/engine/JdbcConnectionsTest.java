package io.matey.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections come from the driver the engine names; without it, DriverManager's answer stands. */
class JdbcConnectionsTest {

    @TempDir
    Path dir;

    @Test
    void theNamedDriverOpensTheConnection() throws SQLException {
        try (Connection c = JdbcConnections.open("org.sqlite.JDBC", "jdbc:sqlite:" + dir.resolve("a.db"),
                new Properties())) {
            assertThat(c.getMetaData().getDriverName()).containsIgnoringCase("SQLite");
        }
    }

    @Test
    void aMissingDriverLeavesTheUrlToDriverManager() {
        assertThatThrownBy(() -> JdbcConnections.open("org.example.NoSuchDriver", "jdbc:nosuch://host/db",
                new Properties())).isInstanceOf(SQLException.class).hasMessageStartingWith("No suitable driver");
    }
}
