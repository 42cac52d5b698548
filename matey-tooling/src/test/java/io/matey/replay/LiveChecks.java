package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.Matey;
import io.matey.testing.TestDatabase;
import io.matey.testing.TestWorkspace;

/** The live half of the artifacts' promise on the workspace's engine, shared by the corpora and the long history. */
final class LiveChecks {

    private LiveChecks() {
    }

    /**
     * {@code db bootstrap} then drift is clean; on another new database {@code db up}, {@code db down 3} (which must
     * leave {@code migrations - 3} applied), {@code db up}, then drift is clean.
     */
    static void bootstrapAndUpDownUpStayClean(TestWorkspace ws, int migrations) throws Exception {
        Matey matey = ws.matey();
        try (TestDatabase bootstrapped = TestDatabase.unborn(ws.engine())) {
            matey.dbBootstrap(matey.target(TestWorkspace.TARGET), bootstrapped.url().raw(), line -> { });
            assertThat(matey.dbDrift(matey.target(TestWorkspace.TARGET), bootstrapped.url().raw()).drifted()).isFalse();
        }
        try (TestDatabase migrated = TestDatabase.unborn(ws.engine())) {
            String url = migrated.url().raw();
            matey.dbUp(matey.target(TestWorkspace.TARGET), url, line -> { });
            assertThat(matey.dbDown(matey.target(TestWorkspace.TARGET), url, 3, line -> { }).after())
                    .isEqualTo(migrations - 3);
            matey.dbUp(matey.target(TestWorkspace.TARGET), url, line -> { });
            assertThat(matey.dbDrift(matey.target(TestWorkspace.TARGET), url).drifted()).isFalse();
        }
    }
}
