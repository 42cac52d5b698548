package io.matey.engine.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MysqlConnectorTest {

    @Test
    void mapsMateyUrlsToTheMariadbDriverWithCredentialsOutOfTheUrl() {
        MateyUrl url = MateyUrl.parse("mysql://app:s3cret@db.example:3307/shop?sslMode=verify-full");

        assertThat(MysqlConnector.jdbcUrl(url, "shop")).isEqualTo("jdbc:mariadb://db.example:3307/shop");
        Properties properties = MysqlConnector.properties(url);
        assertThat(properties).containsEntry("user", "app").containsEntry("password", "s3cret")
                .containsEntry("sslMode", "verify-full").containsEntry("allowMultiQueries", "false");
    }

    @Test
    void multiQueriesStayOffAndThePortDefaults() {
        MateyUrl url = MateyUrl.parse("mariadb://root@127.0.0.1/shop?allowMultiQueries=true");

        assertThat(MysqlConnector.jdbcUrl(url, "")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/");
        assertThat(MysqlConnector.properties(url)).containsEntry("allowMultiQueries", "false").doesNotContainKey("password");
    }

    @Test
    void bothSchemesReachTheEngineAndSiblingsKeepServerAndOptions() {
        MateyUrl base = MateyUrl.parse("mysql://app:s3cret@db.example:3307/shop?sslMode=trust");
        MysqlEngine engine = (MysqlEngine) Engines.forUrl(base);

        assertThat(Engines.forUrl(MateyUrl.parse("mariadb://h/db"))).isSameAs(engine);
        assertThat(engine.siblingUrl(base, "matey_scratch_1").raw())
                .isEqualTo("mysql://app:s3cret@db.example:3307/matey_scratch_1?sslMode=trust");
    }

    @Test
    void aUrlMustNameAUsableDatabase() {
        assertThatThrownBy(() -> MysqlConnector.database(MateyUrl.parse("mysql://app:s3cret@h:3306/")))
                .isInstanceOf(MateyException.class).hasMessageContaining("names no database")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> MysqlConnector.database(MateyUrl.parse("mysql://h:3306/a%3Fb")))
                .isInstanceOf(MateyException.class).hasMessageContaining("must not contain");
    }
}
