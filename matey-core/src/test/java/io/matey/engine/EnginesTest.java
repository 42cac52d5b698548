package io.matey.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import org.junit.jupiter.api.Test;

/** Engine names, aliases and URL schemes come from the plug-ins; anything else is an error naming them. */
class EnginesTest {

    @Test
    void aliasesAndProductNamesMapToTheirEngine() {
        assertThat(Engines.normalizeId("postgresql")).isEqualTo("postgres");
        assertThat(Engines.normalizeId(" SQLite3 ")).isEqualTo("sqlite");
        assertThat(Engines.normalizeId("MariaDB")).isEqualTo("mysql");
        assertThat(Engines.find("PostgreSQL")).map(Engine::id).hasValue("postgres");
        assertThat(Engines.normalizeId("Oracle")).isEqualTo("oracle");
        assertThat(Engines.find("oracle")).isEmpty();
    }

    @Test
    void aNameWithoutAPlugInIsAnErrorNamingThePlugIns() {
        assertThatThrownBy(() -> Engines.byId("snowflake")).isInstanceOf(MateyException.class)
                .hasMessageStartingWith("Unsupported engine 'snowflake': this build has engine plug-ins for ")
                .hasMessageContaining("sqlite, postgres, mysql, clickhouse, bigquery, bigquery-emulator");
        assertThatThrownBy(() -> Engines.forUrl(MateyUrl.parse("snowflake://account/db")))
                .isInstanceOf(MateyException.class)
                .hasMessageStartingWith("Unsupported database URL scheme 'snowflake' in snowflake://account/db: ");
    }

    @Test
    void bigQueryAndItsEmulatorArePlugIns() {
        assertThat(Engines.forUrl(MateyUrl.parse("bigquery://project/us/dataset")).id()).isEqualTo("bigquery");
        assertThat(Engines.forUrl(MateyUrl.parse("bigquery-emulator://127.0.0.1:9050/project/dataset")).id())
                .isEqualTo("bigquery-emulator");
        assertThat(Engines.normalizeId("bigquery_emulator")).isEqualTo("bigquery-emulator");
        assertThat(Engines.byId("bigquery").transactions()).isFalse();
    }

    @Test
    void fileUrlsAreThoseOfEnginesThatSaySo() {
        assertThat(MateyUrl.parse("sqlite:db/app.db").isFile()).isTrue();
        assertThat(MateyUrl.parse("sqlite3:db/app.db").path()).isEqualTo("db/app.db");
        assertThat(Engines.forUrl(MateyUrl.parse("mariadb://root@localhost:3306/app")).id()).isEqualTo("mysql");
        assertThat(MateyUrl.parse("postgresql://u@localhost/app").isFile()).isFalse();
    }

    @Test
    void eachEngineQuotesIdentifiersForItsOwnSql() {
        assertThat(Engines.byId("postgres").quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(Engines.byId("sqlite").quote("t")).isEqualTo("\"t\"");
        assertThat(Engines.byId("mysql").quote("a`b")).isEqualTo("`a``b`");
    }
}
