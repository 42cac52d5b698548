package io.matey.data;

import java.util.Locale;
import java.util.Optional;

/** How {@code data apply} writes a file's rows into its table. */
public enum DataMode {
    /** The table ends up equal to the file: rows absent from the file are deleted. */
    REPLACE,
    /** Rows are inserted, or updated where their {@code on} key already exists. */
    UPSERT,
    /** Rows are appended. */
    INSERT;

    /** The name used in {@code data.toml} and in output. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<DataMode> parse(String value) {
        for (DataMode mode : values()) {
            if (mode.id().equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
