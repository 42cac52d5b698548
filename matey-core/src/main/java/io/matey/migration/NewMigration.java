package io.matey.migration;

import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Creates {@code <UTC yyyyMMddHHmmss>_<name>.sql} with dbmate's empty template. */
public final class NewMigration {

    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    static final String TEMPLATE = "-- migrate:up\n\n\n-- migrate:down\n\n";

    private NewMigration() {
    }

    /**
     * Lower-case ASCII words joined by underscores, so that every tool (and shell) reads the name the same way.
     * Accented Latin letters lose their accents (NFD splits {@code ü} into {@code u} and a combining mark) rather
     * than becoming separators.
     */
    public static String sanitize(String name) {
        String cleaned = name == null ? "" : Normalizer.normalize(name.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (cleaned.isEmpty()) {
            throw new MateyException("Migration name is required: give a name with letters or digits, "
                    + "e.g. `matey db new create_users`.");
        }
        return cleaned;
    }

    /** The version {@code db new} gives a migration created at {@code instant}: its UTC {@code yyyyMMddHHmmss}. */
    public static String version(Instant instant) {
        return VERSION.format(instant);
    }

    public static Path create(Path migrationsDir, String name, Clock clock) {
        String fileName = version(clock.instant()) + "_" + sanitize(name) + ".sql";
        if (Files.isSymbolicLink(migrationsDir)) {
            throw new MateyException("Refusing to write into symlinked migrations directory: " + migrationsDir);
        }
        Path file = migrationsDir.resolve(fileName);
        try {
            Files.createDirectories(migrationsDir);
            Files.writeString(file, TEMPLATE, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new MateyException("Migration file already exists: " + file + ". Wait a second or choose another name.");
        } catch (IOException e) {
            throw new MateyException("Cannot create migration " + file + ": " + e.getMessage());
        }
        return file;
    }
}
