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

/**
 * Finds the top-level classes of one package in the app's own jar or class directory, so that a command class
 * added to {@code io.matey.shell.command} is picked up without being listed anywhere.
 */
final class CommandClasses {

    private CommandClasses() {
    }

    static List<Class<?>> in(String packageName) {
        String prefix = packageName.replace('.', '/') + "/";
        List<String> names = new ArrayList<>();
        try {
            Path location = Path.of(CommandClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path dir = location.resolve(prefix);
                try (Stream<Path> files = Files.list(dir)) {
                    files.map(f -> prefix + f.getFileName()).forEach(names::add);
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile(), false)) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        names.add(entries.nextElement().getName());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the command classes", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            String rest = name.startsWith(prefix) ? name.substring(prefix.length()) : "";
            if (rest.endsWith(".class") && !rest.contains("/") && !rest.contains("$")) {
                classes.add(load(packageName + "." + rest.substring(0, rest.length() - ".class".length())));
            }
        }
        return classes;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, CommandClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
