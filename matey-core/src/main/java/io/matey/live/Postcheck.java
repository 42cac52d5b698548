package io.matey.live;

import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.schema.ServerDefaultsDiff;
import io.matey.schema.SchemaDiff;
import io.matey.schema.SchemaDump;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The verification that ends every change: the live schema must be the committed state at the new index; and the
 * one before a rollback, which must start from the committed state.
 */
final class Postcheck {

    /** The live side of every drift diff, which runs from the expected artifact to it (docs/architecture.md §7). */
    static final String LIVE_LABEL = "live/schema.sql";

    private Postcheck() {
    }

    /**
     * @param committed what the command committed before the check, e.g. "rolled back 1 migration (...) and removed
     *                  its version", so that a failure does not read as if nothing changed; empty when nothing did, so that
     *                  drift found before any change does not read as if the command caused it
     */
    static void verify(LiveTarget target, Connection connection, int index, String command, String committed)
            throws SQLException {
        Optional<String> diff = driftAt(target, connection, index);
        if (diff.isPresent()) {
            String opening = target.opening(command);
            String failed = committed.isEmpty() ? opening + " applied nothing; the "
                    : opening + " " + committed + "; this is committed, but the postcheck then found drift: ";
            // drift found before anything ran is the database's state, as over pending migrations (DriftBeforeUp)
            throw new MateyException(committed.isEmpty() ? Reason.DATABASE_DRIFTED : Reason.POSTCHECK_FAILED,
                    failed + "live schema differs from expected schema at index "
                    + index + " (" + target.expectedSource(index) + "):\n" + explained(target, diff.get()));
        }
    }

    /**
     * The check before a rollback: a schema changed outside migrations since {@code index} would be rolled back past
     * and its changes lost with the objects the down sections drop, so the command is refused with the drift.
     */
    static void requireNoDrift(LiveTarget target, Connection connection, int index, String command)
            throws SQLException {
        Optional<String> diff = driftAt(target, connection, index);
        if (diff.isPresent()) {
            String differs = target.opening(command) + " refused: the live schema differs from the committed state at "
                    + "index " + index + " (" + target.expectedSource(index) + ")";
            // server defaults are no change a migration could capture: the hint after the diff says what to do
            String why = ServerDefaultsDiff.hint(diff.get(), target.config().testUrlEnv()) != null
                    ? " in server defaults only, explained below; nothing was rolled back"
                    : ", and rolling back would lose changes made outside migrations; nothing was rolled back. Undo "
                    + "them, or capture them in a migration first (`" + target.command("db drift") + "` shows them)";
            throw new MateyException(Reason.DATABASE_DRIFTED, differs + why + ":\n" + explained(target, diff.get()));
        }
    }

    /** The unified diff committed state at {@code index} → live; empty when they are the same schema. */
    private static Optional<String> driftAt(LiveTarget target, Connection connection, int index) throws SQLException {
        String live = SchemaDump.dump(target.engine(), connection);
        String expected = target.expectedAt(index, connection);
        return SchemaDump.sameSchema(live, expected) ? Optional.empty() : Optional.of(diff(target.expectedSource(index), expected, live));
    }

    /**
     * The unified diff expected → live, as every drift message shows it: what was changed by hand is its {@code +}
     * lines, and {@code source} (the checkpoint or {@code schema.sql}) labels the expected side.
     */
    static String diff(String source, String expected, String live) {
        return SchemaDiff.unified(expected, live, source, LIVE_LABEL);
    }

    /** A drift diff, followed by what explains it when servers' or databases' defaults do (only on a failure). */
    static String explained(LiveTarget target, String diff) {
        String hint = ServerDefaultsDiff.hint(diff, target.config().testUrlEnv());
        return hint == null ? diff : diff + hint + "\n";
    }

    /** "1 pending migration", "2 pending migrations". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** How many files a message names before it counts the rest. */
    private static final int NAMED = 3;

    /**
     * "1 migration (migrations/002_b.sql)", "2 migrations (migrations/003_c.sql, migrations/002_b.sql)"; past
     * {@value #NAMED} files, the first ones "and 48 more", so that a failure after a long run stays readable.
     */
    static String migrations(List<MigrationTiming> timings) {
        List<String> files = timings.stream().map(MigrationTiming::file).toList();
        String named = String.join(", ", files.size() <= NAMED + 1 ? files : files.subList(0, NAMED));
        return count(files.size(), "migration") + " (" + named
                + (files.size() <= NAMED + 1 ? "" : " and " + (files.size() - NAMED) + " more") + ")";
    }
}
