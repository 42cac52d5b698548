package io.matey.shell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.Engines;
import io.matey.migration.StatementSplitter;
import org.junit.jupiter.api.Test;

/** A ClickHouse draft split into migrations of one statement each, as {@code db new --from-drift} writes them. */
class DraftMigrationsTest {

    private static final StatementSplitter CLICKHOUSE = new StatementSplitter(Engines.byId("clickhouse").dialect());

    /** The warning a draft of unloadable live text opens with heads the first file, before its up marker, once. */
    @Test
    void aWarningTheDraftOpensWithHeadsTheFirstFile() {
        String warning = "-- Warning: drafted from live text the server would not load again, so statements below may"
                + " not run; rewrite them in a form that loads:\n--   mv: UNKNOWN_TABLE\n";
        assertThat(DraftMigrations.split(warning + "-- migrate:up\nRENAME TABLE c TO c2;\n\nDROP VIEW mv;\n\n"
                + "-- migrate:down\nCREATE VIEW mv AS SELECT 1;\n\nRENAME TABLE c2 TO c;\n", CLICKHOUSE)).containsExactly(
                warning + "-- migrate:up\nRENAME TABLE c TO c2;\n\n-- migrate:down\nRENAME TABLE c2 TO c;\n",
                "-- migrate:up\nDROP VIEW mv;\n\n-- migrate:down\nCREATE VIEW mv AS SELECT 1;\n");
    }
}
