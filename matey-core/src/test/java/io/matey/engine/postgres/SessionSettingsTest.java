package io.matey.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Work runs under the settings and the caller gets its connection back as it was, also when the work fails. */
class SessionSettingsTest {

    private static final Map<String, String> SETTINGS = Map.of("search_path", "", "extra_float_digits", "1",
            "matey.test_setting", "inside");

    @Test
    void settingsHoldDuringTheWorkAndAreGivenBack() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            execute(c, "SET search_path = pg_catalog, public; SET extra_float_digits = 3");
            List<String> inside = SessionSettings.with(c, SETTINGS, () -> settings(c));
            assertThat(inside).containsExactly("", "1", "inside");
            assertThat(settings(c)).containsExactly("pg_catalog, public", "3", "");
        }
    }

    @Test
    void aFailingWorkStillGivesThemBack() throws SQLException {
        try (TestDatabase db = TestDatabase.create("postgres"); Connection c = db.connect()) {
            execute(c, "SET extra_float_digits = 2");
            assertThatThrownBy(() -> SessionSettings.with(c, SETTINGS, () -> {
                throw new SQLException("work failed");
            })).hasMessage("work failed");
            assertThat(settings(c).get(1)).isEqualTo("2");
        }
    }

    private static List<String> settings(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_setting('search_path'),"
                + " current_setting('extra_float_digits'), coalesce(current_setting('matey.test_setting', true), '')")) {
            rs.next();
            return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
