package io.matey.live;

import io.matey.engine.FailureCommands;
import io.matey.engine.MigrationFailedException;
import io.matey.engine.MigrationRunner;
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

    private final String opening;
    private final Consumer<String> progress;
    private final MigrationRunner runner;
    private final FailureCommands commands;

    /**
     * @param opening  what a failure's message opens with: the command in the caller's terms ({@link LiveTarget#opening})
     * @param runner   what runs the sections, and tells whether a stop can leave one partway ({@link StoppedRun})
     * @param commands the commands a stopped run's message names
     */
    SectionSequence(String opening, Consumer<String> progress, MigrationRunner runner, FailureCommands commands) {
        this.opening = opening;
        this.progress = progress;
        this.runner = runner;
        this.commands = commands;
    }

    /**
     * @param startIndex the applied index before the first migration
     * @param step       +1 when applying, -1 when rolling back
     */
    List<MigrationTiming> run(List<Migration> migrations, int startIndex, int step)
            throws SQLException {
        List<MigrationTiming> done = new ArrayList<>();
        String direction = step > 0 ? MigrationRunner.UP : MigrationRunner.DOWN;
        try {
            for (Migration migration : migrations) {
                Duration duration;
                SectionProgress.starting(progress, migration.file(), direction);
                StoppedRun.running(stopped(migration, direction, done, startIndex + step * done.size()));
                try {
                    duration = step > 0 ? runner.up(migration) : runner.down(migration);
                } catch (MigrationFailedException e) {
                    throw new MigrationFailedException(e.file(), e.section(), e.line(),
                            opening + " failed: " + e.getMessage() + aftermath(done, startIndex + step * done.size()),
                            e.getCause());
                }
                done.add(new MigrationTiming(migration.file(), migration.version(), duration));
                progress.accept(String.format("%s  %s  %d ms", migration.file(), direction, duration.toMillis()));
            }
        } finally {
            StoppedRun.ended();
        }
        return done;
    }

    /**
     * What a stop while {@code migration} runs leaves: the earlier migrations as a failure names them, and the running
     * one, which may just have committed, so the message says how to learn where it stands rather than guessing.
     */
    private String stopped(Migration migration, String direction, List<MigrationTiming> done, int index) {
        String running = migration.file() + " (" + direction + " section) was running";
        String status = "`" + commands.status() + "`";
        String left = runner.stopsPartway(migration, direction)
                ? running + " and may be left partway: " + status + " reports what took effect, and `" + commands.resume()
                        + "` continues it."
                : running + " in one transaction: it took effect whole or not at all (" + status + " tells which).";
        return (aftermath(done, index) + " " + left).strip();
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
