package io.matey.workspace;

import io.matey.error.MateyException;
import io.matey.toml.TomlMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code [inexact_downs]} table of a target's {@code config.toml}: migrations whose down section is known
 * not to restore the state before them exactly, each with the reviewed reason. Replay reports their round trip
 * as accepted instead of failing, and the lock records them (docs/architecture.md §6).
 *
 * @param reasons the reason per migration path ({@code migrations/<file>}), sorted by path
 */
public record InexactDowns(Map<String, String> reasons) {

    public static final String TABLE = "inexact_downs";
    public static final InexactDowns NONE = new InexactDowns(Map.of());

    public InexactDowns {
        reasons = Map.copyOf(new TreeMap<>(reasons));
    }

    public Optional<String> reason(String migrationFile) {
        return Optional.ofNullable(reasons.get(migrationFile));
    }

    public boolean accepts(String migrationFile) {
        return reasons.containsKey(migrationFile);
    }

    /** The sorted migration paths with their reasons. */
    public Map<String, String> sorted() {
        return new TreeMap<>(reasons);
    }

    /** Reads the table, naming config.toml and the line of an entry that names no migration or gives no reason. */
    static InexactDowns read(TomlMap toml, Path file, Path targetDir) {
        if (!toml.contains(TABLE)) {
            return NONE;
        }
        Object value = toml.get(TABLE);
        if (!(value instanceof TomlMap table)) {
            throw new MateyException(file + ":" + toml.line(TABLE) + ": [" + TABLE
                    + "] must be a table of \"<migration file>\" = \"<reason>\" entries.");
        }
        Map<String, String> reasons = new TreeMap<>();
        Path migrations = targetDir.resolve("migrations");
        for (String name : table.keySet()) {
            String where = file + ":" + table.line(name) + ": " + TABLE + ": ";
            Path migration = migrations.resolve(name).normalize();
            if (name.isBlank() || !migration.startsWith(migrations) || !Files.isRegularFile(migration)) {
                throw new MateyException(where + "'" + name + "' is not a migration file in " + migrations
                        + ". Name the file as it is in migrations/, quoted, such as \"20240101120000_add_x.sql\".");
            }
            Object reason = table.get(name);
            if (!(reason instanceof String text) || text.isBlank()) {
                throw new MateyException(where + "'" + name + "' needs a reason: write \"" + name
                        + "\" = \"why its down section cannot restore the state exactly\".");
            }
            reasons.put("migrations/" + migrations.relativize(migration).toString().replace('\\', '/'), text.strip());
        }
        return new InexactDowns(reasons);
    }
}
