package io.matey.spring.boot.autoconfigure.actuate;

import io.matey.spring.boot.autoconfigure.BootLine;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real web application for the endpoint's HTTP tests: a workspace whose target has one migration, replayed, and an
 * empty SQLite database.
 */
record SqliteApp(TestWorkspace ws, String jdbcUrl) {

    static SqliteApp in(Path dir) throws Exception {
        TestWorkspace ws = new TestWorkspace(dir.resolve("ws"), "sqlite");
        ws.migration("001_one.sql", ws.createTable("it_one"), "DROP TABLE it_one;");
        ws.apply();
        String jdbcUrl = "jdbc:sqlite:" + dir.resolve("app.sqlite3");
        DriverManager.getConnection(jdbcUrl).close();
        return new SqliteApp(ws, jdbcUrl);
    }

    /** {@link MateyEndpointSecurityTest.SecuredApplication} on a free port, on them, with {@code args} added. */
    ConfigurableApplicationContext start(String... args) {
        // JPA is on the test class path, but the application has no entities; Flyway and Liquibase too, which Matey
        // would refuse.
        String[] base = {"--server.port=0", "--spring.datasource.url=" + jdbcUrl, "--matey.workspace=" + ws.root(),
            "--spring.flyway.enabled=false", "--spring.liquibase.enabled=false",
            "--spring.autoconfigure.exclude=" + BootLine.HIBERNATE_JPA.getName() + ","
                    + BootLine.DATA_JPA_REPOSITORIES.getName()};
        return new SpringApplicationBuilder(MateyEndpointSecurityTest.SecuredApplication.class)
                .run(Stream.concat(Arrays.stream(base), Arrays.stream(args)).toArray(String[]::new));
    }
}
