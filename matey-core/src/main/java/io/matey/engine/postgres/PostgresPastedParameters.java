package io.matey.engine.postgres;

import java.util.Locale;
import java.util.Map;

/**
 * What a pgjdbc URL's parameters become in the Matey URL a message shows for pasting (into {@code matey --url} or
 * dbmate). pgjdbc reads every URL parameter as an option of the driver, while libpq refuses one it does not know.
 * So a pgjdbc option that libpq also has keeps its libpq name, and every other driver option is dropped.
 */
final class PostgresPastedParameters {

    /** pgjdbc options (lower case) that libpq, dbmate and Matey's PostgreSQL URLs also read, to their libpq names. */
    private static final Map<String, String> LIBPQ_NAMES = Map.of(
            "sslmode", "sslmode", "sslcert", "sslcert", "sslkey", "sslkey", "sslrootcert", "sslrootcert",
            "options", "options", "currentschema", "search_path", "applicationname", "application_name",
            "connecttimeout", "connect_timeout");

    private PostgresPastedParameters() {
    }

    /** The {@code key=value} pair as the pasted URL has it, or null when it has no place there. */
    static String pasted(String key, String pair) {
        String name = LIBPQ_NAMES.get(key.toLowerCase(Locale.ROOT));
        return name == null ? null : name + pair.substring(key.length());
    }
}
