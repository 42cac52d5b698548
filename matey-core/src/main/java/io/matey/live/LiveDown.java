package io.matey.live;

import io.matey.artifact.LockStep;
import io.matey.artifact.SchemaLock;
import io.matey.engine.Engine;
import io.matey.engine.ForeignWrites;
import io.matey.engine.LockWait;
import io.matey.engine.MigrationProgress;
import io.matey.engine.MigrationRunner;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.migration.Migration;
import io.matey.replay.StaleAcceptances;
import io.matey.schema.SchemaDump;
import io.matey.workspace.TargetPaths;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code db down --steps N}: roll back the latest N migrations, each with its down section, then verify the live
 * schema against the committed state at the resulting index. Everything that would make the rollback stop
 * halfway or miss that state for a known reason (too few applied, a migration whose empty down section would not
 * undo its up section, one whose down section the lock records as accepted inexact or whose {@code [inexact_downs]}
 * entry differs from the lock's, a live schema that drifted from the committed state) is refused up front. A
 * rollback that stopped partway is refused too, unless {@code --resume} finishes it as the first of the N
 * (docs/architecture.md §7); an interrupted up section is for {@code db up --resume}.
 */
final class LiveDown {

    private static final String CONTEXT = "db down";

    private LiveDown() {
    }

    /**
     * @param resume the scratch server {@code --resume} rebuilds partial states on; null without {@code --resume}
     */
    static LiveChange run(LiveTarget target, int steps, Consumer<String> progress,
            Supplier<ResumePoint.Scratch> resume, LockWait locks) {
        target.requireClean(CONTEXT).requireRunnable(CONTEXT);
        Engine engine = target.engine();
        Connection connection = LiveConnector.connect(target, CONTEXT);
        try (connection; Engine.MigrationLock lock = locks.acquire(engine, connection)) {
            List<String> applied = target.appliedVersions(connection);
            LivePrefix before = target.prefix(applied);
            before.requireConsistent(target.opening(CONTEXT));
            Optional<MigrationProgress.Marker> marker = engine.progressTable().read(connection);
            MigrationRunner runner = new MigrationRunner(engine, connection, target.failureCommands());
            List<MigrationTiming> timings = new ArrayList<>();
            int start = before.index();
            if (marker.isPresent()) {
                Interruption interruption = Interruption.of(target, marker.get(), before, applied, connection, CONTEXT);
                if (resume == null || !interruption.direction().equals(MigrationRunner.DOWN)) {
                    throw interruption.refusal(target, CONTEXT);
                }
                timings.add(SectionResume.run(target, connection, runner, interruption, resume.get(), CONTEXT, progress));
                start = target.prefix(target.appliedVersions(connection)).index();
            }
            List<Migration> rollback = latestFirst(target, start, steps - timings.size());
            ForeignWrites.refuseOnLive(engine, rollback, ForeignWrites.Sections.DOWN, target.opening(CONTEXT));
            if (!rollback.isEmpty()) {
                Postcheck.requireNoDrift(target, connection, start, CONTEXT);
            }
            timings.addAll(new SectionSequence(target.opening(CONTEXT), target.command("db status"), progress)
                    .run(rollback, runner::down, start, -1));
            engine.progressTable().dropIfEmpty(connection); // once per run, as db up
            LivePrefix after = target.prefix(target.appliedVersions(connection));
            if (!after.consistent() || after.index() != before.index() - steps) {
                throw new MateyException(Reason.POSTCHECK_FAILED, target.opening(CONTEXT, "post-status") + " failed: expected index " + (before.index() - steps)
                        + " after rolling back " + steps + ", but " + after.applied() + " version(s) are applied.");
            }
            Postcheck.verify(target, connection, after.index(), CONTEXT, "rolled back " + Postcheck.migrations(timings)
                    + (steps == 1 ? " and removed its version" : " and removed their versions"));
            return new LiveChange(target.name(), target.endpoint(), "down", false, before.index(), after.index(), timings,
                    emptyDownNotices(target, rollback));
        } catch (SQLException e) {
            throw target.failure(CONTEXT, connection, e);
        }
    }

    /** Checked before anything else is read: a bad flag is a usage error. */
    static void requirePositive(int steps) {
        if (steps <= 0) {
            throw new MateyException("down steps must be greater than zero.");
        }
    }

    private static List<Migration> latestFirst(LiveTarget target, int applied, int steps) {
        if (steps > applied) {
            throw new MateyException(target.opening(CONTEXT) + " refused: it would roll back " + latest(steps) + ", but only "
                    + applied + " migration(s) are applied; nothing was rolled back.");
        }
        List<Migration> rollback = new ArrayList<>(target.migrations().subList(applied - steps, applied));
        Collections.reverse(rollback);
        List<LockStep> locked = target.state().lock().map(SchemaLock::steps).orElse(List.of());
        int index = applied;
        for (Migration migration : rollback) {
            if (emptyDown(target, migration)) {
                requireNoSchemaChange(target, migration, index);
            }
            index--;
            LockStep step = lockStep(locked, migration.file());
            if (step == null) {
                continue;
            }
            StaleAcceptances.Step acceptance = StaleAcceptances.Step.of(step, target.config().inexactDowns());
            if (acceptance.stale()) {
                throw new MateyException(Reason.STALE_ARTIFACTS, target.opening(CONTEXT) + " refused: [inexact_downs] in "
                        + target.config().configFile() + " does not match the lock: " + acceptance.describe()
                        + ", so its round trip was not checked under the current list; nothing was "
                        + "rolled back: " + StaleAcceptances.Step.fix(target.name()) + ".");
            }
            if (step.downAccepted() != null) {
                throw new MateyException(target.opening(CONTEXT) + " refused: the down section of " + migration.file()
                        + " is accepted as inexact (" + step.downAccepted() + "): its replay's round "
                        + "trip left the schema, or the row counts it checks, unlike the committed state before it, so "
                        + "rolling it back cannot be verified; nothing was rolled back. Make its down section exact, remove "
                        + "its [inexact_downs] entry and run `matey schema apply"
                        + TargetPaths.option(target.name()) + "`; or roll it back with `"
                        + target.dbmateCommand("rollback") + "`, which runs the section and leaves what it does not undo (`"
                        + target.command("db up") + "` then names how to record the migration again); "
                        + InexactRollbackHint.rebuild(target) + ".");
            }
        }
        return rollback;
    }

    private static boolean emptyDown(LiveTarget target, Migration migration) {
        return !migration.script().requireValid().down().isExecutable(target.engine().dialect());
    }

    /**
     * An empty down section undoes exactly an up section that changed no schema (a backfill, a REFRESH MATERIALIZED
     * VIEW): the committed states before and after it are the same, so removing the version, as dbmate does, is the
     * whole rollback (docs/architecture.md §7). Otherwise nothing would undo what the up section made.
     */
    private static void requireNoSchemaChange(LiveTarget target, Migration migration, int index) {
        if (SchemaDump.sameSchema(target.expectedAt(index - 1), target.expectedAt(index))) {
            return;
        }
        throw new MateyException(target.opening(CONTEXT) + " refused: " + migration.file() + " has no executable down "
                + "section, but its up section changed the schema (" + target.expectedSource(index) + " differs from "
                + target.expectedSource(index - 1) + "), which nothing would undo; nothing was rolled back. Write a down "
                + "section that undoes it, run `matey schema apply" + TargetPaths.option(target.name()) + "` and `"
                + target.command(CONTEXT) + "` again; or remove only its record with `"
                + target.dbmateCommand("rollback") + "`, which keeps what the up section made (`"
                + target.command("db up") + "` then names how to record the migration again).");
    }

    /** What {@code db down} tells of the migrations whose empty down section it ran: only their version removed. */
    private static List<String> emptyDownNotices(LiveTarget target, List<Migration> rollback) {
        List<String> notices = new ArrayList<>();
        for (Migration migration : rollback) {
            if (emptyDown(target, migration)) {
                notices.add(migration.file() + ": empty down: only the record removed (its up section changed no schema)");
            }
        }
        return notices;
    }

    /** The lock's step of {@code migrationFile}; null when the lock has none. */
    private static LockStep lockStep(List<LockStep> locked, String migrationFile) {
        for (LockStep step : locked) {
            if (step.migrationFile().equals(migrationFile)) {
                return step;
            }
        }
        return null;
    }

    /**
     * The migrations to roll back, in words: the messages do not echo {@code --steps N}, which the user may not have
     * typed (it defaults to 1).
     */
    private static String latest(int steps) {
        return steps == 1 ? "the latest migration" : "the latest " + steps + " migrations";
    }
}
