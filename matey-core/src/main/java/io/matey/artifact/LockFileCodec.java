package io.matey.artifact;

import io.matey.engine.ServerProfile;
import io.matey.error.InvalidUtf8;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import io.matey.toml.TomlMap;
import io.matey.toml.TomlSyntaxException;
import io.matey.toml.TomlText;

/**
 * Reads and writes {@code schema.lock.toml}. Writing reproduces tomli-w's layout byte for byte so that a lock
 * written here is identical to the one Python matey writes; reading ignores unknown keys, as Python does.
 */
public final class LockFileCodec {

    /** The replay's server family ({@code mariadb}, {@code mysql}): {@link SchemaLock#replayServer}. */
    public static final String REPLAY_FAMILY = "replay_server_family";
    /** Its major.minor version ({@code 10.11}). */
    public static final String REPLAY_VERSION = "replay_server_version";
    /** The scratch database's default character set. */
    public static final String REPLAY_CHARSET = "replay_charset";
    /** The scratch database's default collation. */
    public static final String REPLAY_COLLATION = "replay_collation";

    /** A character set's or collation's name, as MySQL and MariaDB spell them. */
    private static final Pattern NAME = Pattern.compile("\\w+");

    private LockFileCodec() {
    }

    public static SchemaLock parse(byte[] bytes) throws LockFileException {
        InvalidUtf8 bad = InvalidUtf8.find(bytes);
        if (bad != null) {
            throw new LockFileException("lockfile is not valid UTF-8: " + bad.where() + " (line " + bad.line() + ")");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        TomlMap toml;
        try {
            toml = TomlText.parse(text);
        } catch (TomlSyntaxException e) {
            throw new LockFileException(e.describe());
        }
        List<LockStep> steps = new ArrayList<>();
        List<?> array = required(toml, "steps", List.class, "an array of tables");
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof TomlMap table)) {
                throw new LockFileException("steps[" + i + "] is not a table");
            }
            steps.add(new LockStep(
                    integer(table, "index"),
                    string(table, "version"),
                    string(table, "migration_file"),
                    string(table, "migration_digest"),
                    string(table, "checkpoint_file"),
                    string(table, "chain_hash"),
                    string(table, "checkpoint_digest"),
                    string(table, "schema_digest"),
                    optionalString(table, "down_accepted"),
                    strings(table, "roles")));
        }
        return new SchemaLock(
                integer(toml, "lock_version"),
                string(toml, "hash_algorithm"),
                canonicalizer(toml),
                string(toml, "engine"),
                string(toml, "target"),
                string(toml, "schema_file"),
                string(toml, "migrations_dir"),
                string(toml, "checkpoints_dir"),
                integer(toml, "head_index"),
                string(toml, "head_chain_hash"),
                string(toml, "head_schema_digest"),
                steps,
                replayServer(toml));
    }

    public static String render(SchemaLock lock) {
        StringBuilder out = new StringBuilder();
        line(out, "lock_version", Integer.toString(lock.lockVersion()));
        line(out, "hash_algorithm", quote(lock.hashAlgorithm()));
        line(out, "canonicalizer", quote(lock.canonicalizer()));
        line(out, "engine", quote(lock.engine()));
        line(out, "target", quote(lock.target()));
        line(out, "schema_file", quote(lock.schemaFile()));
        line(out, "migrations_dir", quote(lock.migrationsDir()));
        line(out, "checkpoints_dir", quote(lock.checkpointsDir()));
        line(out, "head_index", Integer.toString(lock.headIndex()));
        line(out, "head_chain_hash", quote(lock.headChainHash()));
        line(out, "head_schema_digest", quote(lock.headSchemaDigest()));
        ServerProfile server = lock.replayServer();
        if (server != null) {
            // top-level keys precede the [[steps]] tables; Python matey reads past them, and writes none
            line(out, REPLAY_FAMILY, quote(server.family()));
            line(out, REPLAY_VERSION, quote(server.version()));
            line(out, REPLAY_CHARSET, quote(server.charset()));
            line(out, REPLAY_COLLATION, quote(server.collation()));
        }
        // tomli-w writes an empty list inline and a non-empty list of tables as [[steps]] sections.
        if (lock.steps().isEmpty()) {
            line(out, "steps", "[]");
        }
        for (LockStep step : lock.steps()) {
            out.append("\n[[steps]]\n");
            line(out, "index", Integer.toString(step.index()));
            line(out, "version", quote(step.version()));
            line(out, "migration_file", quote(step.migrationFile()));
            line(out, "migration_digest", quote(step.migrationDigest()));
            line(out, "checkpoint_file", quote(step.checkpointFile()));
            line(out, "chain_hash", quote(step.chainHash()));
            line(out, "checkpoint_digest", quote(step.checkpointDigest()));
            line(out, "schema_digest", quote(step.schemaDigest()));
            if (step.downAccepted() != null) {
                line(out, "down_accepted", quote(step.downAccepted()));
            }
            if (!step.roles().isEmpty()) {
                // one line, unlike tomli-w's arrays (Python matey writes no roles): the start-up parser reads it
                line(out, "roles", step.roles().stream().map(LockFileCodec::quote)
                        .collect(Collectors.joining(", ", "[", "]")));
            }
        }
        return out.toString();
    }

    /** The {@code replay_*} keys: all four, or none in a lock written by Python matey or an earlier Matey. */
    private static ServerProfile replayServer(TomlMap toml) throws LockFileException {
        String family = optionalString(toml, REPLAY_FAMILY);
        String version = optionalString(toml, REPLAY_VERSION);
        String charset = optionalString(toml, REPLAY_CHARSET);
        String collation = optionalString(toml, REPLAY_COLLATION);
        if (family == null && version == null && charset == null && collation == null) {
            return null;
        }
        if (family == null || version == null || charset == null || collation == null) {
            throw new LockFileException("the keys " + REPLAY_FAMILY + ", " + REPLAY_VERSION + ", " + REPLAY_CHARSET
                    + " and " + REPLAY_COLLATION + " come together, and only some are set; `matey schema apply "
                    + "--clean` writes them");
        }
        for (String name : new String[] {charset, collation}) {
            // db up writes them into CREATE DATABASE, and messages into ALTER DATABASE advice
            if (!NAME.matcher(name).matches()) {
                throw new LockFileException("the keys " + REPLAY_CHARSET + " and " + REPLAY_COLLATION + " name a "
                        + "character set and a collation (letters, digits, _), not '" + name + "'; `matey schema "
                        + "apply --clean` writes them");
            }
        }
        return new ServerProfile(family, version, charset, collation);
    }

    private static String string(TomlMap table, String key) throws LockFileException {
        return required(table, key, String.class, "a string");
    }

    /** Empty when missing: some Python matey locks carry no canonicalizer, which makes them foreign, not unreadable. */
    private static String canonicalizer(TomlMap toml) throws LockFileException {
        String label = optionalString(toml, "canonicalizer");
        return label == null ? "" : label;
    }

    private static String optionalString(TomlMap table, String key) throws LockFileException {
        return table.get(key) == null ? null : string(table, key);
    }

    /** An optional array of strings; empty when missing (locks written before the key). */
    private static List<String> strings(TomlMap table, String key) throws LockFileException {
        if (table.get(key) == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object item : required(table, key, List.class, "an array of strings")) {
            if (!(item instanceof String text)) {
                throw new LockFileException("'" + key + "' must be an array of strings, got " + item + at(table, key));
            }
            out.add(text);
        }
        return out;
    }

    private static int integer(TomlMap table, String key) throws LockFileException {
        long value = required(table, key, Long.class, "an integer");
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new LockFileException("'" + key + "' is out of range: " + value + at(table, key));
        }
        return (int) value;
    }

    private static <T> T required(TomlMap table, String key, Class<T> type, String typeName)
            throws LockFileException {
        Object value = table.get(key);
        if (value == null) {
            throw new LockFileException("missing key '" + key + "'");
        }
        if (!type.isInstance(value)) {
            throw new LockFileException("'" + key + "' must be " + typeName + ", got " + value + at(table, key));
        }
        return type.cast(value);
    }

    /** Where the key is, as a TOML syntax error says it ({@code (line 9)}). */
    private static String at(TomlMap table, String key) {
        return table.line(key) > 0 ? " (line " + table.line(key) + ")" : "";
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append(" = ").append(value).append('\n');
    }

    /** A TOML basic string escaped as tomli-w does: tab stays literal, other controls become escapes. */
    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if ((c < ' ' && c != '\t') || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
