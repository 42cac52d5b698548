package io.matey.live;

import io.matey.engine.MigrationFailedException;
import io.matey.engine.RunningStatements;
import io.matey.log.SectionProgress;
import io.matey.migration.Migration;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs one section of each migration in turn. Every migration commits on its own (as with dbmate), so when
 * one fails the message also says which migrations of this run took effect and where the database now stands.
 * Once the process is ending ({@link RunningStatements#cancelling()}) it starts no further migration and says where
 * the run stopped ({@link RunStopped}).
 */
final class SectionSequence {

    /** Runs one migration's section; {@link io.matey.engine.MigrationRunner#up} or {@code down}. */
    interface Runner {
        Duration run(Migration migration) throws SQLException;
    }

    private final String opening;
    private final String statusCommand;
    private final Consumer<String> progress;

    /**
     * @param opening       what a failure's message opens with: the command in the caller's terms
     *                      ({@link LiveTarget#opening})
     * @param statusCommand the target's {@code db status}, for a run stopped partway through a section
     */
    SectionSequence(String opening, String statusCommand, Consumer<String> progress) {
        this.opening = opening;
        this.statusCommand = statusCommand;
        this.progress = progress;
    }

    /**
     * @param startIndex the applied index before the first migration
     * @param step       +1 when applying, -1 when rolling back
     */
    List<MigrationTiming> run(List<Migration> migrations, Runner runner, int startIndex, int step)
            throws SQLException {
        List<MigrationTiming> done = new ArrayList<>();
        for (Migration migration : migrations) {
            if (RunningStatements.cancelling()) {
                throw new RunStopped("Stopped before " + migration.file() + ", which did not start. "
                        + stoppedAt(done, startIndex + step * done.size()), null);
            }
            Duration duration;
            SectionProgress.starting(progress, migration.file(), step > 0 ? "up" : "down");
            try {
                duration = runner.run(migration);
            } catch (MigrationFailedException e) {
                if (RunningStatements.cancelling()) {
                    throw new RunStopped("Stopped during " + migration.file() + ": its " + e.section()
                            + " section was cancelled at line " + e.line() + "; `" + statusCommand
                            + "` shows what of it took effect. " + stoppedAt(done, startIndex + step * done.size()), e);
                }
                throw new MigrationFailedException(e.file(), e.section(), e.line(),
                        opening + " failed: " + e.getMessage() + aftermath(done, startIndex + step * done.size()),
                        e.getCause());
            }
            done.add(new MigrationTiming(migration.file(), migration.version(), duration));
            progress.accept(String.format("%s  %s  %d ms", migration.file(), step > 0 ? "up" : "down",
                    duration.toMillis()));
        }
        return done;
    }

    /** What a stopped run leaves: the migrations it applied or rolled back, counted (a run may hold hundreds). */
    private static String stoppedAt(List<MigrationTiming> done, int index) {
        return (done.isEmpty() ? "This run completed no migration" : "This run completed " + done.size()
                + " migration(s), the last " + done.get(done.size() - 1).file()) + "; the live database is at index "
                + index + ".";
    }

    private static String aftermath(List<MigrationTiming> done, int index) {
        if (done.isEmpty()) {
            return "";
        }
        return " Earlier migrations of this run stay done: "
                + done.stream().map(MigrationTiming::file).collect(Collectors.joining(", "))
                + "; the live database is at index " + index + ".";
    }
}
