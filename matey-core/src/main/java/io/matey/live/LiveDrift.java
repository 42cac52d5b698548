package io.matey.live;

import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.schema.DraftDialect;
import io.matey.schema.DriftDraft;
import io.matey.workspace.TargetPaths;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of {@code db drift}: whether the live schema differs from the committed state at the live applied
 * index. Being behind the worktree is not drift, nor is a database that does not exist yet ({@code missing}: nothing
 * to compare); a database ahead of or diverged from it is.
 *
 * @param url         where the live database is reached (a URL or a DataSource), password masked
 * @param drifted     the live schema differs from the committed state, or a section stopped partway
 * @param liveSql     the live dump; null when the database does not exist
 * @param expectedSql the committed state at {@code prefix.index()}
 * @param dialect     what drafts need to know of the target's engine
 * @param interrupted a section that stopped partway ({@code db status}'s {@code Interrupted:}), or null: its partial
 *                    state is no drift to keep but one for {@code db up --resume} to finish
 * @param unloadable  the live objects whose text the server would not load back, each with why (a default calling a
 *                    function that reads a renamed table): written into {@code liveSql} as read (docs/architecture.md §7)
 * @param expectedFrom the artifact holding {@code expectedSql} (a checkpoint, {@code schema.sql}), which labels the diff
 */
public record LiveDrift(String target, LiveEndpoint url, LivePrefix prefix, boolean drifted, String liveSql,
        String expectedSql, DraftDialect dialect, Interruption interrupted, List<String> unloadable, String expectedFrom) {

    /** The comments {@link DriftDraft} leaves for what it did not draft. */
    private static final String INTO_LIVE = "-- into the live one:";
    private static final String NOT_DRAFTED = "-- Not drafted as SQL: ";

    public LiveDrift {
        unloadable = List.copyOf(unloadable);
    }

    /** A database that does not exist yet: no schema, so no drift (nothing applied, as for {@code db status}). */
    static LiveDrift ofMissingDatabase(String target, LiveEndpoint url, LivePrefix nothingApplied) {
        return new LiveDrift(target, url, nothingApplied, false, null, null, DraftDialect.FIXED_CONSTRAINTS, null, List.of(),
                null);
    }

    /** True when the database does not exist yet. */
    public boolean databaseMissing() {
        return liveSql == null;
    }

    /** {@code Applied index: K}. */
    public int appliedIndex() {
        return prefix.index();
    }

    /**
     * {@code missing} (the database does not exist yet), {@code interrupted} (a section stopped partway),
     * {@code clean}, {@code drifted} (the live schema differs from the committed state at its applied index), or,
     * when the applied versions are not a leading run of the worktree's, {@code ahead} or {@code diverged}
     * (also migrations applied out of order), or {@code unadopted} (nothing recorded over a schema that predates
     * Matey): then no committed state is the expected one, and the schema is not judged.
     */
    public String status() {
        if (databaseMissing()) {
            return "missing";
        }
        if (interrupted != null) {
            return "interrupted";
        }
        return switch (prefix.relation()) {
            case UNADOPTED -> "unadopted";
            case AHEAD -> "ahead";
            case DIVERGED, OUT_OF_ORDER -> "diverged";
            case BEHIND, EQUAL -> drifted ? "drifted" : "clean";
        };
    }

    /** What differs, as a unified diff expected → {@code live/schema.sql} ({@link Postcheck#diff}); empty when equal. */
    public String diff() {
        return databaseMissing() ? "" : Postcheck.diff(expectedFrom, expectedSql, liveSql);
    }

    /** A draft migration that turns the committed state into the live one, to keep an out-of-band change. */
    public String draft() {
        StringBuilder warning = new StringBuilder();
        for (String note : unloadable) {
            warning.append(warning.isEmpty() ? "-- Warning: drafted from live text the server would not load again,"
                    + " so statements below may not run; rewrite them in a form that loads:\n" : "")
                    .append("--   ").append(note.replace('\n', ' ')).append('\n');
        }
        return warning + DriftDraft.of(liveSql, expectedSql, dialect);
    }

    /**
     * The draft, for a new migration that keeps the drift ({@code db new --from-drift}). Refused when there is no
     * drift to keep, and when the draft could not become the next migration: against a database ahead or diverged
     * no committed state is expected, and against one behind the head the draft would follow the pending
     * migrations it was not drafted after (which {@code db up} does not run over drift, docs/architecture.md §7).
     */
    public String keepingDraft() {
        if (databaseMissing()) {
            throw new MateyException("No drift to keep: live database " + url + " does not exist. Nothing written.");
        }
        if (interrupted != null) {
            throw new MateyException(Reason.MIGRATION_INTERRUPTED, "No draft: " + interrupted.describe() + "; "
                    + "that partial state is not drift to keep: run `" + LiveTarget.command(target, url, "db up")
                    + " --resume` to finish the migration. Nothing written.");
        }
        if (!prefix.consistent()) {
            throw new MateyException("No draft: the " + status() + " database has no committed state to draft "
                    + "against (" + prefix.line() + "). Nothing written.");
        }
        if (!drifted) {
            throw new MateyException("No drift to keep: the live schema of " + target + " equals the committed state "
                    + "at index " + appliedIndex() + ". Nothing written.");
        }
        if (prefix.relation() == LivePrefix.Relation.BEHIND) {
            throw new MateyException("No draft: the database is behind the worktree (applied index " + appliedIndex()
                    + "), so a migration drafted against index " + appliedIndex() + " would follow pending migrations "
                    + "it was not drafted after, and `matey db up` does not run them over the drift. Undo the change, "
                    + "run `" + LiveTarget.command(target, url, "db up") + "`, then make it again as a migration (`matey "
                    + "db new NAME" + TargetPaths.option(target) + "`). Nothing written.");
        }
        String draft = draft();
        List<String> undrafted = undrafted(draft);
        if (!undrafted.isEmpty()) {
            throw new MateyException("No draft: nothing of the drift could be drafted as SQL, so the migration would "
                    + "have no executable up section (L005). Not drafted: " + String.join("; ", undrafted) + ". See `"
                    + LiveTarget.command(target, url, "db drift") + " --draft`, and write the migration by hand (`matey "
                    + "db new NAME" + TargetPaths.option(target) + "`). Nothing written.");
        }
        return draft;
    }

    /**
     * What the draft leaves to the author, when its up section holds only comments: each changed definition's first
     * line, or what a changed table's comment says was not drafted. Empty when the up section has SQL to run.
     */
    private static List<String> undrafted(String draft) {
        List<String> up = draft.substring(0, draft.indexOf("\n-- migrate:down\n")).lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        if (up.stream().anyMatch(line -> !line.startsWith("--"))) {
            return List.of();
        }
        List<String> undrafted = new ArrayList<>();
        for (int i = 0; i < up.size(); i++) {
            if (up.get(i).equals(INTO_LIVE) && i + 1 < up.size()) {
                undrafted.add(up.get(i + 1).substring(3));
            } else if (up.get(i).startsWith(NOT_DRAFTED)) {
                undrafted.add(up.get(i).substring(3));
            }
        }
        return undrafted.isEmpty() ? List.of("the up section holds only comments") : undrafted;
    }
}
