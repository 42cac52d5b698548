package io.matey.engine.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops the subscriptions of a scratch database so that the database can be dropped. Each is disabled and
 * detached from its slot first: DROP SUBSCRIPTION would otherwise connect to the publisher to drop the slot.
 */
final class ScratchSubscriptions {

    private ScratchSubscriptions() {
    }

    static void drop(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT quote_ident(subname) FROM pg_subscription"
                        + " WHERE subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String name : names) {
            try (Statement st = connection.createStatement()) {
                st.execute("ALTER SUBSCRIPTION " + name + " DISABLE");
                st.execute("ALTER SUBSCRIPTION " + name + " SET (slot_name = NONE)");
                st.execute("DROP SUBSCRIPTION " + name);
            }
        }
    }
}
