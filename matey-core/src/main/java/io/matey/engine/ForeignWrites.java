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
     * The guard for commands on a live database. Without JSqlParser on the class path (an application that ships
     * the lean starter) the guard is skipped: the committed migrations were already guarded by the replay that wrote
     * the lock (docs/architecture.md §6), and the live post-check still compares the whole schema.
     */
    public static void refuseOnLive(Engine engine, List<Migration> migrations, Sections sections, String command) {
        if (SqlParser.PRESENT) {
            refuse(engine, migrations, sections, command);
        }
    }

    /** Throws a {@link MateyException} naming every offending statement; returns when there is none. */
    public static void refuse(Engine engine, List<Migration> migrations, Sections sections, String command) {
        WriteGuard guard = engine.writeGuard();
        if (guard == WriteGuard.NONE) {
            return;
        }
        List<String> found = new ArrayList<>();
        for (Migration migration : migrations) {
            MigrationScript script = migration.script().requireValid();
            if (sections != Sections.DOWN) {
                check(engine, guard, migration, script.up(), found);
            }
            if (sections != Sections.UP) {
                check(engine, guard, migration, script.down(), found);
            }
        }
        if (!found.isEmpty()) {
            throw new MateyException(command + " refused: " + (found.size() == 1 ? "a statement writes" : found.size()
                    + " statements write") + " outside the target's database; nothing was run.\n  "
                    + String.join("\n  ", found) + "\nA target's migrations must only write to its own database, "
                    + "because replay runs them in a scratch database: use unqualified names, or make the other "
                    + "database a target of its own.");
        }
    }

    private static void check(Engine engine, WriteGuard guard, Migration migration, Section section, List<String> found) {
        for (SqlStatement statement : section.statements(engine.dialect())) {
            Optional<String> reason = guard.foreignWrite(ParsedSql.of(statement));
            reason.ifPresent(r -> found.add(migration.file() + ":" + statement.line() + " (" + section.kind() + "): "
                    + r + ". Statement: '" + statement.summary() + "'"));
        }
    }
}
