package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Columns line up on a terminal, where a CJK character takes two cells and an accent none. */
class TextTableTest {

    @Test
    void wideAndCombiningCharactersArePaddedByTheCellsTheyTake() {
        String table = new TextTable("Set", "Table", "Mode").row("cjk", "数据表", "replace")
                .row("latin", "cafe\u0301s", "upsert").row("plain", "items", "insert").render();

        assertThat(table).isEqualTo("Set    Table   Mode\n"
                + "cjk    数据表  replace\n"
                + "latin  cafe\u0301s   upsert\n"
                + "plain  items   insert\n");
    }
}
