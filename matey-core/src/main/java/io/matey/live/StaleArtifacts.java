package io.matey.live;

import io.matey.artifact.Diagnostic;
import io.matey.artifact.DiagnosticCode;
import io.matey.artifact.LockState;
import io.matey.artifact.Snapshot;
import io.matey.error.MateyException;
import io.matey.workspace.TargetPaths;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The way forward a live command gives when it refuses artifacts that are not clean. Usually {@code schema apply},
 * but not for artifacts it cannot read (the advice {@code schema status} gives, {@link
 * io.matey.artifact.LockState#fatalAdvice}) nor for a migration edited after this database applied it: the edit would never reach the database, so
 * the command, which connects anyway, asks the database which edited migrations it records (docs/architecture.md §7).
 */
final class StaleArtifacts {

    /** How many files {@link #problem} names; {@code schema status} lists them all. */
    private static final int SHOWN = 3;

    private StaleArtifacts() {
    }

    static String wayForward(LiveTarget target, String command) {
        return wayForward(target, edited -> applied(target, command, edited));
    }

    /**
     * Why {@code db up}, {@code db drift} and {@code db plan} would refuse the artifacts, with the way forward, as
     * {@code db status} reports it on a database recording {@code appliedVersions} (it only reads, so it lists
     * rather than refuses: docs/architecture.md §7); empty when they are clean.
     */
    static Optional<String> problem(LiveTarget target, List<String> appliedVersions) {
        LockState state = target.state();
        if (state.isClean()) {
            return Optional.empty();
        }
        String refused = "`db up`, `db drift` and `db plan` refuse them: ";
        if (state.foreignReason().isPresent()) {
            return Optional.of("the schema artifacts are not Matey's; " + refused + state.foreignReason().get());
        }
        // The files, an edited migration first: the lock's own diagnostics follow from it.
        List<String> files = state.diagnostics().stream()
                .sorted(Comparator.comparing(d -> d.code() != DiagnosticCode.COHERENCE_MIGRATION_DIGEST_MISMATCH))
                .map(Diagnostic::path).distinct().toList();
        String named = String.join(", ", files.subList(0, Math.min(SHOWN, files.size())))
                + (files.size() > SHOWN ? " and " + (files.size() - SHOWN) + " more" : "") + "; `matey schema status"
                + TargetPaths.option(target.name()) + "` says why";
        return Optional.of("the schema artifacts are stale (" + named + "); " + refused + wayForward(target,
                edited -> Optional.of(edited.stream()
                        .filter(file -> appliedVersions.contains(Snapshot.versionOf(file))).toList())));
    }

    /** @param appliedOf the edited migrations the database records, empty when it cannot be asked */
    private static String wayForward(LiveTarget target, Function<List<String>, Optional<List<String>>> appliedOf) {
        Optional<String> conflicts = target.state().conflictAdvice();
        if (conflicts.isPresent()) {
            return conflicts.get();
        }
        Optional<String> fatal = target.state().fatalAdvice();
        if (fatal.isPresent()) {
            return fatal.get();
        }
        String apply = "`matey schema apply" + TargetPaths.option(target.name()) + "`";
        List<String> edited = target.state().diagnostics().stream()
                .filter(d -> d.code() == DiagnosticCode.COHERENCE_MIGRATION_DIGEST_MISMATCH)
                .map(Diagnostic::path).toList();
        Optional<List<String>> applied = edited.isEmpty() ? Optional.of(List.of()) : appliedOf.apply(edited);
        if (applied.isPresent() && applied.get().isEmpty()) {
            return "Run " + apply + " to bring them up to date.";
        }
        String newMigration = "put the change in a new migration (`matey db new NAME" + TargetPaths.option(target.name())
                + "`)";
        if (applied.isEmpty()) {
            return "Edited: " + String.join(", ", edited) + ". If the live database has applied the edited "
                    + "migration, the edit will never change it: restore the file (`"
                    + target.git().command("restore", edited) + "`) and " + newMigration + "; otherwise run "
                    + apply
                    + " to bring the artifacts up to date.";
        }
        List<String> files = applied.get();
        boolean one = files.size() == 1;
        return String.join(", ", files) + (one ? " is" : " are") + " already applied on " + target.endpoint()
                + ": editing " + (one ? "it" : "them") + " will not change that database. Restore "
                + (one ? "it" : "them") + " (`" + target.git().command("restore", files) + "`) and "
                + newMigration + "; then " + apply + " brings the artifacts up to date.";
    }

    /** The edited migrations the database records; empty when it cannot be asked (a failure to connect). */
    private static Optional<List<String>> applied(LiveTarget target, String command, List<String> edited) {
        Optional<Connection> existing;
        try {
            existing = LiveConnector.connectIfExists(target, command);
        } catch (MateyException e) {
            return Optional.empty();
        }
        if (existing.isEmpty()) {
            return Optional.of(List.of());
        }
        try (Connection connection = existing.get()) {
            List<String> versions = target.appliedVersions(connection);
            return Optional.of(edited.stream().filter(file -> versions.contains(Snapshot.versionOf(file))).toList());
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
