package io.matey.live;

import io.matey.engine.MigrationProgress;
import io.matey.engine.MigrationRunner;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.migration.Migration;
import io.matey.migration.SqlStatement;
import io.matey.schema.SchemaDiff;
import java.util.List;

/**
 * A migration section that stopped partway on the live database (a crash, a kill, a failing statement), as its
 * {@link MigrationProgress} marker tells (docs/architecture.md §7): which statements had taken effect, and how the
 * live schema differs from the state before the migration.
 *
 * @param index       the applied index; the state before the section is the committed state there
 * @param liveSql     the live dump
 * @param expectedSql the committed state at {@code index}
 * @param expectedFrom the artifact holding {@code expectedSql} (a checkpoint, {@code schema.sql}, the zero baseline)
 */
public record Interruption(Migration migration, String direction, int done, int total, int index, String liveSql,
        String expectedSql, String expectedFrom, List<SqlStatement> statements) {

    /** Relates a marker to the worktree migration it names, which must be the next to apply or the latest applied. */
    static Interruption of(LiveTarget target, MigrationProgress.Marker marker, LivePrefix prefix, String liveSql) {
        int index = prefix.index();
        boolean up = marker.direction().equals(MigrationRunner.UP);
        int position = up ? index : index - 1;
        List<Migration> migrations = target.migrations();
        if (position < 0 || position >= migrations.size()
                || !migrations.get(position).version().equals(marker.version())) {
            throw new MateyException(Reason.MIGRATION_INTERRUPTED, "The live database " + target.endpoint() + " holds a progress marker of version "
                    + marker.version() + " (" + marker.direction() + " section, " + marker.done() + " of "
                    + marker.total() + (marker.total() == 1 ? " statement), which" : " statements), which")
                    + " is not the " + (up ? "next migration to apply" : "latest applied migration")
                    + " of the worktree; check out the migrations it was migrated with.");
        }
        Migration migration = migrations.get(position);
        var script = migration.script().requireValid();
        List<SqlStatement> statements = (up ? script.up() : script.down()).statements(target.engine().dialect());
        return new Interruption(migration, marker.direction(), marker.done(), marker.total(), index, liveSql,
                target.expectedAt(index), target.expectedSource(index), statements);
    }

    /** {@code migration X was interrupted after statement N of M (up section); ...}. */
    public String describe() {
        StringBuilder out = new StringBuilder("migration " + migration.file() + " was interrupted after statement "
                + done + " of " + total + " (" + direction + " section)");
        if (done < statements.size()) {
            out.append("; statement ").append(done + 1).append(" (line ").append(statements.get(done).line())
                    .append(") may also have taken effect");
        }
        return out.append("; the database holds a partial state").toString();
    }

    /**
     * The committed state before the section against the live schema, as a unified diff: the partial changes are
     * its {@code +} lines, and the labels name the committed artifact and the live database.
     */
    public String diff() {
        return SchemaDiff.unified(expectedSql, liveSql, expectedFrom + " (committed, before " + migration.file() + " "
                + direction + ")", "live database");
    }

    /** The documented way forward, for messages. */
    static String wayForward(LiveTarget target) {
        String resume = target.command("db up") + " --resume";
        return "Run `" + resume + "`: it finds the last statement that took effect by replaying the section's "
                + "first statements in a scratch database on the test server and comparing schemas, then continues "
                + "after it. Or undo the partial changes by hand (the diff shows them) until the schema is the state "
                + "before the migration, and run `" + resume + "`, which then runs the section from its start.";
    }
}
