package io.matey.live;

import io.matey.artifact.Diagnostic;
import io.matey.artifact.DiagnosticCode;
import io.matey.artifact.Snapshot;
import io.matey.error.MateyException;
import io.matey.workspace.TargetPaths;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The way forward a live command gives when it refuses artifacts that are not clean. Usually {@code schema apply},
 * but not for artifacts it cannot read (the advice {@code schema status} gives, {@link
 * io.matey.artifact.LockState#fatalAdvice}) nor for a migration edited after this database applied it: the edit would never reach the database, so
 * the command, which connects anyway, asks the database which edited migrations it records (docs/architecture.md §7).
 */
final class StaleArtifacts {

    private StaleArtifacts() {
    }

    static String wayForward(LiveTarget target, String command) {
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
        Optional<List<String>> applied = edited.isEmpty() ? Optional.of(List.of()) : applied(target, command, edited);
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
