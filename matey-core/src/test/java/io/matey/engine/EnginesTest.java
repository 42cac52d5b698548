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
        assertThat(Engines.isKnown("oracle")).isFalse();
    }

    @Test
    void aNameWithoutAPlugInIsAnErrorNamingThePlugIns() {
        assertThatThrownBy(() -> Engines.byId("bigquery")).isInstanceOf(MateyException.class)
                .hasMessageStartingWith("Unsupported engine 'bigquery': this build has engine plug-ins for ")
                .hasMessageContaining("sqlite, postgres, mysql");
        assertThatThrownBy(() -> Engines.forUrl(MateyUrl.parse("bigquery://project/dataset")))
                .isInstanceOf(MateyException.class)
                .hasMessageStartingWith("Unsupported database URL scheme 'bigquery' in bigquery://project/dataset: ");
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
