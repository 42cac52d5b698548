package io.matey.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.ci.CiService;
import io.matey.engine.Engines;
import io.matey.engine.JdbcUrls;
import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How dbmate's ClickHouse URLs reach the HTTP driver: ports, database, credentials, masking. */
class ClickHouseConnectorTest {

    @ParameterizedTest
    @CsvSource({
            "clickhouse://u:p@db.example:9000/shop,                 jdbc:clickhouse:http://db.example:8123/shop",
            "clickhouse://u:p@db.example/shop,                      jdbc:clickhouse:http://db.example:8123/shop",
            "clickhouse://db.example:8123/shop,                     jdbc:clickhouse:http://db.example:8123/shop",
            "clickhouse://db.example:18123/shop,                    jdbc:clickhouse:http://db.example:18123/shop",
            "clickhouse://db.example:9440/shop,                     jdbc:clickhouse:https://db.example:8443/shop",
            "clickhouse://db.example/shop?secure=true,              jdbc:clickhouse:https://db.example:8443/shop",
            "clickhouse://db.example:8443/shop,                     jdbc:clickhouse:https://db.example:8443/shop",
            "clickhouse://db.example:9000/shop?http_port=8124,      jdbc:clickhouse:http://db.example:8124/shop",
            "clickhouse://db.example:9000,                          jdbc:clickhouse:http://db.example:8123/default",
            "clickhouse://db.example:9000?database=shop,            jdbc:clickhouse:http://db.example:8123/shop",
    })
    void mapsDbmateUrlsToTheHttpDriver(String url, String jdbc) {
        ClickHouseConnector connector = new ClickHouseConnector(MateyUrl.parse(url));

        assertThat(connector.jdbcUrl(connector.database())).isEqualTo(jdbc);
    }

    @Test
    void credentialsTravelAsPropertiesAndDbmateParametersWin() {
        Properties plain = new ClickHouseConnector(MateyUrl.parse("clickhouse://ana:s3cret@h:9000/shop")).properties();
        assertThat(plain.getProperty("user")).isEqualTo("ana");
        assertThat(plain.getProperty("password")).isEqualTo("s3cret");
        assertThat(plain.getProperty("compress")).isEqualTo("false");

        Properties dbmate = new ClickHouseConnector(MateyUrl.parse(
                "clickhouse://h:9000/shop?username=bo&password=pw&socket_timeout=5000")).properties();
        assertThat(dbmate.getProperty("user")).isEqualTo("bo");
        assertThat(dbmate.getProperty("password")).isEqualTo("pw");
        assertThat(dbmate.getProperty("socket_timeout")).isEqualTo("5000");
        assertThat(dbmate.stringPropertyNames()).doesNotContain("username", "http_port", "database");

        Properties anonymous = new ClickHouseConnector(MateyUrl.parse("clickhouse://h/shop")).properties();
        assertThat(anonymous.getProperty("user")).isEqualTo("default");
        assertThat(anonymous.getProperty("password")).isEmpty();

        Properties compressed = new ClickHouseConnector(MateyUrl.parse("clickhouse://h/shop?compress=true")).properties();
        assertThat(compressed.getProperty("compress")).isEqualTo("true");
    }

    @Test
    void messagesNeverShowThePassword() {
        MateyUrl url = MateyUrl.parse("clickhouse://ana:s3cret@h:9000/shop?password=other");

        assertThat(url.toString()).doesNotContain("s3cret", "other").contains("ana:****@", "password=****");
        assertThat(new ClickHouseConnector(url).jdbcUrl("shop")).doesNotContain("ana", "s3cret", "other");
    }

    /**
     * An unreachable server is named by why and by the HTTP endpoint the URL maps to, not by the driver's attempt
     * count and query id, which say neither.
     */
    @Test
    void anUnreachableServerIsReportedByTheHttpEndpointTriedAndWhy() {
        ClickHouseConnector closed = new ClickHouseConnector(MateyUrl.parse("clickhouse://ana:s3cret@127.0.0.1:9000/shop?http_port=1"));
        assertThatThrownBy(() -> closed.open("shop")).hasMessage("Connect to http://127.0.0.1:1 failed: Connection refused"
                + " (clickhouse://ana:****@127.0.0.1:9000/shop?http_port=1)");

        ClickHouseConnector unknown = new ClickHouseConnector(MateyUrl.parse("clickhouse://ana:s3cret@matey-no-such-host.invalid/shop"));
        assertThatThrownBy(() -> unknown.open("shop")).hasMessageStartingWith("unknown host matey-no-such-host.invalid")
                .hasMessageNotContaining("s3cret").hasMessageNotContaining("attempt");
    }

    /**
     * A server that accepts the request and never answers (a listening socket nobody reads from) ends the wait at
     * the read timeout, with a message naming the server and the URL parameter that sets the timeout.
     */
    @Test
    void aServerThatNeverAnswersTimesOutNamingTheServer() throws Exception {
        assertThat(new ClickHouseConnector(MateyUrl.parse("clickhouse://h/shop")).properties()
                .getProperty("socket_timeout")).isEqualTo(Integer.toString(ClickHouseConnector.DEFAULT_SOCKET_TIMEOUT_MS));
        try (ServerSocket hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ClickHouseConnector connector = new ClickHouseConnector(MateyUrl.parse("clickhouse://ana:s3cret@127.0.0.1:"
                    + hung.getLocalPort() + "/shop?socket_timeout=1000"));
            long start = System.nanoTime();
            assertThatThrownBy(() -> connector.open("shop"))
                    .hasMessageContaining("sent no answer within the read timeout (URL parameter socket_timeout")
                    .hasMessageEndingWith("(clickhouse://ana:****@127.0.0.1:" + hung.getLocalPort()
                            + "/shop?socket_timeout=1000)")
                    .hasMessageNotContaining("s3cret");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void badPortsAndClusterModeAreRefusedWithTheUrlMasked() {
        ClickHouseConnector badPort = new ClickHouseConnector(MateyUrl.parse("clickhouse://ana:s3cret@h:9000/shop?http_port=x"));
        assertThatThrownBy(badPort::httpPort).isInstanceOf(MateyException.class)
                .hasMessageContaining("http_port=x is not a port").hasMessageNotContaining("s3cret");

        assertThatThrownBy(() -> new ClickHouseConnector(MateyUrl.parse("clickhouse://ana:s3cret@h/shop?on_cluster=true")))
                .isInstanceOf(MateyException.class).hasMessageContaining("cluster mode (on_cluster)")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void anApplicationsJdbcUrlNamesTheSameDatabase() {
        assertThat(JdbcUrls.toMateyUrl("jdbc:clickhouse://h:8123/shop?compress=false", "ana", "pw")).map(MateyUrl::raw)
                .contains("clickhouse://ana:pw@h:8123/shop?compress=false");
        assertThat(JdbcUrls.toMateyUrl("jdbc:ch://h:8123/shop", null, null)).map(MateyUrl::raw)
                .contains("clickhouse://h:8123/shop");
    }

    @Test
    void initCiRunsTheServerImageOnItsHttpPort() {
        CiService ci = Engines.byId("clickhouse").ciService().orElseThrow();
        assertThat(new ClickHouseConnector(MateyUrl.parse(ci.testUrl("127.0.0.1"))).jdbcUrl("default"))
                .isEqualTo("jdbc:clickhouse:http://127.0.0.1:8123/default");
    }

    @Test
    void theEngineServesClickHouseUrls() {
        assertThat(Engines.forUrl(MateyUrl.parse("clickhouse://h:9000/shop")).id()).isEqualTo("clickhouse");
        assertThat(Engines.byId("clickhouse").transactionalDdl()).isFalse();
        assertThat(Engines.byId("clickhouse").siblingUrl(MateyUrl.parse("clickhouse://u:p@h:9000/shop?database=shop"),
                "scratch").raw()).startsWith("clickhouse://u:p@h:9000/scratch");
    }
}
