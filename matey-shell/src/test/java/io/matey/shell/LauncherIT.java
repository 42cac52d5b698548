package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command scripted through the built {@code ./matey} launcher on SQLite, with exit codes checked. */
class LauncherIT {

    @TempDir
    Path dir;

    private final Map<String, String> env = Map.of("DATABASE_URL", "sqlite3:live.sqlite3");

    private Launcher.Result matey(String... args) throws Exception {
        return Launcher.run(dir, env, args);
    }

    private void expect(int exitCode, String... args) throws Exception {
        Launcher.Result result = matey(args);
        assertThat(result.exitCode()).as("matey %s\n%s", String.join(" ", args), result.all()).isEqualTo(exitCode);
    }

    @Test
    void everyCommandWithItsExitCode() throws Exception {
        expect(0, "help");
        assertThat(matey("--help").stdout()).contains("AVAILABLE COMMANDS", "schema apply", "db up", "data apply", "lint");
        expect(0, "init", "--engine", "sqlite");
        expect(0, "db", "new", "create_items");
        Path migration;
        try (Stream<Path> files = Files.list(dir.resolve("migrations"))) {
            migration = files.findFirst().orElseThrow();
        }
        Files.writeString(migration, "-- migrate:up\nCREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);\n"
                + "-- migrate:down\nDROP TABLE items;\n", StandardCharsets.UTF_8);

        expect(0, "schema", "status");
        expect(1, "schema", "status", "--exit-code");
        expect(1, "schema", "plan", "--exit-code");
        expect(0, "schema", "apply");
        expect(0, "schema", "status", "--exit-code");
        expect(0, "schema", "plan", "--exit-code", "--format", "json");

        Launcher.Result missing = matey("db", "migrate");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("does not exist", "db up");
        Launcher.Result up = matey("db", "up");
        assertThat(up.exitCode()).as(up.all()).isZero();
        assertThat(up.stdout()).containsPattern("up\\s+0\\s+1");
        expect(0, "db", "status", "--exit-code");
        expect(0, "db", "plan", "--exit-code");
        expect(0, "lint");
        Files.writeString(dir.resolve("data/data.toml"),
                "[core]\nfiles = [{ name = \"items\", table = \"items\", mode = \"replace\", order_by = [\"id\"] }]\n");
        Files.writeString(dir.resolve("data/items.jsonl"), "{\"id\": 2, \"name\": \"b\"}\n{\"id\": 1, \"name\": \"a\"}\n");
        expect(0, "data", "apply");
        expect(0, "data", "export", "--set", "core");
        assertThat(Files.readString(dir.resolve("data/items.jsonl")))
                .isEqualTo("{\"id\": 1, \"name\": \"a\"}\n{\"id\": 2, \"name\": \"b\"}\n");
        expect(2, "data", "apply", "--set", "nope");
        expect(0, "db", "drift", "--exit-code", "--format", "json");
        expect(0, "db", "down");
        expect(0, "db", "drift", "--exit-code");
        expect(1, "db", "plan", "--exit-code");
        expect(1, "db", "status", "--exit-code");
        expect(0, "db", "migrate");
        expect(2, "db", "bootstrap");
        Launcher.Result bootstrap = matey("db", "bootstrap", "--url", "sqlite3:fresh.sqlite3");
        assertThat(bootstrap.exitCode()).as(bootstrap.all()).isZero();
        assertThat(bootstrap.stdout()).containsPattern("bootstrap\\s+0\\s+1");
    }

    @Test
    void badOptionsExitWithTwoAndAUsageHint() throws Exception {
        expect(0, "init", "--engine", "sqlite");
        Launcher.Result unknown = matey("schema", "plan", "--no-such-option");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("--no-such-option", "matey help");
        Launcher.Result noCommand = matey("schema", "explode");
        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(noCommand.all()).contains("matey help");
        Launcher.Result mistyped = matey("db", "stauts");
        assertThat(mistyped.exitCode()).isEqualTo(2);
        assertThat(mistyped.stdout()).as("errors go to stderr").isEmpty();
        assertThat(mistyped.stderr()).as("plain in a pipe")
                .startsWith("error: No command 'db stauts'. Did you mean 'db status'?\n").doesNotContain("\u001b[");
        Launcher.Result equalsForm = matey("schema", "status", "--path=.", "--format=json");
        assertThat(equalsForm.exitCode()).as(equalsForm.all()).isZero();
        assertThat(equalsForm.stdout()).contains("\"target\": \".\"");
        Launcher.Result badSteps = matey("db", "down", "--steps", "0");
        assertThat(badSteps.exitCode()).isEqualTo(2);
        assertThat(badSteps.stderr()).contains("error:");
    }

    @Test
    void theClassDataCacheHoldsWhatAServerEngineLoads() throws Exception {
        expect(0, "init", "--engine", "postgres");
        // The training runs on SQLite; the PostgreSQL driver's connect path must come from the cache anyway, and so
        // must what the db commands link on their way (their lambdas are generated by a run, not by loading).
        Launcher.Result status = Launcher.run(dir, Map.of("MATEY_JAVA_OPTS", "-Xlog:class+load=info"), "db", "status",
                "--url", "postgres://matey@127.0.0.1:1/none");
        assertThat(status.exitCode()).as(status.all()).isEqualTo(2);
        assertThat(status.stdout())
                .containsPattern("io\\.matey\\.engine\\.postgres\\.PostgresConnector source: shared objects file")
                .containsPattern("org\\.postgresql\\.core\\.v3\\.ConnectionFactoryImpl source: shared objects file")
                .containsPattern("io\\.matey\\.shell\\.command\\.DbCommands\\$\\$Lambda\\S* source: shared objects file")
                .doesNotContainPattern("io\\.matey\\.shell\\.command\\.DbCommands\\$\\$Lambda\\S* source: io\\.matey");
    }

    @Test
    void runsThroughALinkOnThePath() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path link = Files.createSymbolicLink(bin.resolve("matey"), Launcher.SCRIPT);
        Launcher.Result version = Launcher.run(link, dir, env, "--version");
        assertThat(version.exitCode()).as(version.all()).isZero();
        assertThat(version.stdout()).startsWith("matey ");
    }

    @Test
    void concurrentRunsWaitForTheInstallAndPrintTheVersion() throws Exception {
        Path installed = Launcher.SCRIPT.getParent().resolve("matey-shell/target/launcher/matey.jar");
        expect(0, "--version"); // installed and its cache recorded
        assertThat(installed.toFile().setLastModified(946684800000L)).isTrue(); // older than every source: reinstall
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path out = Files.createTempFile("matey-out", ".txt");
            Path err = Files.createTempFile("matey-err", ".txt");
            outputs.add(out);
            outputs.add(err);
            processes.add(Launcher.start(dir, env, out, err, "--version"));
        }
        StringBuilder errors = new StringBuilder();
        for (int i = 0; i < processes.size(); i++) {
            assertThat(processes.get(i).waitFor(300, TimeUnit.SECONDS)).isTrue();
            String stdout = Files.readString(outputs.get(2 * i));
            errors.append(Files.readString(outputs.get(2 * i + 1)));
            assertThat(processes.get(i).exitValue()).as(errors.toString()).isZero();
            assertThat(stdout).matches("matey \\S+ \\(commit [0-9a-f]{7,}[^)]*\\)\n");
        }
        assertThat(errors.toString()).contains("matey: waiting for another matey to finish building...");
        assertThat(installed).isReadable();
    }

    @Test
    void aRunWaitingForTheCacheRecordingSaysSo() throws Exception {
        expect(0, "--version"); // installed
        deleteCaches();
        List<Process> processes = new ArrayList<>();
        List<Path> errors = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path err = Files.createTempFile("matey-err", ".txt");
            errors.add(err);
            processes.add(Launcher.start(dir, env, Files.createTempFile("matey-out", ".txt"), err, "--version"));
        }
        StringBuilder stderr = new StringBuilder();
        for (int i = 0; i < processes.size(); i++) {
            assertThat(processes.get(i).waitFor(300, TimeUnit.SECONDS)).isTrue();
            stderr.append(Files.readString(errors.get(i)));
        }
        assertThat(stderr.toString()).as("the jar is built: the first run records the cache")
                .contains("matey: waiting for another matey to finish recording the start-up cache (once per build)...")
                .doesNotContain("building");
    }

    @Test
    void aPersonAtATerminalIsToldWhyTheRunRecordingTheCacheIsSlow() throws Exception {
        expect(0, "--version"); // installed
        deleteCaches();
        try (PseudoTerminal terminal = PseudoTerminal.start(dir, Map.of("NO_COLOR", "1"), "--version")) {
            assertThat(terminal.awaitExit(Duration.ofSeconds(300))).isZero();
            assertThat(terminal.screen()).contains("matey: recording the start-up cache for this Java (once per build");
        }
        assertThat(matey("--version").stderr()).as("once recorded, and never on a script's stderr").isEmpty();
    }

    /** Ctrl-C while the cache is recorded ends the run: the command does not run, and the next run records the cache. */
    @Test
    void ctrlCWhileTheCacheIsRecordedEndsTheRunWithoutMarkingTheCacheFailed() throws Exception {
        expect(0, "--version"); // installed
        deleteCaches();
        Path launcher = Launcher.SCRIPT.getParent().resolve("matey-shell/target/launcher");
        try (PseudoTerminal terminal = PseudoTerminal.start(dir, Map.of("NO_COLOR", "1"), "init", "--engine", "sqlite")) {
            terminal.await(screen -> screen.contains("matey: recording the start-up cache"), Duration.ofSeconds(300));
            terminal.press("C-c");
            assertThat(terminal.awaitExit(Duration.ofSeconds(60))).isEqualTo(130);
        }
        assertThat(dir.resolve("matey.toml")).as("the interrupted command did not run").doesNotExist();
        try (Stream<Path> files = Files.list(launcher)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".failed") || name.contains(".tmp."));
        }
    }

    @Test
    void aUserWhoCannotWriteTheInstallationKeepsTheCachesInTheirOwnDirectory() throws Exception {
        expect(0, "--version"); // built and installed
        Path installation = Files.createDirectories(dir.resolve("installation/matey-shell/target/launcher"));
        Files.copy(Launcher.SCRIPT, dir.resolve("installation/matey"));
        Files.copy(Launcher.SCRIPT.getParent().resolve("matey-shell/target/launcher/matey.jar"),
                installation.resolve("matey.jar"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Path script = asAnotherUser(dir.resolve("installation/matey"), home);
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CACHE_HOME", home.resolve(".cache").toString());

        Launcher.Result version = Launcher.run(script, dir, env, "--version");
        assertThat(version.exitCode()).as(version.all()).isZero();
        assertThat(version.stdout()).startsWith("matey ");
        try (Stream<Path> files = Files.walk(home.resolve(".cache/matey"))) {
            assertThat(files.map(Path::toString)).anyMatch(name -> name.matches(".*matey-java-.*\\.(aot|jsa)"));
        }

        Files.delete(installation.resolve("matey.jar"));
        Launcher.Result missing = Launcher.run(script, dir, env, "--version");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).contains("cannot write there to build it", "have its owner run");
    }

    private static void deleteCaches() throws Exception {
        try (var caches = Files.list(Launcher.SCRIPT.getParent().resolve("matey-shell/target/launcher"))) {
            for (Path cache : caches.filter(file -> file.toString().matches(".*\\.(aot|jsa|failed)$")).toList()) {
                Files.delete(cache);
            }
        }
    }

    /**
     * A launcher the current user cannot write beside: as root, run as {@code nobody} (root writes anywhere);
     * otherwise the installation is made read-only. Returns the script to run.
     */
    private Path asAnotherUser(Path launcher, Path home) throws Exception {
        Path launcherDir = launcher.resolveSibling("matey-shell/target/launcher");
        if (!"root".equals(System.getProperty("user.name"))) {
            assertThat(launcherDir.toFile().setWritable(false, false)).isTrue();
            assertThat(launcher.getParent().toFile().setWritable(false, false)).isTrue();
            return launcher;
        }
        for (Path path = dir; path.getParent() != null; path = path.getParent()) {
            path.toFile().setExecutable(true, false); // a temporary directory is private to its owner
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                file.toFile().setReadable(true, false);
                file.toFile().setExecutable(file.toFile().isDirectory() || file.equals(launcher), false);
            }
        }
        Files.setOwner(home, home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        Path wrapper = dir.resolve("as-nobody");
        Files.writeString(wrapper, "#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups "
                + launcher + " \"$@\"\n");
        assertThat(wrapper.toFile().setExecutable(true, false)).isTrue();
        return wrapper;
    }
}
