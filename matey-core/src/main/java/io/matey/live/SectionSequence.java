package io.matey.live;

import io.matey.engine.MigrationFailedException;
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
 */
final class SectionSequence {

    /** Runs one migration's section; {@link io.matey.engine.MigrationRunner#up} or {@code down}. */
    interface Runner {
        Duration run(Migration migration) throws SQLException;
    }

    private final String opening;
    private final Consumer<String> progress;

    /** @param opening what a failure's message opens with: the command in the caller's terms ({@link LiveTarget#opening}) */
    SectionSequence(String opening, Consumer<String> progress) {
        this.opening = opening;
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
            Duration duration;
            SectionProgress.starting(progress, migration.file(), step > 0 ? "up" : "down");
            try {
                duration = runner.run(migration);
            } catch (MigrationFailedException e) {
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

    private static String aftermath(List<MigrationTiming> done, int index) {
        if (done.isEmpty()) {
            return "";
        }
        return " Earlier migrations of this run stay done: "
                + done.stream().map(MigrationTiming::file).collect(Collectors.joining(", "))
                + "; the live database is at index " + index + ".";
    }
}
