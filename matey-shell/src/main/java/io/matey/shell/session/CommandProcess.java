package io.matey.shell.session;

import io.matey.shell.MateyShellApplication;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one command of a session as its own process of the same app, on the same terminal: Ctrl-C then ends that
 * command exactly as in a script (scratch databases dropped, exit 130) while the session, which ignores the
 * signal meanwhile, carries on (docs/architecture.md §8).
 */
final class CommandProcess {

    /** JVM options that record a class-data cache: for the launcher's own run, not for each command. */
    private static final List<String> RECORDING = List.of("-XX:ArchiveClassesAtExit", "-XX:AOTCacheOutput",
            "-XX:AOTMode", "-XX:AOTConfiguration");

    private CommandProcess() {
    }

    static int run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (RECORDING.stream().noneMatch(option::startsWith)) {
                command.add(option);
            }
        }
        command.add("-D" + SessionSyntax.PROPERTY + "=true");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MateyShellApplication.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
