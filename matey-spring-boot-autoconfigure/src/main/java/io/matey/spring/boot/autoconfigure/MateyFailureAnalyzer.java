package io.matey.spring.boot.autoconfigure;

import io.matey.engine.JdbcUrls;
import io.matey.engine.LoginRefusal;
import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import io.matey.live.FailingMutationRefusal;
import io.matey.live.ForeignHistoryRefusal;
import io.matey.workspace.TargetPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains any other Matey error during start-up (bad workspace config, no connection for a target, a failed
 * migration): the core's message already names the cause, and never a password; the reason code picks the
 * heading and what to do (docs/architecture.md §11).
 */
class MateyFailureAnalyzer extends AbstractFailureAnalyzer<MateyException> {

    private final Environment environment;

    /** @param environment gives {@code matey.workspace}, which the suggested command names */
    MateyFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MateyException cause) {
        WorkspaceCommands commands = WorkspaceCommands.of(environment.getProperty("matey.workspace",
                new MateyProperties().getWorkspace()));
        // Errors outside a target's work (its configuration, say) name no database to look at, some not even a target.
        String target = cause instanceof MateyTargetFailedException failed
                ? " " + commands.targetArguments(failed.getReport())
                : cause instanceof MateyNoDatabaseException none ? TargetPaths.option(none.getTarget())
                : " --path <target>";
        MateyException failure = cause instanceof MateyTargetFailedException failed ? failed.getFailure() : cause;
        TargetReport report = cause instanceof MateyTargetFailedException failed ? failed.getReport() : null;
        String source = cause instanceof MateyTargetFailedException failed ? failed.getSource() : null;
        String action = loginRefused(cause) ? credentials(report, source)
                : cause instanceof MateyUnknownTargetException unknown ? "Set " + unknown.getProperty()
                + " to one of the workspace's targets: " + unknown.availableTargets() + "."
                : cause.reason() == Reason.DATABASE_UNAVAILABLE && report != null ? unreachable(report, source, commands)
                : action(failure, commands, target);
        return new FailureAnalysis(heading(cause) + " (reason: " + cause.reason().code() + "):\n\n"
                + named(report, cause), action + " " + FailureText.DISABLE, failure);
    }

    /**
     * A connection failure names the target: a URL alone does not say which of several it is (a DataSource's
     * message names its target already).
     */
    private static String named(TargetReport report, MateyException cause) {
        String message = cause.getMessage();
        return report == null || cause.reason() != Reason.DATABASE_UNAVAILABLE
                || message.contains("target '" + report.target() + "'") ? message
                : "Target '" + report.target() + "': " + message;
    }

    private static boolean loginRefused(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return LoginRefusal.is(sql);
            }
        }
        return false;
    }

    /**
     * The server answered and refused the login: creating the database would not help, its credentials might,
     * where the application got them.
     *
     * @param report the failed target's, null when the failure names no target
     */
    private static String credentials(TargetReport report, String source) {
        if (report == null) {
            return "Check the user and password that the target named above connects with: its URL (matey.targets."
                    + "[<target>].url, url-env, or url_env of its config.toml), or the DataSource that serves it.";
        }
        return "Check the user and password that target '" + report.target() + "' connects with ("
                + report.connection() + "): they come from " + source + ".";
    }

    /**
     * A target's database that cannot be reached, named with where its connection comes from. A SQLite file in a
     * directory that does not exist is a mistyped path or a directory to create: {@code db up} refuses it too.
     */
    private static String unreachable(TargetReport report, String source, WorkspaceCommands commands) {
        String where = commands.where().isEmpty() ? "" : " " + commands.where();
        Path missing = missingDirectory(report.connection());
        if (missing != null) {
            return "The directory " + missing + ", where target '" + report.target() + "' has its SQLite file, does "
                    + "not exist: create it, or correct the path in " + source + ". Matey creates no directory (`matey "
                    + "db up` refuses one that is missing, as a mistyped path), and no database during start-up.";
        }
        return "Check that the database of target '" + report.target() + "' runs, exists and accepts its connection, "
                + "which comes from " + source + ". Matey creates no database during start-up, not even with "
                + "matey.migrate-on-startup: create it, or run `" + commands.command("db up "
                + commands.targetArguments(report)) + "` once, which does." + where;
    }

    /**
     * The directory a database file would be in when it does not exist, else null. Resolved as the driver does, from
     * the application's working directory.
     */
    private static Path missingDirectory(String connection) {
        Optional<MateyUrl> url;
        try {
            url = connection.startsWith("jdbc:") ? JdbcUrls.describe(connection, null)
                    : Optional.of(MateyUrl.parse(connection));
        } catch (MateyException e) {
            return null;
        }
        Path directory = url.filter(MateyUrl::isFile).map(file -> Path.of(file.path()).toAbsolutePath().getParent())
                .orElse(null);
        return directory == null || Files.isDirectory(directory) ? null : directory;
    }

    private static String heading(MateyException cause) {
        return switch (cause.reason()) {
            case MIGRATION_FAILED -> "A Matey migration failed during start-up";
            case LOCK_TIMEOUT -> "Matey could not take the migration lock during start-up";
            case DATABASE_UNAVAILABLE -> "Matey could not reach a database during start-up";
            case ADOPTION_REFUSED -> "Matey refused to adopt a database during start-up (matey.adopt-on-startup)";
            case DATABASE_NOT_EMPTY -> "Matey found a database that predates it during start-up";
            default -> "Matey could not check the application's databases during start-up";
        };
    }

    /**
     * @param target {@code --path P --url URL} of the failed target with a leading space, as live commands take it
     *               (nothing for the root target, as messages name it)
     */
    private static String action(MateyException cause, WorkspaceCommands commands, String target) {
        String status = "`" + commands.command("db status" + target) + "`";
        String where = commands.where().isEmpty() ? "" : " " + commands.where();
        return switch (cause.reason()) {
            case MIGRATION_FAILED -> "Fix the migration named above, or the database state it ran into, and start "
                    + "again; " + status + " shows what is applied." + where;
            case ADOPTION_REFUSED -> cause instanceof ForeignHistoryRefusal history ? history.action()
                    + " Nothing was recorded; `" + commands.command("db adopt" + target) + "` compares them again."
                    + where
                    : cause instanceof FailingMutationRefusal failing ? failing.action() + " `" + commands.command(
                    "db drift" + target) + "` shows the changes." + where
                    : "Its schema equals no committed state, so nothing was recorded: change the "
                    + "database (or the migrations) until they agree and start again; `" + commands.command("db adopt"
                    + target) + "` compares them again without recording anything." + where;
            case DATABASE_NOT_EMPTY -> "Set matey.adopt-on-startup=true to record the committed state its schema "
                    + "equals (refused, recording nothing, when it equals none), or adopt it yourself: `"
                    + commands.command("db adopt" + target) + "` (a dry run), then again with --apply." + where;
            // The description already says to wait or raise matey.lock-timeout, and names the holder.
            case LOCK_TIMEOUT -> "Start again once the other migration has finished; if none is running, end the "
                    + "lock's holder (the description names it where the database can tell) and start again.";
            // The connection may be a DataSource, whose message names only the host, or a target's URL.
            case DATABASE_UNAVAILABLE -> "Check that the target's database runs, exists and accepts its "
                    + "connection: the DataSource that serves the primary target (spring.datasource.*), or the URL a "
                    + "target was given (matey.targets.[<target>].url, url-env, or url_env of its config.toml). Matey "
                    + "creates no database during start-up, not even with matey.migrate-on-startup: create it, or run `"
                    + commands.command("db up" + target + (target.contains("--url") ? "" : " --url <its database URL>"))
                    + "` once, which does." + where;
            default -> "Fix the cause above; " + status + " shows a database's state." + where;
        };
    }
}
