package io.matey.live;

import io.matey.engine.ForeignWrites;
import io.matey.engine.Leftover;
import io.matey.engine.MigrationRunner;
import io.matey.migration.Migration;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code --resume}: continues an interrupted section, up ({@code db up}) or down ({@code db down}), after the last
 * statement the live schema proves to be in effect, with its version change (docs/architecture.md §7).
 */
final class SectionResume {

    private SectionResume() {
    }

    static MigrationTiming run(LiveTarget target, Connection connection, MigrationRunner runner,
            Interruption interruption, ResumePoint.Scratch scratch, String context, Consumer<String> progress)
            throws SQLException {
        Migration migration = interruption.migration();
        interruption.requireSameStatements(target, context);
        ForeignWrites.refuseOnLive(target.engine(), List.of(migration), interruption.direction().equals(MigrationRunner.UP)
                ? ForeignWrites.Sections.UP : ForeignWrites.Sections.DOWN, target.opening(context));
        int done = ResumePoint.find(target, connection, interruption, scratch, context);
        Leftover leftover = interruption.leftover();
        if (leftover != null) {
            // not in effect, and in the way of its statement, which runs again
            leftover.drop(connection);
        }
        Duration duration = runner.resume(migration, interruption.direction(), done);
        progress.accept(String.format("%s  %s resumed after statement %d of %d%s  %d ms", migration.file(),
                interruption.direction(), done, interruption.statements().size(),
                leftover == null ? "" : " (dropped " + leftover.description() + ", left by statement "
                        + (interruption.done() + 1) + ")", duration.toMillis()));
        return new MigrationTiming(migration.file(), migration.version(), duration, interruption.direction());
    }
}
