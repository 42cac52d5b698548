package io.matey.live;

import io.matey.engine.MigrationProgress;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.schema.SchemaDiff;
import io.matey.schema.SchemaDump;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * A progress marker whose migration is in no worktree file any more (docs/architecture.md §7): the interrupted
 * section was abandoned and its file deleted. The marker is stale when the live schema is the committed state at
 * the applied index (the partial changes were undone by hand): {@code db up --resume} removes it and says so. Until
 * then every live command refuses, naming that step, or, when the schema differs, the diff and both ways out.
 */
final class StaleMarker {

    private StaleMarker() {
    }

    /** True when no worktree migration has the marker's version. */
    static boolean abandoned(LiveTarget target, MigrationProgress.Marker marker) {
        return target.migrations().stream().noneMatch(m -> m.version().equals(marker.version()));
    }

    /** The refusal of a command other than {@code db up --resume}, with the step that removes the marker. */
    static MateyException refusal(LiveTarget target, MigrationProgress.Marker marker, LivePrefix prefix,
            Connection connection, String context) throws SQLException {
        String live = SchemaDump.dump(target.engine(), connection);
        String expected = target.expectedAt(prefix.index());
        String resume = "`" + target.command("db up") + " --resume`";
        if (SchemaDump.sameSchema(live, expected)) {
            return new MateyException(Reason.MIGRATION_INTERRUPTED, context + " refused: " + describe(target, marker)
                    + "; the live schema is the committed state at the applied index " + prefix.index() + " ("
                    + target.expectedSource(prefix.index()) + "), so its partial changes were undone and the marker "
                    + "is stale. Run " + resume + ": it removes the marker, then applies the pending migrations.");
        }
        return differs(target, marker, prefix, live, expected, context, resume);
    }

    /**
     * For {@code db up --resume}: removes the marker when the live schema is the committed state at the applied
     * index, and refuses with the diff otherwise.
     */
    static void remove(LiveTarget target, MigrationProgress.Marker marker, LivePrefix prefix, Connection connection,
            String context, Consumer<String> progress) throws SQLException {
        String live = SchemaDump.dump(target.engine(), connection);
        String expected = target.expectedAt(prefix.index());
        if (!SchemaDump.sameSchema(live, expected)) {
            throw differs(target, marker, prefix, live, expected, context + " --resume",
                    "`" + target.command("db up") + " --resume` again");
        }
        target.engine().progressTable().finish(connection, marker.version());
        progress.accept("removed the stale " + marker.description() + ": its migration is not in the worktree and the "
                + "live schema is the committed state at index " + prefix.index());
    }

    private static MateyException differs(LiveTarget target, MigrationProgress.Marker marker, LivePrefix prefix,
            String live, String expected, String context, String resume) {
        return new MateyException(Reason.MIGRATION_INTERRUPTED, context + " refused: " + describe(target, marker)
                + ", and the live schema is not the committed state at the applied index " + prefix.index()
                + ":\n" + SchemaDiff.unified(expected, live, target.expectedSource(prefix.index()) + " (committed)",
                        Postcheck.LIVE_LABEL)
                + "Either check out the migration of version " + marker.version() + " again (`git log --diff-filter=D "
                + "--name-only` finds it) and run `" + target.command("db up") + " --resume`, which continues its "
                + "section; or undo the changes the diff shows by hand until the schema is the committed state, then "
                + "run " + resume + ", which removes the marker.");
    }

    private static String describe(LiveTarget target, MigrationProgress.Marker marker) {
        return "the live database " + target.endpoint() + " holds a " + marker.description()
                + ", whose migration is not in the worktree";
    }
}
