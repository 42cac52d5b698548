package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.engine.postgres.Constructs;
import io.matey.testing.Construct;
import io.matey.testing.TestWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's long history: the construct corpus, then a product growing feature by feature (tables with
 * IN-list checks, partial indexes, views, added columns, policies, publications, statistics, a unique
 * constraint duplicating the primary key, rules), 157 migrations generated deterministically, replayed end to
 * end: apply --clean, bootstrap, up, down 3, up, drift clean. It takes minutes, so it runs on demand
 * ({@code MATEY_LONG_TESTS=1}, see the README's Performance section), not in every suite run.
 */
@EnabledIfEnvironmentVariable(named = "MATEY_LONG_TESTS", matches = "1")
class PostgresLongHistoryTest {

    private static final int FEATURES = 27;

    @TempDir
    Path dir;

    @Test
    void aLongHistoryOfEveryConstructReplaysEndToEnd() throws Exception {
        TestWorkspace ws = new TestWorkspace(dir, "postgres");
        int index = 0;
        for (Construct construct : Constructs.ALL) {
            ws.migration("%03d_%s.sql".formatted(++index, construct.name()), construct.up(), construct.down());
        }
        for (int feature = 1; feature <= FEATURES; feature++) {
            for (String[] migration : feature(feature)) {
                ws.migration("%03d_%s.sql".formatted(++index, migration[0]), migration[1], migration[2]);
            }
        }
        assertThat(index).isGreaterThanOrEqualTo(150);

        ws.apply(new ReplayOptions(null, null, true, false));
        assertThat(ws.plan().match()).isTrue();
        LiveChecks.bootstrapAndUpDownUpStayClean(ws, index);
    }

    /** The five migrations of one feature: (name, up, down). */
    private static String[][] feature(int n) {
        String t = "feature_" + n;
        String extra = switch (n % 5) {
            case 0 -> "ALTER TABLE " + t + " ENABLE ROW LEVEL SECURITY;\nCREATE POLICY " + t + "_live ON " + t
                    + " USING (state IN ('live', 'draft'));";
            case 1 -> "ALTER PUBLICATION member_changes ADD TABLE " + t + ";";
            case 2 -> "CREATE STATISTICS " + t + "_stats ON member_id, state FROM " + t + ";";
            case 3 -> "ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_id_unique UNIQUE (id);";
            default -> "CREATE RULE " + t + "_keep AS ON DELETE TO " + t
                    + " WHERE old.state IN ('live') DO INSTEAD NOTHING;";
        };
        String extraDown = switch (n % 5) {
            case 0 -> "DROP POLICY " + t + "_live ON " + t + ";\nALTER TABLE " + t + " DISABLE ROW LEVEL SECURITY;";
            case 1 -> "ALTER PUBLICATION member_changes DROP TABLE " + t + ";";
            case 2 -> "DROP STATISTICS " + t + "_stats;";
            case 3 -> "ALTER TABLE " + t + " DROP CONSTRAINT " + t + "_id_unique;";
            default -> "DROP RULE " + t + "_keep ON " + t + ";";
        };
        return new String[][] {
                {"create_" + t, """
                        CREATE TABLE %1$s (
                            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                            member_id integer REFERENCES members (id),
                            state varchar(12) NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'live', 'gone')),
                            created_at timestamptz NOT NULL DEFAULT now());
                        COMMENT ON TABLE %1$s IS 'Feature %2$d';""".formatted(t, n), "DROP TABLE " + t + ";"},
                {"index_" + t, "CREATE INDEX " + t + "_live ON " + t + " (member_id) WHERE state IN ('live', 'draft');",
                        "DROP INDEX " + t + "_live;"},
                {"score_" + t, "ALTER TABLE " + t + " ADD COLUMN score numeric(8, 2) DEFAULT 0 CHECK (score >= 0),"
                        + " ADD COLUMN tags varchar(20)[] DEFAULT ARRAY['new']::varchar(20)[];",
                        "ALTER TABLE " + t + " DROP COLUMN tags, DROP COLUMN score;"},
                {"summary_" + t, "CREATE VIEW " + t + "_summary AS SELECT state, count(*) AS n FROM " + t
                        + " WHERE state IN ('live', 'draft') GROUP BY state;", "DROP VIEW " + t + "_summary;"},
                {"extra_" + t, extra, extraDown},
        };
    }
}
