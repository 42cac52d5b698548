package io.matey.data;

import io.matey.error.InvalidUtf8;
import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Parses and validates {@code data.toml} with Python matey's rules and messages, each naming the manifest (with
 * its line where TOML knows it), the set and the offending key.
 */
final class ManifestReader {

    private static final Set<String> SET_KEYS = Set.of("files");
    private static final Set<String> FILE_KEYS = Set.of("name", "table", "mode", "on", "order_by");
    private static final String SUFFIX = ".jsonl";

    private final Path file;

    private ManifestReader(Path file) {
        this.file = file;
    }

    static List<DataSet> read(Path file) {
        return new ManifestReader(file).sets(parse(file));
    }

    private static TomlParseResult parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new MateyException("Data manifest not found: " + file);
        } catch (IOException e) {
            throw new ManifestException("Unable to read data manifest " + file + ": " + e.getMessage(), null,
                    "Unable to read data manifest: " + e.getMessage());
        }
        InvalidUtf8 bad = InvalidUtf8.find(bytes);
        if (bad != null) {
            throw new ManifestException(bad.message(file), bad.line(), "invalid UTF-8: " + bad.where()
                    + ". Save the file as UTF-8.");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            TomlParseError error = toml.errors().get(0);
            TomlPosition position = error.position();
            throw new ManifestException("Unable to parse data manifest " + file + ":" + position.line() + ":"
                    + position.column() + ": " + error.getMessage() + ".", position.line(),
                    "Unable to parse data manifest at column " + position.column() + ": " + error.getMessage() + ".");
        }
        return toml;
    }

    private List<DataSet> sets(TomlTable toml) {
        List<DataSet> sets = new ArrayList<>();
        for (String name : toml.keySet()) {
            Integer line = line(toml.inputPositionOf(name));
            if (!toml.isTable(name)) {
                String problem = "invalid set entry: '" + name + "' must be a table with a files array.";
                throw new ManifestException(file + " contains an " + problem, line, problem);
            }
            TomlTable set = toml.getTable(name);
            rejectUnknown(set, SET_KEYS, new Place(line, "unsupported keys in data set '" + name + "'"));
            if (!set.isArray("files")) {
                throw refused(new Place(line, "data set '" + name + "'"), " must define a files array.");
            }
            sets.add(new DataSet(name, files(name, set.getArray("files"))));
        }
        return sets;
    }

    private List<DataFile> files(String set, TomlArray array) {
        List<DataFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            Place where = new Place(line(array.inputPositionOf(i)), "data set '" + set + "', file " + (i + 1));
            if (!(array.get(i) instanceof TomlTable entry)) {
                throw refused(where, " is a non-table file entry; expected { name, table, mode, ... }.");
            }
            DataFile dataFile = file(entry, where);
            if (!names.add(dataFile.name())) {
                throw refused(where, ": data file '" + dataFile.name() + "' is already listed in this set.");
            }
            files.add(dataFile);
        }
        return files;
    }

    private DataFile file(TomlTable entry, Place where) {
        rejectUnknown(entry, FILE_KEYS, new Place(where.line(), where.subject() + ": unsupported data file keys"));
        String name = requireString(entry, "name", where);
        String table = requireString(entry, "table", where);
        String modeText = requireString(entry, "mode", where);
        if (name.endsWith(SUFFIX)) {
            name = name.substring(0, name.length() - SUFFIX.length());
        }
        if (!isRelativePath(name)) {
            throw refused(where, ": key 'name': data file name '" + name
                    + "' must be a relative path without '.' or '..' segments.");
        }
        String listed = name;
        TableName tableName = TableName.parse(table).orElseThrow(() -> refused(where, ": key 'table': data file '"
                + listed + "' has table '" + table + "', which names no table: write the table as the database spells "
                + "it, unquoted (table = \"Order Notes\"), optionally after its schema and one dot (table = \"app.Order "
                + "Notes\"); a part that holds a dot or starts with a double quote goes in double quotes, each inner one "
                + "doubled (table = '\"a.b\"')."));
        DataMode mode = DataMode.parse(modeText).orElseThrow(() -> refused(where,
                ": key 'mode': unsupported data mode '" + modeText + "'. Use replace, upsert or insert."));
        List<String> on = columns(entry, "on", name, where);
        return new DataFile(name, tableName, mode, on,
                columns(entry, "order_by", name, where), located(where.line()) + ": " + where.subject());
    }

    private String requireString(TomlTable entry, String key, Place where) {
        if (!(entry.get(key) instanceof String value)) {
            throw refused(where, ": key '" + key + "': data file entries require string name/table/mode.");
        }
        return value;
    }

    /** {@code on} and {@code order_by}: a string or a non-empty array of non-empty strings; empty when absent. */
    private List<String> columns(TomlTable entry, String key, String name, Place where) {
        Object value = entry.get(key);
        String prefix = ": key '" + key + "': data file '" + name + "' has ";
        if (value == null) {
            return List.of();
        }
        if (value instanceof String column) {
            if (column.isEmpty()) {
                throw refused(where, prefix + "empty " + key + ".");
            }
            return List.of(column);
        }
        if (!(value instanceof TomlArray array)) {
            throw refused(where, prefix + "invalid " + key + "; expected string or array of strings.");
        }
        if (array.isEmpty()) {
            throw refused(where, prefix + "empty " + key + ".");
        }
        List<String> columns = new ArrayList<>();
        for (Object item : array.toList()) {
            if (!(item instanceof String column) || column.isEmpty()) {
                throw refused(where, prefix + "non-string or empty " + key + " entries.");
            }
            columns.add(column);
        }
        return columns;
    }

    private static boolean isRelativePath(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\")) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private void rejectUnknown(TomlTable table, Set<String> allowed, Place place) {
        Set<String> unknown = new TreeSet<>(table.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw refused(place, ": " + unknown.stream().map(k -> "'" + k + "'")
                    .collect(Collectors.joining(", ")) + ". Allowed keys: " + String.join(", ", new TreeSet<>(allowed)) + ".");
        }
    }

    /** A problem at {@code place}: {@code <data.toml>:<line>: <subject><rest>}. */
    private ManifestException refused(Place place, String rest) {
        String problem = place.subject() + rest;
        return new ManifestException(located(place.line()) + ": " + problem, place.line(), problem);
    }

    private String located(Integer line) {
        return line == null ? file.toString() : file + ":" + line;
    }

    private static Integer line(TomlPosition position) {
        return position == null ? null : position.line();
    }

    /** Where in the manifest a message points: the line TOML gives (null when it gives none) and what is there. */
    private record Place(Integer line, String subject) {
    }
}
