package io.matey.live;

import io.matey.engine.Engine;
import io.matey.engine.ForeignWrites;
import io.matey.engine.LockWait;
import io.matey.engine.MigrationProgress;
import io.matey.engine.MigrationRunner;
import io.matey.engine.MigrationTable;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.migration.Migration;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code db up} and {@code db migrate}: apply the pending worktree migrations one by one, then verify the live
 * schema against {@code schema.sql}. The migration lock is held from reading the applied versions to the
 * verification, so concurrent runs apply each migration exactly once: whoever waits re-reads after the lock.
 * A database where a section was interrupted is refused, unless {@code --resume} continues it first
 * (docs/architecture.md §7). Pending migrations are not run over drift: a database that records versions and
 * differs from the committed state at its applied index is refused first, with the diff. A new database and one
 * recording no version have nothing to compare (an unrecorded one holding objects is refused as such), and a resumed
 * section has had its live schema matched against its partial states instead.
 */
final class LiveUp {

    private LiveUp() {
    }

    /**
     * @param create      {@code up} creates a missing database, {@code migrate} refuses it
     * @param resume      the scratch server {@code --resume} rebuilds partial states on; null without {@code --resume}
     * @param locks       how to wait for the migration lock
     */
    static LiveChange run(LiveTarget target, String command, boolean create, Consumer<String> progress,
            Supplier<ResumePoint.Scratch> resume, LockWait locks) {
        String context = "db " + command;
        target.requireClean(context).requireRunnable(context).requireMigrations(context);
        LiveConnector.Opened opened = LiveConnector.open(target, context, create);
        Engine engine = target.engine();
        MigrationTable table = engine.migrationTable();
        Connection connection = opened.connection();
        ServerProfileCheck.beforeMigrations(target, opened, context);
        try (connection; Engine.MigrationLock lock = locks.acquire(engine, connection)) {
            Optional<MigrationProgress.Marker> marker = engine.progressTable().read(connection);
            if (!opened.created() && marker.isEmpty()) {
                UnrecordedSchema.refuse(target, connection, context);
            }
            table.ensure(connection);
            List<String> applied = target.appliedVersions(connection);
            LivePrefix before = target.prefix(applied);
            before.requireConsistent(target.opening(context));
            MigrationRunner runner = new MigrationRunner(engine, connection, target.failureCommands());
            List<MigrationTiming> timings = new ArrayList<>();
            LivePrefix start = before;
            String removedMarker = null;
            if (marker.isPresent() && StaleMarker.misplaced(target, marker.get(), before)
                    && StaleMarker.finished(marker.get(), applied)) {
                removedMarker = StaleMarker.removeFinished(target, marker.get(), connection);
                marker = Optional.empty();
            } else if (marker.isPresent() && resume != null && StaleMarker.misplaced(target, marker.get(), before)) {
                removedMarker = StaleMarker.remove(target, marker.get(), before, applied, connection, context);
                marker = Optional.empty();
            }
            if (marker.isPresent()) {
                Interruption interruption = Interruption.of(target, marker.get(), before, applied, connection, context);
                if (resume == null) {
                    throw interruption.refusal(target, context);
                }
                timings.add(SectionResume.run(target, connection, runner, interruption, resume.get(), context, progress));
                start = target.prefix(target.appliedVersions(connection));
            }
            List<Migration> pending = target.migrations().subList(start.index(), target.head());
            ForeignWrites.refuseOnLive(engine, pending, ForeignWrites.Sections.UP, target.opening(context));
            if (marker.isEmpty() && !opened.created() && before.index() > 0 && !pending.isEmpty()) {
                DriftBeforeUp.refuse(target, connection, before.index(), pending, context);
            }
            timings.addAll(new SectionSequence(target.opening(context), target.command("db status"), progress).run(pending, runner::up, start.index(), 1));
            // Once per run, not per section; a failed section keeps its marker, and the table with it.
            engine.progressTable().dropIfEmpty(connection);
            LivePrefix after = target.prefix(target.appliedVersions(connection));
            if (after.relation() != LivePrefix.Relation.EQUAL) {
                throw new MateyException(Reason.POSTCHECK_FAILED, target.opening(context, "post-status")
                        + " failed: " + after.applied() + " version(s) applied, but the worktree head is " + target.head() + ".");
            }
            Postcheck.verify(target, connection, after.index(), context,
                    timings.isEmpty() ? "" : "applied and recorded " + Postcheck.migrations(timings));
            return new LiveChange(target.name(), target.endpoint(), command, opened.created(), before.index(), after.index(),
                    timings, removedMarker == null ? List.of() : List.of(removedMarker));
        } catch (SQLException e) {
            throw target.failure(context, connection, e);
        }
    }
}
