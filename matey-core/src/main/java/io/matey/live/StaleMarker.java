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
 * the applied index (the partial changes were undone by hand): {@code db up --resume} removes it and says so.
 * {@code db status} reports it; every other live command refuses with the same report and the step out.
 *
 * @param index        the applied index
 * @param expectedFrom the artifact holding the committed state at {@code index}
 * @param diff         that committed state against the live schema; empty when they are the same (the marker is
 *                     stale)
 */
public record StaleMarker(MigrationProgress.Marker marker, int index, String expectedFrom, String diff) {

    /** True when no worktree migration has the marker's version. */
    static boolean abandoned(LiveTarget target, MigrationProgress.Marker marker) {
        return target.migrations().stream().noneMatch(m -> m.version().equals(marker.version()));
    }

    /** Compares the live schema with the committed state at the applied index. */
    static StaleMarker read(LiveTarget target, MigrationProgress.Marker marker, LivePrefix prefix,
            Connection connection) throws SQLException {
        String live = SchemaDump.dump(target.engine(), connection);
        String expected = target.expectedAt(prefix.index());
        String source = target.expectedSource(prefix.index());
        String diff = SchemaDump.sameSchema(live, expected) ? ""
                : SchemaDiff.unified(expected, live, source + " (committed)", Postcheck.LIVE_LABEL);
        return new StaleMarker(marker, prefix.index(), source, diff);
    }

    /**
     * For {@code db up --resume}: removes the marker when the live schema is the committed state at the applied
     * index, and refuses with the diff otherwise.
     */
    static void remove(LiveTarget target, MigrationProgress.Marker marker, LivePrefix prefix, Connection connection,
            String context, Consumer<String> progress) throws SQLException {
        StaleMarker stale = read(target, marker, prefix, connection);
        if (!stale.undone()) {
            throw stale.refusal(target, context + " --resume");
        }
        target.engine().progressTable().finish(connection, marker.version());
        progress.accept("removed the stale " + marker.description() + ": its migration is not in the worktree and the "
                + "live schema is the committed state at index " + prefix.index());
    }

    /** True when the live schema is the committed state at the applied index: the partial changes were undone. */
    public boolean undone() {
        return diff.isEmpty();
    }

    /** The marker and how the live schema stands, for {@code db status} and the refusals. */
    public String describe() {
        return marker.description() + ", whose migration is not in the worktree, and the live schema is "
                + (undone() ? "" : "not ") + "the committed state at the applied index " + index + " (" + expectedFrom
                + ")" + (undone() ? ", so its partial changes were undone and the marker is stale" : "");
    }

    /** The documented step out, naming {@code resume}, the {@code db up --resume} command for this database. */
    public String wayForward(String resume) {
        if (undone()) {
            return "Run `" + resume + "`: it removes the marker, then applies the pending migrations.";
        }
        return "Either check out the migration of version " + marker.version() + " again (`git log --diff-filter=D "
                + "--name-only` finds it) and run `" + resume + "`, which continues its section; or undo the changes "
                + "the diff shows by hand until the schema is the committed state, then run `" + resume + "`, which "
                + "removes the marker.";
    }

    /** The refusal of a live command, with the report, the diff and the step out. */
    MateyException refusal(LiveTarget target, String context) {
        return new MateyException(Reason.MIGRATION_INTERRUPTED, context + " refused: the live database "
                + target.endpoint() + " holds a " + describe() + (undone() ? ". " : ":\n" + diff)
                + wayForward(target.command("db up") + " --resume"));
    }
}
