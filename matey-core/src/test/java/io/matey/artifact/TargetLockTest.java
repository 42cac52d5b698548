package io.matey.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.LockNotices;
import io.matey.error.MateyException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetLockTest {

    private static final Path RUNUSER = Path.of("/usr/sbin/runuser");

    @TempDir
    Path target;

    @Test
    void lockFileIsNamedByTheBlake2b128OfTheNormalizedAbsolutePath() {
        // python3: hashlib.blake2b(b"/tmp/x", digest_size=16).hexdigest()
        Path expected = Path.of(System.getProperty("java.io.tmpdir"), "matey-locks-" + System.getProperty("user.name"),
                "1834b6d5433c51fc7a458e4a9f72d241-tx.lock");

        assertThat(TargetLock.lockFileFor(Path.of("/tmp/x"))).isEqualTo(expected);
        assertThat(TargetLock.lockFileFor(Path.of("/tmp/y/../x/."))).isEqualTo(expected);
    }

    @Test
    void theLockDirectoryIsTheUsersOwnAndNobodyElseCanReadOrWriteIt() throws Exception {
        try (TargetLock lock = TargetLock.acquire(target, LockNotices.NONE)) {
            Path file = TargetLock.lockFileFor(target);
            assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getOwner(file.getParent()).getName()).isEqualTo(System.getProperty("user.name"));
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void aSecondUserLocksTheSameTargetInTheirOwnDirectory(@TempDir Path scratch) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(RUNUSER),
                "needs root and runuser to act as a second user");
        try (TargetLock lock = TargetLock.acquire(target, LockNotices.NONE)) {
            // Another user cannot read the test's class path (under root's home): give it a copy.
            Path classes = Files.createDirectories(scratch.resolve("classes"));
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                if (Files.isDirectory(Path.of(entry))) {
                    copyTree(Path.of(entry), classes);
                }
            }
            openToEveryone(scratch);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process other = new ProcessBuilder(RUNUSER.toString(), "-u", "nobody", "--", java.toString(),
                    "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", classes.toString(),
                    TargetLockHolder.class.getName(), target.toString(), "0")
                    .redirectErrorStream(true).start();
            String output = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            // Different users' locks do not exclude each other, so nobody gets it while this process holds its own.
            assertThat(output).isEqualTo("locked\nreleased\n");
            Path nobodys = Path.of(System.getProperty("java.io.tmpdir"), "matey-locks-nobody");
            assertThat(Files.getOwner(nobodys).getName()).isEqualTo("nobody");
            assertThat(Files.getPosixFilePermissions(nobodys)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aLockDirectoryOwnedBySomeoneElseIsRefused(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to give a file away");
        inTemporaryDirectory(tmp, () -> {
            Path planted = Files.createDirectory(tmp.resolve("matey-locks-root"));
            Files.setOwner(planted, planted.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            assertThatThrownBy(() -> TargetLock.acquire(target, LockNotices.NONE)).isInstanceOf(MateyException.class)
                    .hasMessageContaining("is not a directory owned by root (owner: nobody)");
        });
    }

    @Test
    void aLockDirectoryOthersCanWriteIsRefusedAndOneTheyCanReadIsTightened(@TempDir Path tmp) throws Exception {
        inTemporaryDirectory(tmp, () -> {
            Path dir = Files.createDirectory(TargetLock.lockDirectory());
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            assertThatThrownBy(() -> TargetLock.acquire(target, LockNotices.NONE)).isInstanceOf(MateyException.class)
                    .hasMessage("Lock directory " + dir + " is writable by other users (mode rwxrwxrwx), so the files "
                            + "in it may be theirs: remove it (rm -r " + dir + ") and re-run; Matey creates it again, 0700.");
            assertThat(dir.toFile().list()).isEmpty();

            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (TargetLock lock = TargetLock.acquire(target, LockNotices.NONE)) {
                assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            }
        });
    }

    @Test
    void aSymbolicLinkPlantedAsTheLockFileIsRefusedAndItsTargetLeftAlone(@TempDir Path tmp) throws Exception {
        inTemporaryDirectory(tmp, () -> {
            Path victim = Files.writeString(tmp.resolve("victim"), "precious");
            Path lockFile = TargetLock.lockFileFor(target);
            Files.createDirectories(lockFile.getParent());
            Files.createSymbolicLink(lockFile, victim);
            assertThatThrownBy(() -> TargetLock.acquire(target, LockNotices.NONE)).isInstanceOf(MateyException.class)
                    .hasMessage("Lock file " + lockFile + " is a symbolic link (to " + victim + "); Matey does not "
                            + "write through links: remove the link (rm " + lockFile + ") and re-run.");
            assertThat(Files.readString(victim)).isEqualTo("precious");
        });
    }

    private interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} with {@code java.io.tmpdir} set to {@code tmp}, where the lock directory then lives. */
    private static void inTemporaryDirectory(Path tmp, Body body) throws Exception {
        String saved = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
        try {
            body.run();
        } finally {
            System.setProperty("java.io.tmpdir", saved);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (!Files.exists(copy)) {
                    Files.copy(file, copy);
                }
            }
        }
    }

    private static void openToEveryone(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
                        Files.isDirectory(file) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    @Test
    void blocksWhileAnotherProcessHoldsTheLock() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                TargetLockHolder.class.getName(), target.toString(), "1000")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(output.readLine()).isEqualTo("locked");
            long start = System.nanoTime();
            try (TargetLock lock = TargetLock.acquire(target, LockNotices.NONE)) {
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                assertThat(waited).isGreaterThan(Duration.ofMillis(500));
            }
        } finally {
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(holder.exitValue()).isZero();
    }

    @Test
    void serialisesThreadsOfOneProcess() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] runs = new Future<?>[8];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = pool.submit(() -> {
                    try (TargetLock lock = TargetLock.acquire(target, LockNotices.NONE)) {
                        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.sleep(20);
                        inside.decrementAndGet();
                    }
                    return null;
                });
            }
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(maxInside).hasValue(1);
    }

    @Test
    void isReentrantAndHeldUntilTheOutermostClose() throws Exception {
        CountDownLatch acquiredByOther = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            try (TargetLock lock = TargetLock.acquire(target, LockNotices.NONE)) {
                acquiredByOther.countDown();
            }
        });
        try (TargetLock outer = TargetLock.acquire(target, LockNotices.NONE)) {
            try (TargetLock inner = TargetLock.acquire(target, LockNotices.NONE)) {
                other.start();
            }
            assertThat(acquiredByOther.await(300, TimeUnit.MILLISECONDS)).isFalse();
            outer.close();
            outer.close(); // closing twice releases once
            assertThat(acquiredByOther.await(10, TimeUnit.SECONDS)).isTrue();
        }
        other.join();
    }
}
