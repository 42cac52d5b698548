package io.matey.shell.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The class files of the app's own jar (or class directory), by their entry names ({@code io/matey/...class}). */
public final class AppClasses {

    private AppClasses() {
    }

    /** Entry names under {@code prefix} (a directory such as {@code io/matey/}), nested directories included. */
    public static List<String> under(String prefix) {
        List<String> names = new ArrayList<>();
        try {
            Path location = Path.of(AppClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path dir = location.resolve(prefix);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.filter(Files::isRegularFile)
                                .map(f -> location.relativize(f).toString().replace('\\', '/')).forEach(names::add);
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile(), false)) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(prefix) && !name.endsWith("/")) {
                            names.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the app's classes", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    /** The binary class name of a class file entry, e.g. {@code io.matey.Matey$Inner}. */
    public static String className(String entry) {
        return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    }
}
