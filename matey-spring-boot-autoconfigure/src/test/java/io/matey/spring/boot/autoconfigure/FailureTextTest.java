package io.matey.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The commands a startup failure names run as printed: never with a masked password. */
class FailureTextTest {

    @Test
    void aUrlWhosePasswordIsMaskedBecomesAPlaceholder() {
        assertThat(FailureText.targetArguments(report("clickhouse://default:****@127.0.0.1:18123/app")))
                .isEqualTo("--path db/core --url <its database URL>");
    }

    @Test
    void aUrlWithoutAPasswordIsGivenAsItIs() {
        assertThat(FailureText.targetArguments(report("sqlite3:app.sqlite3")))
                .isEqualTo("--path db/core --url 'sqlite3:app.sqlite3'");
    }

    private static TargetReport report(String connection) {
        return new TargetReport("db/core", "sqlite", connection, null, null, List.of(), TargetReport.CLEAN, List.of(),
                TargetReport.CLEAN, List.of(), null, null, null, null, null, null, null);
    }
}
