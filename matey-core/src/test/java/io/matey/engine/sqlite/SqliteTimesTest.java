package io.matey.engine.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.data.IsoTimes;
import io.matey.data.ValueKind;
import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL that spells SQLite's form of a time in ISO form agrees with the ISO form Matey writes. */
class SqliteTimesTest {

    @Test
    void isoSqlTurnsSqlitesFormIntoTheIsoForm() throws SQLException {
        List<Temporal> values = List.of(LocalDateTime.of(2024, 1, 2, 3, 4, 5),
                LocalDateTime.of(2024, 1, 2, 3, 4, 5, 250_000_000), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000),
                OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000, ZoneOffset.ofHours(1)),
                OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(-5)),
                LocalTime.of(10, 0), LocalTime.of(10, 0, 0, 250_000_000), LocalTime.of(10, 0, 0, 123_456_000));
        try (TestDatabase db = TestDatabase.create("sqlite"); Connection c = db.connect()) {
            for (Temporal value : values) {
                ValueKind kind = value instanceof LocalTime ? ValueKind.TIME : ValueKind.TIMESTAMP;
                try (PreparedStatement ps = c.prepareStatement("SELECT " + SqliteTimes.isoSql("?", kind))) {
                    ps.setString(1, SqliteTimes.text(value));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getString(1)).as(SqliteTimes.text(value)).isEqualTo(IsoTimes.text(value));
                    }
                }
            }
        }
    }
}
