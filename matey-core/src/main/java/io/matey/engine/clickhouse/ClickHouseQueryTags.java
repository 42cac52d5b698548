package io.matey.engine.clickhouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.WeakHashMap;

/**
 * Cancels what runs on a ClickHouse connection from another thread (Ctrl-C, docs/architecture.md §8). The HTTP driver
 * cancels only through the {@code Statement} that ran a query (by the query id it generated), which the one who
 * cancels does not hold, and an HTTP front may give the query an id of its own. So every connection Matey opens tags
 * its queries with a {@code log_comment} of its own, and a side connection runs {@code KILL QUERY} on that tag.
 */
final class ClickHouseQueryTags {

    /** The driver sends {@code clickhouse_setting_*} properties as server settings with every query. */
    static final String PROPERTY = "clickhouse_setting_log_comment";

    private record Tagged(ClickHouseConnector connector, String database, String tag) {
    }

    /** Weak: a connection is forgotten once nobody holds it. */
    private static final Map<Connection, Tagged> TAGGED = Collections.synchronizedMap(new WeakHashMap<>());

    private ClickHouseQueryTags() {
    }

    static String newTag() {
        return "matey-" + UUID.randomUUID();
    }

    static void remember(Connection connection, ClickHouseConnector connector, String database, String tag) {
        TAGGED.put(connection, new Tagged(connector, database, tag));
    }

    /** The connector that opened {@code connection}, where Matey opened it. */
    static Optional<ClickHouseConnector> connectorOf(Connection connection) {
        return Optional.ofNullable(TAGGED.get(connection)).map(Tagged::connector);
    }

    /**
     * Kills the queries running on {@code connection} and waits until the server has stopped them, or until the
     * URL's read timeout: the server marks a query killed at once, {@code SYNC} only waits for it to stop.
     */
    static void cancel(Connection connection) throws SQLException {
        Tagged tagged = TAGGED.get(connection);
        if (tagged == null) {
            return;
        }
        try (Connection side = tagged.connector().open(tagged.database()); Statement st = side.createStatement()) {
            st.execute("KILL QUERY WHERE Settings['log_comment'] = " + ClickHouseConnector.literal(tagged.tag())
                    + " SYNC");
        } catch (SQLException e) {
            if (!ClickHouseMessages.timedOut(e)) {
                throw e;
            }
        }
    }
}
