package io.matey.live;

import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.migration.Migration;
import io.matey.workspace.GitCommands;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a live database's applied versions relate to the worktree's migrations. A consistent database has
 * applied exactly the first K worktree migrations; one that applied a version the worktree does not have, or
 * skipped a worktree migration while applying a later one, cannot be changed or verified safely.
 *
 * @param index    K: how many leading worktree migrations are applied (the index whose state the live
 *                 schema should have)
 * @param applied  how many versions {@code schema_migrations} holds
 * @param problem  why the database is ahead or diverged, naming the first differing migration; empty when
 *                 consistent
 * @param fix      what to do about it (for migrations out of order, the renames); empty when consistent
 */
public record LivePrefix(int index, int applied, Relation relation, String problem, String fix) {

    private static final String CHECK_OUT = "Check out the migrations this database was migrated with, or repair "
            + "its schema_migrations table";

    public enum Relation {
        /** Consistent, with worktree migrations left to apply. */
        BEHIND,
        /** Consistent, at the worktree head. */
        EQUAL,
        /** Every worktree migration is applied, and versions the worktree does not have as well. */
        AHEAD,
        /** A worktree migration is not applied while a later or unknown version is. */
        DIVERGED,
        /**
         * Diverged only because worktree migrations older than the last applied one are not applied (every applied
         * version is in the worktree): migrations merged from another branch, to be renamed to a later timestamp.
         */
        OUT_OF_ORDER,
        /**
         * Nothing recorded while the schema holds objects: the database predates Matey ({@link UnrecordedSchema}), so
         * no committed state is the expected one until {@code db adopt} records the index it equals.
         */
        UNADOPTED
    }

    /** A database that predates Matey; {@code problem} says so and names {@code db adopt}. */
    static LivePrefix unadopted(String problem) {
        return new LivePrefix(0, 0, Relation.UNADOPTED, problem, "");
    }

    /**
     * @param target   the target's name, which the commands of {@link #fix()} name
     * @param git      the target's git commands of {@link #fix()}
     * @param worktree the worktree migrations in order
     * @param applied  the versions recorded in {@code schema_migrations}
     */
    public static LivePrefix check(String target, GitCommands git, List<Migration> worktree, List<String> applied) {
        return check(target, git, worktree, applied, Clock.systemUTC());
    }

    /** @param clock the time the renames suggested for out-of-order migrations are named after */
    static LivePrefix check(String target, GitCommands git, List<Migration> worktree, List<String> applied,
            Clock clock) {
        Set<String> appliedSet = new HashSet<>(applied);
        int index = 0;
        while (index < worktree.size() && appliedSet.contains(worktree.get(index).version())) {
            index++;
        }
        Set<String> known = worktree.stream().map(Migration::version).collect(Collectors.toSet());
        List<String> unknown = applied.stream().filter(v -> !known.contains(v)).sorted().toList();
        List<String> appliedLater = worktree.subList(index, worktree.size()).stream().map(Migration::version)
                .filter(appliedSet::contains).toList();
        if (unknown.isEmpty() && appliedLater.isEmpty()) {
            return new LivePrefix(index, applied.size(), index < worktree.size() ? Relation.BEHIND : Relation.EQUAL, "", "");
        }
        if (appliedLater.isEmpty() && index == worktree.size()) {
            return new LivePrefix(index, applied.size(), Relation.AHEAD, "live database is ahead of the worktree: "
                    + "applied version(s) " + String.join(", ", unknown) + " have no migration file in the worktree "
                    + "(first differing migration: index " + (index + 1) + ", version " + unknown.get(0) + ")", CHECK_OUT);
        }
        if (unknown.isEmpty()) {
            return OutOfOrderMigrations.prefix(target, git, worktree, appliedSet, index, clock);
        }
        Migration first = worktree.get(index);
        return new LivePrefix(index, applied.size(), Relation.DIVERGED, "live database has diverged from the "
                + "worktree at migration " + (index + 1) + " (" + first.file() + ", version " + first.version()
                + "): it is not applied, but " + (appliedLater.isEmpty() ? "version(s) not in the worktree " : "later version(s) ")
                + String.join(", ", appliedLater.isEmpty() ? unknown : appliedLater) + " are", CHECK_OUT);
    }

    public boolean consistent() {
        return relation == Relation.BEHIND || relation == Relation.EQUAL;
    }

    /**
     * The problem as the shell's one {@code Problem:} line gives it: for migrations out of order followed by their
     * fix, the renames being the only way forward; empty when consistent. A report that shows the fix on its own
     * (the starter's) takes {@link #problem()} and {@link #fix()} apart, so that the renames appear once.
     */
    public String line() {
        return relation == Relation.OUT_OF_ORDER ? problem + ". " + fix : problem;
    }

    /**
     * Refuses to change a database that is ahead of or diverged from the worktree, or predates Matey.
     *
     * @param opening what the message opens with: the command, in the caller's terms ({@link LiveTarget#opening})
     */
    void requireConsistent(String opening) {
        if (relation == Relation.UNADOPTED) {
            throw new MateyException(Reason.DATABASE_NOT_EMPTY, opening + " refused: " + problem + " Nothing was changed.");
        }
        if (!consistent()) {
            throw new MateyException(relation == Relation.AHEAD ? Reason.DATABASE_AHEAD : Reason.DATABASE_DIVERGED,
                    opening + " refused: " + problem + ". " + fix + ".");
        }
    }
}
