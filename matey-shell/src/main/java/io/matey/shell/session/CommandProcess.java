package io.matey.shell.session;

import io.matey.shell.GlobalOptions;
import io.matey.shell.MateyShellApplication;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One command of a session as its own process of the same app, on the same terminal: Ctrl-C then ends that command
 * exactly as in a shell (scratch databases dropped, exit 130) while a session typed on the terminal carries on. The
 * process is told the session's process id, so that it stops when the session has gone without passing a signal on
 * (docs/architecture.md §8).
 */
final class CommandProcess {

    /** The options naming the launcher's class-data cache, whose file name ends with the family of commands. */
    private static final List<String> CACHES = List.of("-XX:AOTCache=", "-XX:SharedArchiveFile=");
    private static final String SESSION_FAMILY = "-workspace.";
    private static final String LIVE_FAMILY = "-db.";

    /** JVM options that record a class-data cache: for the launcher's own run, not for each command. */
    private static final List<String> RECORDING = List.of("-XX:ArchiveClassesAtExit", "-XX:AOTCacheOutput",
            "-XX:AOTMode", "-XX:AOTConfiguration");

    private CommandProcess() {
    }

    /** The process of the command line {@code args} (global options first), sharing the session's stdin, stdout and stderr. */
    static ProcessBuilder of(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (RECORDING.stream().noneMatch(option::startsWith)) {
                command.add(GlobalOptions.liveCommand(args) ? liveCache(option) : option);
            }
        }
        command.add("-D" + SessionSyntax.PROPERTY + "=true");
        command.add("-D" + SessionEnd.PROPERTY + "=" + ProcessHandle.current().pid());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MateyShellApplication.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).inheritIO();
    }

    /**
     * The launcher's cache of the live commands in place of the session's, once that one is recorded for the
     * installed jar (docs/architecture.md §8): the JVM loads a whole cache at start, and each holds its family's.
     */
    private static String liveCache(String option) {
        String prefix = CACHES.stream().filter(option::startsWith).findFirst().orElse(null);
        int family = option.lastIndexOf(SESSION_FAMILY);
        if (prefix == null || family < 0) {
            return option;
        }
        Path live = Path.of(option.substring(prefix.length(), family) + LIVE_FAMILY
                + option.substring(family + SESSION_FAMILY.length()));
        Path jar = Path.of(System.getProperty("java.class.path"));
        try {
            return Files.getLastModifiedTime(live).compareTo(Files.getLastModifiedTime(jar)) > 0
                    ? prefix + live : option;
        } catch (IOException notRecordedYet) {
            return option;
        }
    }
}
