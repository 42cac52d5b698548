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
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Creates {@code <UTC yyyyMMddHHmmss>_<name>.sql} with dbmate's empty template (or given content). The version is the current second,
 * or one second after the newest timestamp version already in the directory when that is not earlier: two
 * {@code db new} in one second, or a clock behind a teammate's, must not give a duplicate version or one that sorts
 * before an existing migration.
 */
public final class NewMigration {

    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern TIMESTAMP = Pattern.compile("(\\d{14})_[^/]*\\.sql$");
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
        return create(migrationsDir, name, clock, TEMPLATE);
    }

    /** @param content the file's text, such as a drift draft ({@code db new --from-drift}) */
    public static Path create(Path migrationsDir, String name, Clock clock, String content) {
        if (Files.isSymbolicLink(migrationsDir)) {
            throw new MateyException("Refusing to write into symlinked migrations directory: " + migrationsDir);
        }
        String fileName = version(after(newestTimestamp(migrationsDir), clock.instant())) + "_" + sanitize(name) + ".sql";
        Path file = migrationsDir.resolve(fileName);
        try {
            Files.createDirectories(migrationsDir);
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new MateyException("Migration file already exists: " + file + ". Run the command again.");
        } catch (IOException e) {
            throw new MateyException("Cannot create migration " + file + ": " + e.getMessage());
        }
        return file;
    }

    private static Instant after(Optional<Instant> newest, Instant now) {
        return newest.filter(existing -> !existing.isBefore(now)).map(existing -> existing.plusSeconds(1)).orElse(now);
    }

    /** The latest {@code yyyyMMddHHmmss} version among the directory's migration files (other versions are ignored). */
    private static Optional<Instant> newestTimestamp(Path migrationsDir) {
        if (!Files.isDirectory(migrationsDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(migrationsDir)) {
            return files.map(file -> TIMESTAMP.matcher(file.getFileName().toString())).filter(Matcher::lookingAt)
                    .map(m -> parse(m.group(1))).flatMap(Optional::stream).max(Instant::compareTo);
        } catch (IOException e) {
            throw new MateyException("Cannot list " + migrationsDir + ": " + e.getMessage());
        }
    }

    private static Optional<Instant> parse(String version) {
        try {
            return Optional.of(Instant.from(VERSION.parse(version)));
        } catch (DateTimeException notATimestamp) {
            return Optional.empty();
        }
    }
}
