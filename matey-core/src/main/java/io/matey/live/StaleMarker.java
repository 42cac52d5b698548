package io.matey.live;

import io.matey.engine.MigrationProgress;
import io.matey.engine.MigrationRunner;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.migration.Migration;
import io.matey.schema.SchemaDiff;
import io.matey.schema.SchemaDump;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A progress marker that no section can continue (docs/architecture.md §7): its migration is in no worktree file any
 * more (the interrupted section was abandoned and its file deleted), or it is in the worktree but not where its
 * section would continue, the next migration to apply (up) or the latest applied (down): the migrations were renamed
 * or reordered, or later ones were applied by another tool such as dbmate. The marker is stale when the live schema
 * is the committed state at the applied index (the partial changes were undone, or the section finished, by hand):
 * {@code db up --resume} removes it and says so. {@code db status} reports it; every other live command refuses with
 * the same report and the step out. A marker Matey's own records prove {@link #finished} is no such puzzle: only its
 * removal was cut short, so {@code db up} removes it without {@code --resume}, as the engines whose version change
 * and marker removal commit together never leave it.
 *
 * @param file         the worktree migration of the marker's version; null when none has it (the section abandoned)
 * @param index        the applied index
 * @param expectedFrom the artifact holding the committed state at {@code index}
 * @param diff         that committed state against the live schema; empty when they are the same (the marker is
 *                     stale)
 * @param finished     whether the marker's section is proven {@link #finished}
 */
public record StaleMarker(MigrationProgress.Marker marker, String file, int index, String expectedFrom, String diff,
        boolean finished) {

    /**
     * True when the marker's migration is not the one its section continues at the applied index: the next to
     * apply for an up section, the latest applied for a down section.
     */
    static boolean misplaced(LiveTarget target, MigrationProgress.Marker marker, LivePrefix prefix) {
        int position = up(marker) ? prefix.index() : prefix.index() - 1;
        List<Migration> migrations = target.migrations();
        return position < 0 || position >= migrations.size()
                || !migrations.get(position).version().equals(marker.version());
    }

    /**
     * True when the marker's section finished, by Matey's own records: it ran every statement, and its version change
     * (recording an up section's version, removing a down section's) is in effect. The runner removes the marker only
     * after that change, in a separate write where the engine has no transactions (ClickHouse): a process killed
     * between the two leaves this marker and nothing undone.
     */
    static boolean finished(MigrationProgress.Marker marker, List<String> applied) {
        return marker.done() == marker.total() && applied.contains(marker.version()) == up(marker);
    }

    /**
     * For {@code db up}: removes a {@link #finished} marker.
     *
     * @return the line saying so
     */
    static String removeFinished(LiveTarget target, MigrationProgress.Marker marker, Connection connection)
            throws SQLException {
        target.engine().progressTable().finish(connection, marker.version());
        return "removed the " + marker.description() + ": its section finished and its version change is recorded; "
                + "only the marker's removal was cut short";
    }

    /**
     * Compares the live schema with the committed state at the applied index.
     *
     * @param applied the applied versions the caller read, from which {@code prefix} was computed
     */
    static StaleMarker read(LiveTarget target, MigrationProgress.Marker marker, LivePrefix prefix,
            List<String> applied, Connection connection) throws SQLException {
        String live = SchemaDump.dump(target.engine(), connection);
        String expected = target.expectedAt(prefix.index(), connection);
        String source = target.expectedSource(prefix.index());
        String diff = SchemaDump.sameSchema(live, expected) ? ""
                : SchemaDiff.unified(expected, live, source + " (committed)", Postcheck.LIVE_LABEL);
        return new StaleMarker(marker, fileOf(target, marker), prefix.index(), source, diff, finished(marker, applied));
    }

    /** The worktree migration of the marker's version; null when none has it. */
    private static String fileOf(LiveTarget target, MigrationProgress.Marker marker) {
        for (Migration migration : target.migrations()) {
            if (migration.version().equals(marker.version())) {
                return migration.file();
            }
        }
        return null;
    }

    /**
     * For {@code db up --resume}: removes the marker when the live schema is the committed state at the applied
     * index, and refuses with the diff otherwise.
     *
     * @return the line saying so, {@code removed the stale progress marker of version V ...}
     */
    static String remove(LiveTarget target, MigrationProgress.Marker marker, LivePrefix prefix, List<String> applied,
            Connection connection, String context) throws SQLException {
        StaleMarker stale = read(target, marker, prefix, applied, connection);
        if (!stale.undone()) {
            throw stale.refusal(target, context, "--resume");
        }
        target.engine().progressTable().finish(connection, marker.version());
        return "removed the stale " + marker.description() + ": its " + stale.where() + " and the live schema is the "
                + "committed state at index " + prefix.index();
    }

    private static boolean up(MigrationProgress.Marker marker) {
        return marker.direction().equals(MigrationRunner.UP);
    }

    /** True when the live schema is the committed state at the applied index: the partial changes were undone. */
    public boolean undone() {
        return diff.isEmpty();
    }

    /** Why no section continues the marker: {@code migration is not in the worktree}, or where it is. */
    private String where() {
        return file == null ? "migration is not in the worktree"
                : "migration " + file + " is not the " + (up(marker) ? "next migration to apply" : "latest applied migration");
    }

    /** The marker and how the live schema stands, for {@code db status} and the refusals. */
    public String describe() {
        if (finished) {
            return marker.description() + ", whose section finished and whose version change is recorded: only the "
                    + "marker's removal was cut short";
        }
        String stale = file == null ? ", so its partial changes were undone and the marker is stale"
                : ", so the marker is stale: its section was undone or finished since it stopped";
        return marker.description() + ", whose " + where() + ", and the live schema is "
                + (undone() ? "" : "not ") + "the committed state at the applied index " + index + " (" + expectedFrom
                + ")" + (undone() ? stale : "");
    }

    /** The documented step out, naming {@code up}, the {@code db up} command for this database. */
    public String wayForward(String up) {
        if (finished) {
            return "Run `" + up + "`: it removes the marker, then applies the pending migrations.";
        }
        String resume = up + " --resume";
        if (undone()) {
            return "Run `" + resume + "`: it removes the marker, then applies the pending migrations.";
        }
        String checkOut = file == null ? "check out the migration of version " + marker.version() + " again (`git log "
                + "--diff-filter=D --name-only` finds it)"
                : "check out the migrations this database was migrated with, where " + file + " is the "
                        + (up(marker) ? "next to apply," : "latest applied,");
        return "Either " + checkOut + " and run `" + resume + "`, which continues its section; or undo the changes "
                + "the diff shows by hand until the schema is the committed state at index " + index + ", then run `"
                + resume + "`, which removes the marker.";
    }

    /**
     * The refusal of a live command, with the report, the diff and the step out.
     *
     * @param step the part of {@code context} refused, as {@link LiveTarget#opening(String, String)} takes it
     */
    MateyException refusal(LiveTarget target, String context, String step) {
        return new MateyException(Reason.MIGRATION_INTERRUPTED, target.opening(context, step) + " refused: the live database "
                + target.endpoint() + " holds a " + describe() + (undone() || finished ? ". " : ":\n" + diff)
                + wayForward(target.command("db up")));
    }
}
