package io.matey.dbmate;

import io.matey.error.MateyException;
import io.matey.error.NonUtf8Name;
import io.matey.migration.Migration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migrations dbmate runs: files named {@code ^\d+.*\.sql$} directly in each migrations directory, ordered by
 * name, the version being the leading digits (docs/architecture.md §9). They are named by file name, as dbmate
 * prints them.
 */
final class MigrationFiles {

    private static final Pattern NAME = Pattern.compile("^(\\d+).*\\.sql$");

    private MigrationFiles() {
    }

    static List<Migration> in(List<GivenPath> dirs) {
        List<Migration> migrations = new ArrayList<>();
        for (GivenPath given : dirs) {
            Path dir = given.path();
            if (!Files.isDirectory(dir)) {
                throw new MateyException("could not find migrations directory `" + given + "`");
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = NAME.matcher(file.getFileName().toString());
                    if (m.matches()) {
                        NonUtf8Name.require(file, given.toString());
                        migrations.add(new Migration(m.group(), m.group(1), Files.readAllBytes(file)));
                    }
                }
            } catch (IOException e) {
                throw new MateyException("Cannot read migrations directory " + given + ": " + e.getMessage());
            }
        }
        migrations.sort(Comparator.comparing(Migration::file));
        return migrations;
    }
}
