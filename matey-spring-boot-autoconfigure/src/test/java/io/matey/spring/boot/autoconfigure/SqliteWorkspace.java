package io.matey.spring.boot.autoconfigure;

import io.matey.testing.TestWorkspace;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A real Matey workspace (target {@code db/core}, engine sqlite, two migrations applied into artifacts) and the
 * SQLite file an application's DataSource would point at; also packaged into a jar, as an application ships it.
 */
final class SqliteWorkspace {

    static final String TARGET = TestWorkspace.TARGET;

    final TestWorkspace ws;
    final Path database;

    /** Also creates the empty database file, as the application's first connection would. */
    SqliteWorkspace(Path dir) throws SQLException {
        ws = new TestWorkspace(dir.resolve("ws"), "sqlite");
        ws.migration("001_one.sql", ws.createTable("it_one"), "DROP TABLE it_one;");
        ws.migration("002_two.sql", ws.createTable("it_two"), "DROP TABLE it_two;");
        ws.apply();
        database = dir.resolve("app.sqlite3");
        DriverManager.getConnection(jdbcUrl()).close();
    }

    Path root() {
        return ws.root();
    }

    String jdbcUrl() {
        return "jdbc:sqlite:" + database;
    }

    /** Properties of an application whose DataSource is the SQLite file and whose workspace is the directory. */
    String[] properties(String... more) {
        return Stream.concat(Stream.of("spring.datasource.url=" + jdbcUrl(), "matey.workspace=" + root()),
                Stream.of(more)).toArray(String[]::new);
    }

    /** Runs SQL on the database as an out-of-band change would. */
    void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** A class loader that sees the workspace under {@code prefix/} inside a jar, with directory entries. */
    ClassLoader inJar(Path jar, String prefix) {
        return inJar(jar, prefix, true);
    }

    ClassLoader inJar(Path jar, String prefix, boolean directoryEntries) {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> walk = Files.walk(root())) {
            for (Path path : walk.sorted().toList()) {
                String name = prefix + "/" + root().relativize(path).toString().replace('\\', '/');
                boolean directory = Files.isDirectory(path);
                if (directory && !directoryEntries) {
                    continue;
                }
                out.putNextEntry(new JarEntry(directory ? (name.endsWith("/") ? name : name + "/") : name));
                if (!directory) {
                    Files.copy(path, (OutputStream) out);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loader(jar);
    }

    /** A class loader that sees {@code root} (a directory or a jar) on the classpath. */
    static ClassLoader loader(Path root) {
        try {
            return new URLClassLoader(new URL[] {root.toUri().toURL()}, SqliteWorkspace.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
