package io.matey.artifact;

import io.matey.engine.LockNotices;
import java.nio.file.Path;

/** Run in a second JVM by {@link TargetLockTest}: holds a target's lock for a while, then exits. */
public final class TargetLockHolder {

    private TargetLockHolder() {
    }

    /** Arguments: target directory, milliseconds to hold the lock. */
    public static void main(String[] args) throws InterruptedException {
        try (TargetLock lock = TargetLock.acquire(Path.of(args[0]), LockNotices.NONE)) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(Long.parseLong(args[1]));
        }
        System.out.println("released");
    }
}
