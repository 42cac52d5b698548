package io.matey.spring.boot.autoconfigure;

import io.matey.Matey;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.live.LiveAdoption;
import io.matey.live.LiveChange;
import io.matey.live.MigrationTiming;
import io.matey.spring.boot.autoconfigure.event.MateyCheckFinishedEvent;
import io.matey.spring.boot.autoconfigure.event.MateyDriftDetectedEvent;
import io.matey.spring.boot.autoconfigure.event.MateyMigrationAppliedEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Checks, migrates and adopts managed targets; records each report in {@link MateyReports} and publishes Matey's
 * application events. Checks while the application runs ({@link #report}) are bounded by
 * {@code matey.check-timeout}: a database that does not answer is reported as failed, and the check that still
 * waits is not started again until it ends (docs/architecture.md §8).
 */
public class MateyChecker implements AutoCloseable {

    private static final Log logger = LogFactory.getLog(MateyChecker.class);

    private final MateyWorkspace workspace;
    private final Matey matey;
    private final WorkspaceCommands commands;
    private final MateyReports reports;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Duration checkTimeout;
    private final String endpointPath;
    private final ExecutorService background = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "matey-check");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Future<TargetReport>> running = new ConcurrentHashMap<>();

    /**
     * @param lockTimeout  how long migrations wait for a migration lock held elsewhere
     * @param events       receives Matey's application events
     * @param checkTimeout bound on {@link #report}
     * @param endpointPath the web path of the matey endpoint ({@link MateyEndpointPath#of}), where the log line of a
     *                     target turned drifted points; null when it is not exposed, and the line gives the command
     */
    public MateyChecker(MateyWorkspace workspace, Duration lockTimeout, MateyReports reports, Clock clock,
            ApplicationEventPublisher events, Duration checkTimeout, String endpointPath) {
        this.workspace = workspace;
        this.matey = workspace.matey().withLockTimeout(lockTimeout);
        this.commands = WorkspaceCommands.of(workspace.location());
        this.reports = reports;
        this.clock = clock;
        this.events = events;
        this.checkTimeout = checkTimeout;
        this.endpointPath = endpointPath;
    }

    /**
     * The façade for {@code work} on one target, whose messages name that work and the application's properties
     * ({@link ApplicationTerms}): a lock another process holds would otherwise be waited on (up to
     * matey.lock-timeout) without a word, so this checker logs the wait at once, naming the target.
     */
    private Matey matey(ManagedTarget target, ApplicationWork work) {
        return matey.withTerms(new ApplicationTerms(commands, work)).withLockNotices(line -> logFor(target, line));
    }

    private static void logFor(ManagedTarget target, String line) {
        logger.info("Matey target '" + target.name() + "': " + line);
    }

    /**
     * Artifact coherence, then the live status and drift at the applied index. Changes nothing. A database from
     * before Matey is refused ({@code database-not-empty}) as migrate refuses it, rather than reported as drift.
     * Its failures name the start-up's check.
     */
    public TargetReport verify(ManagedTarget target) {
        return verify(target, ApplicationWork.START_UP);
    }

    /** {@link #verify(ManagedTarget)} for {@code work}, which its failures name. */
    private TargetReport verify(ManagedTarget target, ApplicationWork work) {
        return finished(requireRecorded(TargetReport.of(target,
                workspace.shown(() -> matey(target, work).dbCheck(target.config(), target.endpoint())), clock.instant()),
                work));
    }

    /**
     * A database whose schema differs from the empty state at index 0 while it records no versions predates Matey:
     * every check (start-up, endpoint, re-check) says what it is and how to adopt it, as migrate does. (Recorded
     * versions the worktree lacks make it ahead or diverged, not drifted, at index 0.) The message opens as core's
     * do, with the work that asked for the check.
     */
    private TargetReport requireRecorded(TargetReport report, ApplicationWork work) {
        if (TargetReport.UNADOPTED.equals(report.drift())
                || TargetReport.DRIFTED.equals(report.drift()) && report.applied() == 0) {
            // the pasteable command, as the refused adoption's analysis gives it (MateyFailureAnalyzer)
            WorkspaceCommands commands = WorkspaceCommands.of(workspace.location());
            throw new MateyException(Reason.DATABASE_NOT_EMPTY, work.opening("db check", "") + " refused: "
                    + report.connection() + " holds "
                    + "schema objects but records no migrations: it predates Matey. Adopt it: set "
                    + "matey.adopt-on-startup=true, or run `" + commands.command("db adopt "
                    + commands.targetArguments(report)) + "` (a dry run), then again with --apply."
                    + (commands.where().isEmpty() ? "" : " " + commands.where()) + " Nothing was changed.");
        }
        return report;
    }

    /**
     * Applies the pending migrations under the engine's migration lock, then verifies. Migrate refuses stale
     * artifacts, a database ahead of or diverged from the worktree, and pending migrations over an out-of-band
     * change, and fails its postcheck on one: one check then reports it in detail, with the refusal's reason. Any other
     * failure (a failing migration, a lock timeout, an unreachable database, bad configuration) stays an error,
     * and no check runs (docs/architecture.md §11). Its failures name the start-up's migration.
     */
    public TargetReport migrate(ManagedTarget target) {
        return migrate(target, ApplicationWork.START_UP);
    }

    /** {@link #migrate(ManagedTarget)} for {@code work}, which its failures name. */
    public TargetReport migrate(ManagedTarget target, ApplicationWork work) {
        if (!matey.hasMigrations(target.config())) {
            // a target fresh from `matey init`: verified at index 0 as verify-only would (docs/architecture.md §8)
            logger.info("Matey target '" + target.name() + "' has no migrations yet: nothing to migrate");
            return verify(target, work);
        }
        LiveChange change;
        try {
            change = workspace.shown(() -> matey(target, work).dbMigrate(target.config(), target.endpoint(),
                    line -> logFor(target, line)));
        } catch (MateyException e) {
            if (!e.reason().isVerificationOutcome()) {
                throw e;
            }
            TargetReport report = verify(target, work);
            if (report.healthy()) {
                throw e;
            }
            return report.refused(e.reason());
        }
        for (MigrationTiming timing : change.migrations()) {
            events.publishEvent(new MateyMigrationAppliedEvent(this, target.name(), timing.file(), timing.duration()));
        }
        // Its postcheck verified clean artifacts and the live schema at the head under the migration lock: a second
        // check would read the artifacts and dump the database again for the same answer (docs/architecture.md §8).
        return finished(TargetReport.migrated(target, change, clock.instant()));
    }

    /**
     * Brings a database that records no versions yet under its history: records the versions up to the
     * checkpoint its schema equals, running nothing, and refuses (naming the closest checkpoint and its diff)
     * when none is equal. A database that already records versions is left as it is, and so is every database of
     * a target without migrations (there is no history to adopt; the check then refuses one holding objects).
     */
    public void adopt(ManagedTarget target) {
        Matey startUp = matey(target, ApplicationWork.START_UP);
        if (!startUp.hasMigrations(target.config())
                || workspace.shown(() -> startUp.dbStatus(target.config(), target.endpoint())).applied() > 0) {
            return;
        }
        LiveAdoption adoption = workspace.shown(() -> startUp.dbAdopt(target.config(), target.endpoint(), true));
        if (!adoption.versions().isEmpty()) {
            logger.info("Matey target '" + target.name() + "' (" + target.endpoint() + "): adopted at index "
                    + adoption.index() + " of " + adoption.head() + " (" + adoption.source() + "), recorded "
                    + adoption.versions().size() + " version(s) without running them");
        }
    }

    /**
     * {@link #verify} within {@code matey.check-timeout}, with a database that cannot be read or does not answer
     * reported as such: for reports while the application runs.
     *
     * @param work what asked for the check, which a failure's message names; a check of the target still running
     *             is waited on rather than started again, and its failure names the work that started it
     */
    public TargetReport report(ManagedTarget target, ApplicationWork work) {
        Future<TargetReport> check = running.computeIfAbsent(target.name(),
                name -> background.submit(() -> verify(target, work)));
        try {
            return check.get(checkTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // opened as core's failures are (ApplicationWork): the work that waited, not the one that started it
            return failed(target, Reason.DATABASE_UNAVAILABLE, work.opening("db check", "") + " failed: no answer from "
                    + target.endpoint() + " within " + checkTimeout.toMillis()
                    + " ms (matey.check-timeout); the check goes on and reports when it ends");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MateyException failure) {
                return failed(target, failure.reason(), failure.getMessage());
            }
            throw new IllegalStateException("Matey check of target '" + target.name() + "' failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(target, Reason.DATABASE_UNAVAILABLE, work.opening("db check", "")
                    + " failed: interrupted while checking " + target.endpoint());
        } finally {
            if (check.isDone()) {
                running.remove(target.name(), check);
            }
        }
    }

    /**
     * The report of a migration asked for while the application runs that failed before any check (a lock another
     * deploy holds, a failing migration), not recorded: health reports the latest check, and a write that could not
     * run says nothing new about the database (docs/architecture.md §8). Its message names the work that asked for
     * the migration ({@link #migrate(ManagedTarget, ApplicationWork)}).
     */
    public TargetReport writeFailed(ManagedTarget target, MateyException failure) {
        return TargetReport.failed(target, failure.reason(), failure.getMessage(), clock.instant());
    }

    private TargetReport failed(ManagedTarget target, Reason reason, String error) {
        return finished(TargetReport.failed(target, reason, error, clock.instant()));
    }

    private TargetReport finished(TargetReport report) {
        logChange(reports.record(report), report);
        if (report.drifted()) {
            events.publishEvent(new MateyDriftDetectedEvent(this, report));
        }
        events.publishEvent(new MateyCheckFinishedEvent(this, report));
        return report;
    }

    /**
     * Logs when a checked target turns drifted or clean again while the application runs, or its check starts
     * failing or runs again, once per change: the start-up check logs its own outcome, and health shows every check.
     */
    private void logChange(TargetReport previous, TargetReport report) {
        String subject = "Matey target '" + report.target() + "' (" + report.connection() + ")";
        if (logFailureChange(previous, report, subject) || previous == null || previous.drifted() == report.drifted()) {
            return;
        }
        if (report.aheadByLaterVersions()) {
            // a newer release migrated it while this one runs (a rolling deploy): there is no diff to point at
            logger.warn(subject + " records later version(s) a newer release applied since its previous check: "
                    + String.join(", ", report.aheadVersions()) + "; health reports it as matey.on-ahead says");
        } else if (report.drifted()) {
            logger.warn(subject + " is " + report.drift() + " at index " + report.applied() + " since its previous "
                    + "check; health reports it" + (endpointPath != null ? ", and the diff is at " : "; see the diff with ")
                    + MateyEndpointPath.diffOf(report, endpointPath, workspace.location()));
        } else {
            logger.info(subject + " no longer differs from the committed schema (index " + report.applied() + ")");
        }
    }

    /**
     * A check that starts failing (or fails for another reason) is logged once, with its reason and message, and
     * its recovery once: health would otherwise go down and up again without a word in the log.
     *
     * @return whether the report failed, which leaves nothing else to log
     */
    private static boolean logFailureChange(TargetReport previous, TargetReport report, String subject) {
        boolean failedBefore = previous != null && previous.failed();
        if (report.failed() && (!failedBefore || !previous.reason().equals(report.reason()))) {
            logger.warn(subject + " cannot be checked (reason: " + report.reason() + "); health reports it until a "
                    + "check succeeds: " + report.error());
        } else if (!report.failed() && failedBefore) {
            logger.info(subject + " can be checked again: " + (report.drifted() ? report.drift() : report.stale()
                    ? "committed artifacts stale" : "clean") + (report.applied() == null ? "" : " at index "
                    + report.applied()));
        }
        return report.failed();
    }

    /** Stops checks that still wait for a database (their threads are daemons, and end with it). */
    @Override
    public void close() {
        background.shutdownNow();
    }
}
