package io.matey.engine;

import io.matey.error.MateyException;
import io.matey.lint.Nolint;
import io.matey.migration.Migration;
import io.matey.migration.MigrationScript;
import io.matey.migration.ParsedSql;
import io.matey.migration.Section;
import io.matey.migration.SqlParser;
import io.matey.migration.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the engine's {@link WriteGuard} over the sections a command is about to run, before it runs any of them
 * (docs/architecture.md §6), so that a statement writing outside the target's database is refused with its file,
 * line and text while nothing has happened yet.
 */
public final class ForeignWrites {

    /** Which sections of each migration a command runs. */
    public enum Sections {
        UP, DOWN, BOTH
    }

    private ForeignWrites() {
    }

    /**
     * The guard for commands on a live database: writes outside it are refused, SQL built at run time is run (the
     * database is the user's own; lint reports it). Without JSqlParser on the class path (an application that ships
     * the lean starter) the guard is skipped: the committed migrations were already guarded by the replay that wrote
     * the lock (docs/architecture.md §6), and the live post-check still compares the whole schema.
     *
     * @param opening what a refusal opens with: the command, in its caller's terms (docs/architecture.md §8)
     */
    public static void refuseOnLive(Engine engine, List<Migration> migrations, Sections sections, String opening) {
        if (SqlParser.PRESENT) {
            refuse(engine, migrations, sections, opening, false);
        }
    }

    /**
     * The guard for replay, which also refuses SQL built at run time: it could write outside the scratch database,
     * unless a {@code -- matey:nolint L104 reason} comment (L105 in a down section) directly above vouches for it.
     * Throws a {@link MateyException} naming every offending statement; returns when there is none.
     */
    public static void refuse(Engine engine, List<Migration> migrations, Sections sections, String command) {
        refuse(engine, migrations, sections, command, true);
    }

    private static void refuse(Engine engine, List<Migration> migrations, Sections sections, String opening,
            boolean replay) {
        WriteGuard guard = engine.writeGuard();
        if (guard == WriteGuard.NONE) {
            return;
        }
        Found found = new Found();
        for (Migration migration : migrations) {
            MigrationScript script = migration.script().requireValid();
            Nolint vouched = replay ? Nolint.of(migration) : null;
            if (sections != Sections.DOWN) {
                check(engine, guard, migration, script.up(), vouched, found);
            }
            if (sections != Sections.UP) {
                check(engine, guard, migration, script.down(), vouched, found);
            }
        }
        if (found.lines.isEmpty()) {
            return;
        }
        List<String> what = new ArrayList<>();
        if (found.foreign > 0) {
            what.add((found.foreign == 1 ? "a statement writes" : found.foreign + " statements write")
                    + " outside the target's database");
        }
        if (found.unchecked > 0) {
            what.add((found.unchecked == 1 ? "a statement runs" : found.unchecked + " statements run")
                    + " SQL built at run time, which could write outside the scratch database");
        }
        String vouch = found.unchecked == 0 ? "" : " If SQL built at run time writes only in the target's own "
                + "database, say so in the comment lines directly above the statement: \"-- matey:nolint L104 "
                + "reason\" (L105 in a down section).";
        throw new MateyException(opening + " refused: " + String.join(", and ", what) + "; nothing was run.\n  "
                + String.join("\n  ", found.lines) + "\nA target's migrations must only write to its own database, "
                + "because replay runs them in a scratch database: use unqualified names, or make the other "
                + "database a target of its own." + vouch);
    }

    /** The offending statements in file order, and how many of each kind. */
    private static final class Found {
        final List<String> lines = new ArrayList<>();
        int foreign;
        int unchecked;
    }

    /** The lint code that reports a statement of this section, and whose directive vouches for it. */
    private static String code(Section section) {
        return section.kind().equals("down") ? "L105" : "L104";
    }

    /** @param vouched the migration's nolint directives for replay, which checks SQL built at run time; else null */
    private static void check(Engine engine, WriteGuard guard, Migration migration, Section section, Nolint vouched,
            Found found) {
        for (SqlStatement statement : section.statements(engine.dialect())) {
            ParsedSql parsed = ParsedSql.of(statement);
            Optional<String> reason = guard.foreignWrite(parsed);
            if (reason.isPresent()) {
                found.lines.add(finding(migration, section, statement, reason.get()));
                found.foreign++;
                continue;
            }
            Optional<String> unchecked = vouched == null ? Optional.empty() : guard.unchecked(parsed);
            if (unchecked.isEmpty()) {
                continue;
            }
            Nolint.Vouch vouch = vouched.vouch(code(section), statement.line());
            if (vouch == Nolint.Vouch.WITHOUT_REASON) {
                found.lines.add(finding(migration, section, statement, "the -- matey:nolint " + code(section)
                        + " comment above gives no reason: write after the code why this SQL writes only in the "
                        + "target's own database"));
                found.unchecked++;
            } else if (vouch == Nolint.Vouch.ABSENT) {
                found.lines.add(finding(migration, section, statement, unchecked.get()));
                found.unchecked++;
            }
        }
    }

    /**
     * One offending statement's line of the refusal. Built only for a statement refused: masking a statement's
     * secrets for its summary costs far more than guarding it, and a bulk-data section has hundreds of thousands.
     */
    private static String finding(Migration migration, Section section, SqlStatement statement, String what) {
        return migration.file() + ":" + statement.line() + " (" + section.kind() + "): " + what + ". Statement: '"
                + statement.summary() + "'";
    }
}
