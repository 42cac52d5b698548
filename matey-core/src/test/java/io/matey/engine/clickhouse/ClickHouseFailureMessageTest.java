package io.matey.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.matey.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A real server failure whose text carries the server's stack trace: the message keeps the code and the words. */
class ClickHouseFailureMessageTest {

    @Test
    void aFailedMutationsMessageLeavesOutTheServersStackTrace() throws Exception {
        try (TestDatabase db = TestDatabase.create("clickhouse"); Connection c = db.connect()) {
            db.execute("CREATE TABLE users (id UInt64, email String) ENGINE = MergeTree ORDER BY id");
            db.execute("INSERT INTO users VALUES (1, 'a@example.com')");
            SQLException failure = catchThrowableOfType(SQLException.class, () -> {
                try (Statement st = c.createStatement()) {
                    st.execute("ALTER TABLE users MODIFY COLUMN email UInt64");
                }
            });
            assertThat(failure.getMessage()).as("the server's text").contains("0. ? @ 0x");

            String message = db.engine().failureMessage(failure);
            assertThat(message).startsWith("Code: 341. DB::Exception: Exception happened during execution of mutation")
                    .contains("Cannot parse string 'a@example.com' as UInt64", "KILL MUTATION", "(UNFINISHED)")
                    .doesNotContain(" @ 0x", "clone3", "\n");
            db.execute("KILL MUTATION WHERE database = currentDatabase() AND table = 'users' SYNC");
        }
    }
}
