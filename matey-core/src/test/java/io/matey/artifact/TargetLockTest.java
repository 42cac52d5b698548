package io.matey.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetLockTest {

    @TempDir
    Path target;

    @Test
    void lockFileIsNamedByTheBlake2b128OfTheNormalizedAbsolutePath() {
        // python3: hashlib.blake2b(b"/tmp/x", digest_size=16).hexdigest()
        Path expected = Path.of(System.getProperty("java.io.tmpdir"), "matey-locks",
                "1834b6d5433c51fc7a458e4a9f72d241-tx.lock");

        assertThat(TargetLock.lockFileFor(Path.of("/tmp/x"))).isEqualTo(expected);
        assertThat(TargetLock.lockFileFor(Path.of("/tmp/y/../x/."))).isEqualTo(expected);
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
            try (TargetLock lock = TargetLock.acquire(target)) {
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
                    try (TargetLock lock = TargetLock.acquire(target)) {
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
            try (TargetLock lock = TargetLock.acquire(target)) {
                acquiredByOther.countDown();
            }
        });
        try (TargetLock outer = TargetLock.acquire(target)) {
            try (TargetLock inner = TargetLock.acquire(target)) {
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
