package io.matey.engine;

import io.matey.error.MateyException;
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
     */
    public static void refuseOnLive(Engine engine, List<Migration> migrations, Sections sections, String command) {
        if (SqlParser.PRESENT) {
            refuse(engine, migrations, sections, command, false);
        }
    }

    /**
     * The guard for replay, which also refuses SQL built at run time: it could write outside the scratch database.
     * Throws a {@link MateyException} naming every offending statement; returns when there is none.
     */
    public static void refuse(Engine engine, List<Migration> migrations, Sections sections, String command) {
        refuse(engine, migrations, sections, command, true);
    }

    private static void refuse(Engine engine, List<Migration> migrations, Sections sections, String command,
            boolean replay) {
        WriteGuard guard = engine.writeGuard();
        if (guard == WriteGuard.NONE) {
            return;
        }
        Found found = new Found();
        for (Migration migration : migrations) {
            MigrationScript script = migration.script().requireValid();
            if (sections != Sections.DOWN) {
                check(engine, guard, migration, script.up(), replay, found);
            }
            if (sections != Sections.UP) {
                check(engine, guard, migration, script.down(), replay, found);
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
        throw new MateyException(command + " refused: " + String.join(", and ", what) + "; nothing was run.\n  "
                + String.join("\n  ", found.lines) + "\nA target's migrations must only write to its own database, "
                + "because replay runs them in a scratch database: use unqualified names, or make the other "
                + "database a target of its own.");
    }

    /** The offending statements in file order, and how many of each kind. */
    private static final class Found {
        final List<String> lines = new ArrayList<>();
        int foreign;
        int unchecked;
    }

    private static void check(Engine engine, WriteGuard guard, Migration migration, Section section, boolean replay,
            Found found) {
        for (SqlStatement statement : section.statements(engine.dialect())) {
            ParsedSql parsed = ParsedSql.of(statement);
            String where = migration.file() + ":" + statement.line() + " (" + section.kind() + "): ";
            String quoted = ". Statement: '" + statement.summary() + "'";
            Optional<String> reason = guard.foreignWrite(parsed);
            if (reason.isPresent()) {
                found.lines.add(where + reason.get() + quoted);
                found.foreign++;
                continue;
            }
            Optional<String> unchecked = replay ? guard.unchecked(parsed) : Optional.empty();
            if (unchecked.isPresent()) {
                found.lines.add(where + unchecked.get() + quoted);
                found.unchecked++;
            }
        }
    }
}
