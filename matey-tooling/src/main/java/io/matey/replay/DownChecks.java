package io.matey.replay;

import io.matey.error.MateyException;
import io.matey.workspace.InexactDowns;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges each down round trip of a replay against config.toml's {@code [inexact_downs]} and keeps the verdicts.
 * Without {@code --keep-going} the first failure ends the replay; with it, every failure is collected and
 * {@link #requirePassed()} reports them all together (docs/architecture.md §6).
 */
final class DownChecks {

    private final InexactDowns accepted;
    private final boolean keepGoing;
    private final List<String> checked = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<AcceptedDown> acceptedDowns = new ArrayList<>();
    private final List<DownFailure> failures = new ArrayList<>();

    DownChecks(InexactDowns accepted, boolean keepGoing) {
        this.accepted = accepted;
        this.keepGoing = keepGoing;
    }

    /** A migration without an executable down section: nothing to check, and nothing to accept. */
    void skipped(String file) {
        if (accepted.accepts(file)) {
            fail(new DownFailure(file, "it is listed in [inexact_downs] of config.toml, but it has no executable down "
                    + "section to accept: remove its entry.", ""));
        }
        skipped.add(file);
    }

    /** A down section that failed to run: checked, and never accepted, whatever config.toml says. */
    void failedToRun(String file, MateyException error) {
        if (!keepGoing) {
            throw error;
        }
        checked.add(file);
        String problem = error.getMessage();
        if (accepted.accepts(file)) {
            problem += "\nIts entry in [inexact_downs] of config.toml does not apply: a down section that fails to "
                    + "run is never accepted.";
        }
        failures.add(new DownFailure(file, problem, ""));
    }

    /**
     * The outcome of a round trip's down section; {@code diff} is empty when it restored the state before the
     * migration, which the runner then checks further with {@link #reapplied}.
     *
     * @return true when the state after the down section differs from the state before the migration
     */
    boolean roundTrip(String file, String diff) {
        checked.add(file);
        return !diff.isEmpty() && judged(file, diff, "down roundtrip mismatch: rollback state differs from the state "
                + "before the migration.");
    }

    /**
     * The outcome of the round trip's last step, up again after a down section that restored the state before the
     * migration; {@code diff} (first up against second) is empty when both ups gave the same state. An accepted
     * migration whose round trip turns out exact after all is a failure: its entry is to be removed.
     *
     * @return true when the second up gave a different state
     */
    boolean reapplied(String file, String diff) {
        if (diff.isEmpty()) {
            if (accepts(file)) {
                fail(new DownFailure(file, "it is listed in [inexact_downs] of config.toml, but its down section "
                        + "restores the state exactly: remove its entry.", ""));
            }
            return false;
        }
        return judged(file, diff, "down roundtrip mismatch: its down section restored the state before the migration, "
                + "but running its up section again then gives a different state than the first time (the down "
                + "section left something behind that the schema does not show, and the up section depends on).");
    }

    /**
     * A round trip whose schema came back exact but whose second up section left other row counts than the first
     * ({@link RowCounts#changed}, not empty): the down section does not delete the rows its up section inserts, or
     * deletes others, so the replay would go on with rows {@code db up} does not leave.
     */
    void rowsChanged(String file, String counts) {
        judged(file, counts.stripTrailing(), "down roundtrip mismatch: its down section leaves rows its up section "
                + "inserts again (or deletes rows it does not insert again), so running its up section again gives other "
                + "row counts than the first time (below): delete in the down section the rows its up section inserts.");
    }

    private boolean judged(String file, String diff, String mismatch) {
        Optional<String> reason = accepted.reason(file);
        if (reason.isPresent()) {
            acceptedDowns.add(new AcceptedDown(file, reason.get(), diff));
        } else {
            fail(new DownFailure(file, mismatch + " Make its down section undo exactly what its up section does, or "
                    + "accept it in [inexact_downs] of config.toml with a reason.", diff));
        }
        return true;
    }

    /** Whether config.toml accepts the migration's down section as inexact. */
    boolean accepts(String file) {
        return accepted.accepts(file);
    }

    private void fail(DownFailure failure) {
        if (!keepGoing) {
            throw new MateyException(failure.render().strip()
                    + "\nRun with --keep-going to check every down section in one run.");
        }
        failures.add(failure);
    }

    /**
     * What stopped a keep-going replay that had already found failures: those failures, then the cause; the
     * cause alone when there were none.
     */
    MateyException stopped(MateyException cause) {
        if (failures.isEmpty()) {
            return cause;
        }
        return new MateyException(report(failures) + "\n\nThen the replay stopped, so later migrations were not "
                + "checked: " + cause.getMessage(), cause);
    }

    /** Every failure with its diff, as {@code schema apply --keep-going} reports them. */
    static String report(List<DownFailure> failures) {
        StringBuilder out = new StringBuilder(failures.size() + " down section(s) failed the round trip; nothing "
                + "was written:");
        failures.forEach(f -> out.append("\n\n").append(f.render().strip()));
        return out.toString();
    }

    /** The progress verdict of a migration whose down section was checked. */
    String verdict(String file) {
        if (failures.stream().anyMatch(f -> f.file().equals(file))) {
            return "down failed";
        }
        return acceptedDowns.stream().anyMatch(a -> a.file().equals(file)) ? "down inexact (accepted)" : "down checked";
    }

    List<String> checked() {
        return List.copyOf(checked);
    }

    List<String> skipped() {
        return List.copyOf(skipped);
    }

    List<AcceptedDown> accepted() {
        return List.copyOf(acceptedDowns);
    }

    List<DownFailure> failures() {
        return List.copyOf(failures);
    }
}
