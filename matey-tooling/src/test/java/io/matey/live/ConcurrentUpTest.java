package io.matey.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.testing.EngineMatrix;
import io.matey.testing.TestWorkspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Several processes deploying at once: all succeed, and each migration is applied exactly once, because the
 * engine's migration lock is held from reading the applied versions to the last insert.
 */
class ConcurrentUpTest {

    private static final int PROCESSES = 4;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EngineMatrix
    void concurrentUpRunsApplyEachMigrationOnce(String engine) throws Exception {
        try (LiveHarness h = LiveHarness.unborn(dir, engine)) {
            for (int i = 1; i <= 3; i++) {
                h.ws.migration("00" + i + "_m" + i + ".sql", h.ws.createTable("it_m" + i), "DROP TABLE it_m" + i + ";");
            }
            h.ws.apply();

            Path gate = dir.resolve("gate");
            List<Process> processes = new ArrayList<>();
            try {
                for (int i = 0; i < PROCESSES; i++) {
                    processes.add(start(h.ws.root(), h.url(), gate));
                }
                assertAllApplyOnce(processes, gate);
            } finally {
                processes.forEach(Process::destroyForcibly); // no-op for those that finished
            }
            assertThat(h.recordedVersions()).isEqualTo(3);
            assertThat(h.plan().match()).isTrue();
        }
    }

    /** Opens the gate once every process is ready; all must succeed, and together run each migration once. */
    private static void assertAllApplyOnce(List<Process> processes, Path gate) throws Exception {
        List<BufferedReader> readers = new ArrayList<>();
        for (Process process : processes) {
            BufferedReader reader = process.inputReader(StandardCharsets.UTF_8);
            String line = reader.readLine();
            while (line != null && !line.equals("ready")) {
                line = reader.readLine(); // a driver may log before the process is ready
            }
            assertThat(line).as("process got ready").isEqualTo("ready");
            readers.add(reader);
        }
        Files.createFile(gate);
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            Process process = processes.get(i);
            String output = readers.get(i).lines().collect(Collectors.joining("\n"));
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("process finished in time").isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            outputs.add(output);
        }
        assertThat(outputs.stream().filter(o -> o.contains("up 0 3")).count()).as(String.join("\n", outputs))
                .isEqualTo(1);
        // Every migration ran in exactly one process.
        for (int i = 1; i <= 3; i++) {
            String file = "migrations/00" + i + "_m" + i + ".sql  up";
            assertThat(outputs.stream().filter(o -> o.contains(file)).count()).isEqualTo(1);
        }
    }

    private static Process start(Path workspace, String url, Path gate) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ConcurrentUpMain.class.getName(), workspace.toString(), TestWorkspace.TARGET, url, gate.toString())
                .redirectErrorStream(true).start();
    }

}
