package io.matey.migration;

import io.matey.error.FileFailure;
import io.matey.error.MateyException;
import io.matey.text.AsciiFold;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Creates {@code <UTC yyyyMMddHHmmss>_<name>.sql} with dbmate's empty template (or given content). The version is the
 * current second when it sorts after every version in the directory, else one second after the highest: two
 * {@code db new} in one second, or a clock behind a teammate's, must not give a duplicate version or one that sorts
 * before an existing migration. Versions compare as dbmate orders {@code <version>_<name>.sql} files, by name: as
 * text, except that a version that is a prefix of a longer one sorts after it ({@code _} sorts after every digit).
 */
public final class NewMigration {

    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    /** The files dbmate runs, and their versions (docs/architecture.md §9). */
    private static final Pattern DBMATE_FILE = Pattern.compile("^(\\d+).*\\.sql$");
    private static final Comparator<String> FILE_ORDER = Comparator.comparing(version -> version + "_");
    /** The longest name kept: a 14-digit version, {@code _} and {@code .sql} leave room below 255 bytes. */
    static final int MAX_NAME = 200;
    static final String TEMPLATE = "-- migrate:up\n\n\n-- migrate:down\n\n";

    private NewMigration() {
    }

    /**
     * Lower-case ASCII words joined by underscores, so that every tool (and shell) reads the name the same way:
     * Latin letters folded to ASCII ({@link AsciiFold}: {@code ü} → {@code u}, {@code ß} → {@code ss}) rather than
     * becoming separators. dbmate keeps a name as given, but any name it reads back works: only the leading digits
     * are its version.
     */
    public static String sanitize(String name) {
        String cleaned = name == null ? "" : AsciiFold.fold(name.strip()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (cleaned.isEmpty()) {
            // No command in the example: `db new` and `dbmate new` both name migrations here.
            throw new MateyException(name == null || name.isBlank()
                    ? "Migration name is required: give a name with letters or digits, such as create_users."
                    : "Migration name '" + name.strip() + "' has no letter or digit Matey keeps: file names hold "
                            + "lower-case ASCII letters, digits and _ (accents dropped), so that every tool and shell "
                            + "reads them alike. Give a name such as create_users.");
        }
        if (cleaned.length() > MAX_NAME) {
            throw new MateyException("Migration name is " + cleaned.length() + " characters long as a file name; at "
                    + "most " + MAX_NAME + " fit, so that <version>_<name>.sql stays within the 255 bytes most file "
                    + "systems allow a file name. Give a shorter name (what the migration does, such as "
                    + "add_users_email) and say more in a comment inside the file.");
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
        Map<String, String> files = dbmateFiles(migrationsDir);
        String fileName = nextVersion(files.keySet(), clock.instant())
                .orElseThrow(() -> {
                    String highest = highest(files.keySet()).orElseThrow();
                    return new MateyException("Cannot pick a version for the new migration: version '" + highest
                            + "' of " + migrationsDir.resolve(files.get(highest)) + " is not a UTC yyyyMMddHHmmss "
                            + "timestamp and sorts after every one in dbmate's file order. Name the file yourself "
                            + "with a version that sorts after it.");
                })
                + "_" + sanitize(name) + ".sql";
        Path file = migrationsDir.resolve(fileName);
        try {
            Files.createDirectories(migrationsDir);
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new MateyException("Migration file already exists: " + file + ". Run the command again.");
        } catch (IOException e) {
            throw new MateyException("Cannot create migration " + file + ": " + FileFailure.detail(file, e));
        }
        return file;
    }

    /**
     * The version {@code db new} gives at {@code now}: the current second if it sorts after every existing version,
     * else one second after the highest, which must then be a timestamp (empty when it is not, such as {@code 9}).
     */
    public static Optional<String> nextVersion(Collection<String> versions, Instant now) {
        String current = version(now);
        Optional<String> highest = highest(versions);
        if (highest.isEmpty() || FILE_ORDER.compare(current, highest.get()) > 0) {
            return Optional.of(current);
        }
        return parse(highest.get()).map(newest -> version(newest.plusSeconds(1)));
    }

    private static Optional<String> highest(Collection<String> versions) {
        return versions.stream().max(FILE_ORDER);
    }

    /** The files dbmate runs in the directory by version (none when it does not exist yet). */
    private static Map<String, String> dbmateFiles(Path migrationsDir) {
        if (!Files.isDirectory(migrationsDir)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.list(migrationsDir)) {
            return files.map(file -> DBMATE_FILE.matcher(file.getFileName().toString())).filter(Matcher::matches)
                    .collect(Collectors.toMap(m -> m.group(1), m -> m.group(), (a, b) -> a));
        } catch (IOException e) {
            throw new MateyException("Cannot list " + migrationsDir + ": " + e.getMessage());
        }
    }

    private static Optional<Instant> parse(String version) {
        if (version.length() != 14) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(VERSION.parse(version)));
        } catch (DateTimeException notATimestamp) {
            return Optional.empty();
        }
    }
}
