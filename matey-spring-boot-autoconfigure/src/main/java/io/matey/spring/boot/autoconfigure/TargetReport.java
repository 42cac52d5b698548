package io.matey.spring.boot.autoconfigure;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.matey.artifact.Diagnostic;
import io.matey.error.Reason;
import io.matey.live.LiveChange;
import io.matey.live.LiveCheck;
import io.matey.live.LiveDrift;
import io.matey.live.LivePrefix;
import io.matey.live.LiveStatus;
import java.time.Instant;
import java.util.List;

/**
 * The latest check of one managed target: what the endpoint lists, health summarises and start-up failures name.
 * Null fields were not established by the check (no live reading on stale artifacts, say) and stay out of JSON.
 *
 * @param connection  the Matey URL of the database (as `matey db --url` takes it), password masked
 * @param head        N: the worktree migrations
 * @param applied     K: the live applied index; for a database ahead, every version it records (its K plus the
 *                    later ones), as {@code matey db status} counts them
 * @param pending     the worktree migrations not applied, in order
 * @param artifacts   {@value #CLEAN} or {@value #STALE}: the coherence of the committed artifacts
 * @param diagnostics why the artifacts are stale, each as {@code matey schema status --format json} gives it
 * @param drift       as {@code matey db drift} reports it: {@value #CLEAN}, {@value #DRIFTED}, or, when the applied
 *                    versions do not fit the worktree, {@value #AHEAD} or {@value #DIVERGED} (also migrations
 *                    merged out of order); {@value #UNCHECKED} when the artifacts are stale or the check failed
 * @param unknownVersions the recorded versions the worktree has no migration for, when ahead or diverged
 * @param aheadVersions the versions a newer release applied after every one of the worktree's, when the database
 *                    records exactly the worktree's migrations followed by them (a rolling deploy's older instance,
 *                    which {@code matey.on-ahead=warn} lets start); null otherwise
 * @param problem     why the applied versions do not fit the worktree (ahead or diverged)
 * @param fix         what to do about the problem
 * @param diff        the live schema against the committed state at K, when drifted
 * @param draft       a draft migration that keeps the drift (turns the committed state at K into the live one)
 * @param error       why the check could not run
 * @param reason      the kind of {@code error}, as a {@link Reason#code() reason code} such as
 *                    {@code migration-failed}; or, without an error, why a migration was refused and this check
 *                    ran instead ({@code database-drifted})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetReport(String target, String engine, String connection, Integer head, Integer applied,
        List<String> pending, String artifacts, List<StaleReason> diagnostics, String drift,
        List<String> unknownVersions, List<String> aheadVersions, String problem, String fix,
        String diff, String draft, String error, String reason, Instant checkedAt) {

    public static final String CLEAN = "clean";
    public static final String STALE = "stale";
    public static final String DRIFTED = "drifted";
    public static final String AHEAD = "ahead";
    public static final String DIVERGED = "diverged";
    /** Records no version over a schema that predates Matey (core's {@code db drift} status). */
    public static final String UNADOPTED = "unadopted";
    public static final String UNCHECKED = "unchecked";

    /**
     * One reason why the artifacts are stale, in the CLI's JSON layout: the diagnostic's {@code code}, its
     * target-relative {@code path} and the {@code detail}.
     */
    public record StaleReason(String code, String path, String detail) {

        static StaleReason of(Diagnostic diagnostic) {
            return new StaleReason(diagnostic.code().id(), diagnostic.path(), diagnostic.detail());
        }

        /** {@code code@path: detail}, as the CLI's messages quote a diagnostic. */
        @Override
        public String toString() {
            return code + "@" + path + ": " + detail;
        }
    }

    static TargetReport of(ManagedTarget target, LiveCheck check, Instant checkedAt) {
        if (!check.clean()) {
            return new TargetReport(target.name(), engine(target), connection(target), null, null, null, STALE,
                    check.diagnostics().stream().map(StaleReason::of).toList(), UNCHECKED, null, null, null, null,
                    null, null, null, null, checkedAt);
        }
        LiveStatus status = check.status();
        LiveDrift drift = check.drift();
        List<String> pending = status.migrations().stream().filter(e -> !e.applied()).map(LiveStatus.Entry::file)
                .toList();
        LivePrefix prefix = drift.prefix();
        // Only a database whose versions fit the worktree has a committed state to differ from.
        boolean schemaDiffers = DRIFTED.equals(drift.status());
        boolean ahead = AHEAD.equals(drift.status());
        return new TargetReport(target.name(), engine(target), connection(target), status.migrations().size(),
                ahead ? status.applied() : drift.appliedIndex(), pending, CLEAN, List.of(), drift.status(),
                status.unknownVersions().isEmpty() ? null : status.unknownVersions(),
                ahead ? laterVersions(status) : null, orNull(prefix.problem()),
                orNull(prefix.fix()), schemaDiffers ? drift.diff() : null, schemaDiffers ? drift.draft() : null, null,
                null, checkedAt);
    }

    /**
     * The unknown versions of a database ahead when each sorts after the worktree's last migration, as dbmate orders
     * {@code <version>_<name>.sql} files (a version that is a prefix of a longer one after it); null when one sorts
     * among the worktree's: a history that diverged, not a newer release's.
     */
    private static List<String> laterVersions(LiveStatus status) {
        List<LiveStatus.Entry> migrations = status.migrations();
        String last = migrations.isEmpty() ? "" : migrations.get(migrations.size() - 1).version() + "_";
        return status.unknownVersions().stream().allMatch(v -> (v + "_").compareTo(last) > 0)
                ? status.unknownVersions() : null;
    }

    /** A target a migration brought to its head: its postcheck found the artifacts clean and no drift there. */
    static TargetReport migrated(ManagedTarget target, LiveChange change, Instant checkedAt) {
        return new TargetReport(target.name(), engine(target), connection(target), change.after(), change.after(),
                List.of(), CLEAN, List.of(), CLEAN, null, null, null, null, null, null, null, null, checkedAt);
    }

    static TargetReport failed(ManagedTarget target, Reason reason, String error, Instant checkedAt) {
        return failed(target.name(), engine(target), connection(target), reason, error, checkedAt);
    }

    /** A target that failed before it had an endpoint: its DataSource could not connect. */
    static TargetReport failed(String target, String engine, String connection, Reason reason, String error,
            Instant checkedAt) {
        return new TargetReport(target, engine, connection, null, null, null, null, null, UNCHECKED, null, null, null,
                null, null, null, error, reason.code(), checkedAt);
    }

    private static String orNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static String engine(ManagedTarget target) {
        return target.endpoint().engine().id();
    }

    private static String connection(ManagedTarget target) {
        return target.endpoint().toString();
    }

    /**
     * The database does not have the committed schema: drifted, ahead of or diverged from the worktree, or never
     * adopted.
     */
    public boolean drifted() {
        return DRIFTED.equals(drift) || AHEAD.equals(drift) || DIVERGED.equals(drift) || UNADOPTED.equals(drift);
    }

    /** Every worktree migration is applied, and versions the worktree does not have: a newer application's. */
    public boolean ahead() {
        return AHEAD.equals(drift);
    }

    /** Ahead by versions a newer release applied after all of this application's ({@link #aheadVersions}). */
    public boolean aheadByLaterVersions() {
        return aheadVersions != null;
    }

    public boolean stale() {
        return STALE.equals(artifacts);
    }

    public boolean failed() {
        return error != null;
    }

    /** Clean artifacts, no drift, and the check ran; pending migrations may remain. */
    public boolean healthy() {
        return !drifted() && !stale() && !failed();
    }

    public int pendingCount() {
        return pending == null ? 0 : pending.size();
    }

    /** The same report of a check that followed a refused migration, with the refusal's reason. */
    TargetReport refused(Reason refusal) {
        return new TargetReport(target, engine, connection, head, applied, pending, artifacts, diagnostics, drift,
                unknownVersions, aheadVersions, problem, fix, diff, draft, error, refusal.code(), checkedAt);
    }

    /** The same report without the diff and the draft, for listings. */
    public TargetReport withoutDiff() {
        return new TargetReport(target, engine, connection, head, applied, pending, artifacts, diagnostics, drift,
                unknownVersions, aheadVersions, problem, fix, null, null, error, reason, checkedAt);
    }
}
