package io.matey.data;

import io.matey.MateyException;
import io.matey.engine.Engine;

/** What data export and apply need to know about an engine's SQL. */
enum DataDialect {
    SQLITE("\"", ""),
    /** Explicit values win over identity columns declared {@code GENERATED ALWAYS}, as reference data needs. */
    POSTGRES("\"", " OVERRIDING SYSTEM VALUE"),
    MYSQL("`", "");

    private final String quote;
    private final String insertOverride;

    DataDialect(String quote, String insertOverride) {
        this.quote = quote;
        this.insertOverride = insertOverride;
    }

    static DataDialect of(Engine engine) {
        return switch (engine.id()) {
            case "sqlite" -> SQLITE;
            case "postgres" -> POSTGRES;
            case "mysql" -> MYSQL;
            default -> throw new MateyException("Data sets are supported on sqlite, postgres and mysql targets, not "
                    + engine.id() + ".");
        };
    }

    /** Every identifier is quoted, so no name from a manifest or a file is ever read as SQL. */
    String quote(String identifier) {
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    /** The text between an INSERT's column list and its {@code VALUES}. */
    String insertOverride() {
        return insertOverride;
    }
}
