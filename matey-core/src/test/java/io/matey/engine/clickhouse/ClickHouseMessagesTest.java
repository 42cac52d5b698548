package io.matey.engine.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The 0.6 driver's node suffix, which the current driver no longer sends, so no live server shows it. */
class ClickHouseMessagesTest {

    @Test
    void theServersWordsStayWithoutTheQueryIdOrNode() {
        assertThat(ClickHouseMessages.clean("Code: 60. DB::Exception: Table default.t does not exist. "
                + "(UNKNOWN_TABLE) (version 24.3.1.1), server ClickHouseNode [uri=http://db:8123/default, "
                + "options={user=app,password=s3cret}]@-1520317408"))
                .isEqualTo("Code: 60. DB::Exception: Table default.t does not exist. (UNKNOWN_TABLE) (version 24.3.1.1)");
        assertThat(ClickHouseMessages.clean("Code: 516. DB::Exception: default: Authentication failed. "
                + "(AUTHENTICATION_FAILED)  (queryId= f1bb34c0-ee5e-437b-82fc-e665ccf1a5d6)"))
                .isEqualTo("Code: 516. DB::Exception: default: Authentication failed. (AUTHENTICATION_FAILED)");
    }
}
