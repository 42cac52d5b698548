package io.matey.engine;

import java.util.Locale;
import java.util.Map;

/**
 * What a JDBC URL's parameters become in the Matey URL a message shows for pasting (into {@code matey --url} or
 * dbmate). pgjdbc and MySQL/MariaDB Connector/J read every URL parameter as an option of the driver, while
 * dbmate's drivers send a parameter they do not know to the server, which refuses it (MariaDB: {@code Unknown
 * system variable 'createDatabaseIfNotExist'}). So a pgjdbc option that libpq also has keeps its libpq name, and
 * every other driver option is dropped. Other engines' parameters stay as they are.
 */
final class PastedParameters {

    /** pgjdbc options (lower case) that libpq, dbmate and Matey's PostgreSQL URLs also read, to their libpq names. */
    private static final Map<String, String> POSTGRES = Map.of(
            "sslmode", "sslmode", "sslcert", "sslcert", "sslkey", "sslkey", "sslrootcert", "sslrootcert",
            "options", "options", "currentschema", "search_path", "applicationname", "application_name",
            "connecttimeout", "connect_timeout");

    private PastedParameters() {
    }

    /** The {@code key=value} pair as the pasted URL has it, or null when it has no place there. */
    static String pasted(Engine engine, String key, String pair) {
        return switch (engine.id()) {
            case "mysql" -> null;
            case "postgres" -> {
                String name = POSTGRES.get(key.toLowerCase(Locale.ROOT));
                yield name == null ? null : name + pair.substring(key.length());
            }
            default -> pair;
        };
    }
}
