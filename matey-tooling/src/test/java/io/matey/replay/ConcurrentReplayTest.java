package io.matey.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.Matey;
import io.matey.MateyTools;
import io.matey.engine.Engine;
import io.matey.engine.Engines;
import io.matey.engine.MateyUrl;
import io.matey.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL replays of different checkouts and targets at once on one server (issue 12 item 5): two clones of
 * one workspace (same target name, same migrations) and two targets whose names share a prefix ({@code x},
 * {@code x/core}) each run incremental {@code schema apply} rounds in their own process, every round building a
 * new anchor template and evicting the last. None may drop a template another is cloning or building.
 */
class ConcurrentReplayTest {

    private static final int ROUNDS = 6;

    @TempDir
    Path dir;

    private final List<Path> targetDirs = new ArrayList<>();
    private MateyUrl server;

    @Test
    void clonesAndPrefixNamedTargetsReplayAtOnceWithoutBreakingEachOther() throws Exception {
        server = TestDatabase.serverBase("postgres");
        Path first = workspace(dir.resolve("clone-a"), List.of("."));
        Path second = dir.resolve("clone-b");
        copy(first, second);
        Path prefixed = workspace(dir.resolve("prefixed"), List.of("x", "x/core"));
        List<String[]> runs = List.of(new String[] {first.toString(), "."}, new String[] {second.toString(), "."},
                new String[] {prefixed.toString(), "x"}, new String[] {prefixed.toString(), "x/core"});
        targetDirs.addAll(List.of(first.toRealPath(), second.toRealPath(), prefixed.resolve("x").toRealPath(),
                prefixed.resolve("x/core").toRealPath()));

        Path gate = dir.resolve("gate");
        List<Process> processes = new ArrayList<>();
        try {
            for (String[] run : runs) {
                processes.add(start(run[0], run[1], gate));
            }
            List<BufferedReader> readers = awaitReady(processes);
            Files.createFile(gate);
            for (int i = 0; i < processes.size(); i++) {
                String output = readers.get(i).lines().collect(Collectors.joining("\n"));
                Process process = processes.get(i);
                assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("process finished in time").isTrue();
                assertThat(process.exitValue()).as(String.join(" ", runs.get(i)) + ":\n" + output).isZero();
                assertThat(output).contains("round " + ROUNDS + " ok");
            }
        } finally {
            processes.forEach(Process::destroyForcibly); // no-op for those that finished
        }
        for (String[] run : runs) {
            Matey matey = new Matey(Path.of(run[0]), Path.of(run[0]), System.getenv());
            assertThat(new MateyTools(matey).schemaPlan(matey.target(run[1]), ReplayOptions.defaults(), line -> { }).match())
                    .as(run[1]).isTrue();
        }
        for (Path target : targetDirs) {
            assertThat(templatesOf(target)).as("templates kept for " + target).hasSize(1);
        }
    }

    /** A workspace whose targets replay on the test server, with two migrations applied. */
    private Path workspace(Path root, List<String> targets) {
        write(root.resolve("matey.toml"), "targets = [" + targets.stream().map(t -> "\"" + t + "\"")
                .collect(Collectors.joining(", ")) + "]\n");
        for (String target : targets) {
            Path targetDir = root.resolve(target);
            write(targetDir.resolve("config.toml"), "engine = \"postgres\"\nurl_env = \"UNUSED_DATABASE_URL\"\n"
                    + "test_url_env = \"MATEY_TEST_POSTGRES_URL\"\n");
            for (int i = 1; i <= 2; i++) {
                write(targetDir.resolve("migrations/%03d_base_%d.sql".formatted(i, i)), "-- migrate:up\nCREATE TABLE base_"
                        + i + " (id bigint PRIMARY KEY, name text);\n\n-- migrate:down\nDROP TABLE base_" + i + ";\n");
            }
        }
        for (String target : targets) {
            new MateyTools(new Matey(root, root, Map.of("MATEY_TEST_POSTGRES_URL", server.raw())))
                    .schemaApply(target, ReplayOptions.defaults(), line -> { });
        }
        return root;
    }

    private static Process start(String workspace, String target, Path gate) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ConcurrentReplayMain.class.getName(), workspace, target, String.valueOf(ROUNDS), gate.toString())
                .redirectErrorStream(true).start();
    }

    private static List<BufferedReader> awaitReady(List<Process> processes) throws IOException {
        List<BufferedReader> readers = new ArrayList<>();
        for (Process process : processes) {
            BufferedReader reader = process.inputReader(StandardCharsets.UTF_8);
            String line = reader.readLine();
            while (line != null && !line.equals("ready")) {
                line = reader.readLine();
            }
            assertThat(line).as("process got ready").isEqualTo("ready");
            readers.add(reader);
        }
        return readers;
    }

    /** The anchor templates whose comment names the target directory. */
    private List<String> templatesOf(Path targetDir) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = Engines.byId("postgres").connect(server); PreparedStatement ps = c.prepareStatement(
                "SELECT datname FROM pg_database WHERE shobj_description(oid, 'pg_database') LIKE '%; ' || ?")) {
            ps.setString(1, targetDir.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    @AfterEach
    void dropTemplates() throws SQLException {
        if (server == null) {
            return;
        }
        Engine engine = Engines.byId("postgres");
        for (Path target : targetDirs) {
            for (String name : templatesOf(target)) {
                engine.dropDatabase(engine.siblingUrl(server, name));
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path destination = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
