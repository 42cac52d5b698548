package io.matey.toml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * A parsed TOML table, read-only: keys in file order, each with its value and the line it is on. Values are
 * {@code String}, {@code Long}, {@code Boolean}, {@code Double}, {@code java.time} values, {@code List} (arrays,
 * arrays of tables) and {@code TomlMap} (tables). Keys are literal: {@code get("a.b")} is the key {@code "a.b"}.
 */
public final class TomlMap {

    private final Map<String, Object> values;
    private final Map<String, Integer> lines;

    TomlMap(Map<String, Object> values, Map<String, Integer> lines) {
        this.values = Collections.unmodifiableMap(values);
        this.lines = lines;
    }

    /** The same table as tomlj parsed it. */
    static TomlMap of(TomlTable table) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (String key : table.keySet()) {
            values.put(key, value(table.get(List.of(key))));
            TomlPosition position = table.inputPositionOf(List.of(key));
            lines.put(key, position == null ? 0 : position.line());
        }
        return new TomlMap(values, lines);
    }

    private static Object value(Object tomlj) {
        if (tomlj instanceof TomlTable table) {
            return of(table);
        }
        if (tomlj instanceof TomlArray array) {
            return array.toList().stream().map(TomlMap::value).toList();
        }
        return tomlj;
    }

    public Set<String> keySet() {
        return values.keySet();
    }

    public boolean contains(String key) {
        return values.containsKey(key);
    }

    /** The value, or null when the key is absent. */
    public Object get(String key) {
        return values.get(key);
    }

    /** The 1-based line of the key (of its table's header, for a table), or 0 when the key is absent. */
    public int line(String key) {
        return lines.getOrDefault(key, 0);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
