package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import io.matey.testing.Construct;
import io.matey.testing.TestWorkspace;
import java.util.List;
import java.util.Map;

/**
 * Issue 10's property over an engine's construct corpus, through the façade as a user runs it: each construct is a
 * migration, added and applied incrementally a few at a time; a clean replay writes the same bytes, a second apply
 * and the plan find nothing to do, and a bootstrapped and a migrated database both pass their post-checks and show
 * no drift.
 */
final class ConstructCorpus {

    private ConstructCorpus() {
    }

    static void keepsTheArtifactsTrue(TestWorkspace ws, List<Construct> constructs) throws Exception {
        int index = 0;
        for (Construct construct : constructs) {
            ws.migration("%03d_%s.sql".formatted(++index, construct.name()), construct.up(), construct.down());
            // a few migrations per replay, so that most of the history is replayed from a loaded checkpoint
            if (index % 4 == 0 || index == constructs.size()) {
                ws.apply();
            }
        }
        Map<String, String> incremental = ws.files();

        SchemaApplyResult clean = ws.apply(new ReplayOptions(null, null, true, false));
        assertThat(ws.files().get("schema.sql")).isEqualTo(incremental.get("schema.sql"));
        assertThat(ws.files()).isEqualTo(incremental);
        assertThat(clean.changedFiles()).isEmpty();
        assertThat(ws.apply().changed()).isFalse();
        assertThat(ws.plan().match()).isTrue();

        LiveChecks.bootstrapAndUpDownUpStayClean(ws, index);
    }

    /**
     * A migration after a first one leaves an object the dump refuses: the replay fails naming the migration (as
     * {@code 002_<name>.sql}) and the message {@code refusal}, and writes nothing.
     */
    static void refusesAfterTheMigration(TestWorkspace ws, String name, String up, String down, String refusal) {
        ws.migration("001_base.sql", ws.createTable("base"), "DROP TABLE base;");
        ws.migration("002_" + name + ".sql", up, down);
        Map<String, String> before = ws.files();

        assertThatThrownBy(ws::apply)
                .isInstanceOf(MateyException.class)
                .hasMessageContaining("after migrations/002_" + name + ".sql")
                .hasMessageContaining(refusal);
        assertThat(ws.files()).isEqualTo(before);
    }
}
