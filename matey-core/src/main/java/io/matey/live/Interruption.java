package io.matey.live;

import io.matey.engine.Engine;
import io.matey.engine.Leftover;
import io.matey.engine.MigrationProgress;
import io.matey.engine.MigrationRunner;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.migration.Migration;
import io.matey.migration.SqlStatement;
import io.matey.schema.SchemaDiff;
import io.matey.schema.SchemaDump;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A migration section that stopped partway on the live database (a crash, a kill, a failing statement), as its
 * {@link MigrationProgress} marker tells (docs/architecture.md §7): which statements had taken effect, and how the
 * live schema differs from the state before the migration.
 *
 * @param exact       whether statement {@code done + 1} failed with the server's error and took no effect
 *                    ({@link MigrationProgress.Marker#exact}), so that nothing after statement {@code done} did
 * @param index       the applied index; the state before the section is the committed state there
 * @param liveSql     the live dump
 * @param expectedSql the committed state at {@code index}
 * @param expectedFrom the artifact holding {@code expectedSql} (a checkpoint, {@code schema.sql}, the zero baseline)
 * @param leftover     what statement {@code done + 1} left behind without taking effect (a PostgreSQL invalid
 *                     index), which {@code liveSql} leaves out and {@code db up --resume} drops; null when none
 */
public record Interruption(Migration migration, String direction, int done, int total, boolean exact, int index,
        String liveSql,
        String expectedSql, String expectedFrom, List<SqlStatement> statements, Leftover leftover) {

    /**
     * Relates a marker to the worktree migration it names, which must be the next to apply or the latest applied,
     * and dumps the live schema; a marker no section continues is refused as {@link StaleMarker}.
     *
     * @param applied the applied versions the caller read, from which {@code prefix} was computed
     */
    static Interruption of(LiveTarget target, MigrationProgress.Marker marker, LivePrefix prefix, List<String> applied,
            Connection connection, String context) throws SQLException {
        if (StaleMarker.misplaced(target, marker, prefix)) {
            throw StaleMarker.read(target, marker, prefix, applied, connection).refusal(target, context, "");
        }
        int index = prefix.index();
        Migration migration = target.migrations().get(marker.direction().equals(MigrationRunner.UP) ? index : index - 1);
        Engine engine = target.engine();
        List<SqlStatement> statements = statements(engine, migration, marker.direction());
        Leftover leftover = leftover(engine, connection, statements, marker.done());
        String liveSql = leftover == null ? SchemaDump.dump(engine, connection)
                : SchemaDump.dumpWithout(engine, connection, leftover);
        return new Interruption(migration, marker.direction(), marker.done(), marker.total(), marker.exact(), index, liveSql,
                target.expectedAt(index, connection), target.expectedSource(index), statements, leftover);
    }

    /**
     * The live dump for the reports ({@code db drift|plan}): where the dump fails on what an interrupted section's
     * next statement left behind, the dump without it. Only a failure asks for the marker, so a report of a healthy
     * database costs no query more. What the server would not load again is told to {@code unloadable}, not a failure.
     */
    static String liveDump(LiveTarget target, Connection connection, Consumer<String> unloadable) throws SQLException {
        Engine engine = target.engine();
        try {
            return SchemaDump.dumpReporting(engine, connection, unloadable);
        } catch (SQLException failure) {
            Optional<MigrationProgress.Marker> marker = engine.progressTable().read(connection);
            Optional<Migration> migration = marker.flatMap(m -> target.migrations().stream()
                    .filter(candidate -> candidate.version().equals(m.version())).findFirst());
            if (migration.isEmpty()) {
                throw failure;
            }
            Leftover leftover = leftover(engine, connection,
                    statements(engine, migration.get(), marker.get().direction()), marker.get().done());
            if (leftover == null) {
                throw failure;
            }
            return SchemaDump.dumpWithout(engine, connection, leftover);
        }
    }

    private static List<SqlStatement> statements(Engine engine, Migration migration, String direction) {
        var script = migration.script().requireValid();
        return (direction.equals(MigrationRunner.UP) ? script.up() : script.down()).statements(engine.dialect());
    }

    /** What statement {@code done + 1}, the one after the last in effect, left behind; null when nothing. */
    private static Leftover leftover(Engine engine, Connection connection, List<SqlStatement> statements, int done)
            throws SQLException {
        return done < statements.size() ? engine.leftoverOf(connection, statements.get(done)).orElse(null) : null;
    }

    /** {@code migration X was interrupted after statement N of M (up section); ...}. */
    public String describe() {
        StringBuilder out = new StringBuilder("migration " + migration.file() + " was interrupted after statement "
                + done + " of " + total + " (" + direction + " section)");
        if (failedWithoutEffect()) {
            return out.append("; statement ").append(done + 1).append(" (line ").append(statements.get(done).line())
                    .append(") failed with an error from the server, so nothing after statement ").append(done)
                    .append(" took effect").append(unchanged() ? "; the live schema is still the state before the "
                            + "migration" : "; the database holds a partial state").toString();
        }
        if (leftover == null && unchanged()) {
            // Statement N+1 never changed the schema (a kill while it ran): "partial" and the undo advice would mislead.
            return out.append("; the live schema is still the state before the migration, so none of its schema "
                    + "changes took effect").toString();
        }
        if (done < statements.size()) {
            out.append("; statement ").append(done + 1).append(" (line ").append(statements.get(done).line())
                    .append(leftover == null ? ") may also have taken effect" : ") did not take effect but left "
                            + leftover.description() + " behind, which `db up --resume` drops before running it again");
        }
        return out.append(leftover != null && unchanged() ? "; apart from it, the live schema is the state before the migration"
                : "; the database holds a partial state").toString();
    }

    /**
     * Whether the section stopped at a statement of the file that failed without effect ({@link #exact}); false when
     * the file now has no statement after the {@code done} in effect.
     */
    public boolean failedWithoutEffect() {
        return exact && leftover == null && done < statements.size();
    }

    /** Whether the live schema (without a leftover) is the committed state before the section. */
    public boolean unchanged() {
        return SchemaDump.sameSchema(liveSql, expectedSql);
    }

    /**
     * The committed state before the section against the live schema, as a unified diff: the partial changes are
     * its {@code +} lines, and the labels name the committed artifact and the live database.
     */
    public String diff() {
        return SchemaDiff.unified(expectedSql, liveSql, expectedFrom + " (committed, before " + migration.file() + " "
                + direction + ")", "live database");
    }

    /** The refusal of a command that cannot go on while the section stands partway, with the diff and the way forward. */
    MateyException refusal(LiveTarget target, String context) {
        String resume = resumeCommand(target);
        if (unchanged() && done < statements.size()) {
            return new MateyException(Reason.MIGRATION_INTERRUPTED, target.opening(context) + " refused: " + describe()
                    + ". " + (failedWithoutEffect() ? fixFirst(target) + "run `" : "Run `") + resume + "`: it "
                    + (leftover == null ? "" : "drops what statement " + (done + 1) + " left behind and ")
                    + "runs the section on from statement " + (done + 1) + ".");
        }
        return new MateyException(Reason.MIGRATION_INTERRUPTED, target.opening(context) + " refused: " + describe() + ":\n" + diff()
                + (failedWithoutEffect() ? fixFirst(target) + resumeAtTheFailedStatement(target) : wayForward(target)));
    }

    /** What comes before {@code --resume} when statement N+1 failed: whatever made it fail. */
    private String fixFirst(LiveTarget target) {
        return "Fix what made statement " + (done + 1) + " fail (the migration file, then `"
                + target.failureCommands().apply() + "`; or the data it met), then ";
    }

    /**
     * The way forward after a failed statement: the count is exact, so the resume continues at the failed statement;
     * the scratch replay still proves it, as the file may have been edited before it (docs/architecture.md §7).
     */
    private String resumeAtTheFailedStatement(LiveTarget target) {
        String resume = resumeCommand(target);
        return "run `" + resume + "`: it checks that the live schema is the state after statement " + done
                + " (replaying the section's statements up to it in a scratch database on the test server) and runs "
                + "the section on from statement " + (done + 1) + ". " + undoByHand(resume);
    }

    /**
     * The command that continues the section: {@code db down --resume} finishes an interrupted rollback, where
     * {@code db up --resume} would finish it and then apply the migration again.
     */
    String resumeCommand(LiveTarget target) {
        return target.command("db " + direction) + " --resume";
    }

    /**
     * Refuses to continue a section whose file now holds another number of statements than when it was
     * interrupted: statement N no longer names the statement that ran as N, so continuing after it could skip or
     * repeat statements, unseen where they change only data. Editing the statements after the ones in effect (the
     * usual fix of a failed one) keeps the count and is continued.
     */
    void requireSameStatements(LiveTarget target, String context) {
        if (total == statements.size()) {
            return;
        }
        throw new MateyException(Reason.MIGRATION_INTERRUPTED, target.opening(context, "--resume") + " refused: "
                + migration.file() + " was edited since its " + direction + " section was interrupted: the section had "
                + total + " statement(s) then and has " + statements.size() + " now, so which of them took effect "
                + "cannot be told; nothing ran. Restore its first " + done + " statement(s) as they ran (they took "
                + "effect: `git diff` shows your edit) and change only what follows them, keeping the section at "
                + total + " statement(s); run `" + target.failureCommands().apply() + "` and `" + resumeCommand(target)
                + "` again.");
    }

    /** The documented way forward, for messages. */
    String wayForward(LiveTarget target) {
        String resume = resumeCommand(target);
        return "Run `" + resume + "`: it finds the last statement that took effect by replaying the section's "
                + "first statements in a scratch database on the test server and comparing schemas, then continues "
                + "after it. " + undoByHand(resume);
    }

    private static String undoByHand(String resume) {
        return "Or undo the partial changes by hand (the diff shows them) until the schema is the state before the "
                + "migration, and run `" + resume + "`, which then runs the section from its start.";
    }
}
