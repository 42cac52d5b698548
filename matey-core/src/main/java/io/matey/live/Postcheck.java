package io.matey.live;

import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.schema.SchemaDiff;
import io.matey.schema.SchemaDump;
import java.sql.Connection;
import java.sql.SQLException;

/** The verification that ends every change: the live schema must be the committed state at the new index. */
final class Postcheck {

    static final String LIVE_LABEL = "live/schema.sql";
    static final String EXPECTED_LABEL = "expected/worktree.sql";

    private Postcheck() {
    }

    static void verify(LiveTarget target, Connection connection, int index, String command) throws SQLException {
        String live = SchemaDump.dump(target.engine(), connection);
        String expected = target.expectedAt(index);
        if (!SchemaDump.sameSchema(live, expected)) {
            throw new MateyException(Reason.POSTCHECK_FAILED, command + " postcheck failed: live schema differs from expected schema at index "
                    + index + " (" + target.expectedSource(index) + "):\n"
                    + SchemaDiff.unified(live, expected, LIVE_LABEL, EXPECTED_LABEL));
        }
    }
}
