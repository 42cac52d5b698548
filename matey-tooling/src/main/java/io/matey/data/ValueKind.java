package io.matey.data;

/** How a column's values travel between JSONL and the database. */
public enum ValueKind {
    INTEGER,
    BOOLEAN,
    /** Exact decimals, written as strings such as {@code "12.50"}. */
    DECIMAL,
    /** 4-byte floats, written with the shortest digits of the float. */
    FLOAT32,
    FLOAT64,
    TEXT,
    DATE,
    TIME,
    /** Without a zone; on SQLite, which has no such distinction, with or without an offset. */
    TIMESTAMP,
    /** An instant, written in UTC. */
    TIMESTAMPTZ,
    /** Lower-case hex. */
    BYTES,
    /** Nested JSON. */
    JSON,
    /** An array: a JSON array of its elements, each as its element type travels (nested when multi-dimensional). */
    ARRAY,
    /** A record of named fields (BigQuery's STRUCT): a JSON object, each field as its type travels. */
    STRUCT,
    /** Any other type (uuid, enum, interval, ...) in the engine's own text form. */
    OTHER,
    /** A SQLite column without a declared type: whatever it stores, as stored. */
    ANY
}
