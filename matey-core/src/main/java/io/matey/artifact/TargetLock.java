package io.matey.artifact;

import io.matey.engine.FileMutex;
import io.matey.engine.LockNotices;
import io.matey.error.FileFailure;
import io.matey.error.MateyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Serialises everything that reads or writes one target's artifacts, across processes and threads. Blocking and
 * re-entrant per thread; close it on the thread that acquired it. The lock file lives in the temp directory, not
 * the repository, so it never shows up in git (and a read-only checkout can still be read), in a directory of the
 * user's own: a shared one would belong to whoever created it first and shut every other user out.
 */
public final class TargetLock implements AutoCloseable {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final FileMutex mutex;

    private TargetLock(FileMutex mutex) {
        this.mutex = mutex;
    }

    /**
     * Blocks until this thread holds the lock of the target directory; when another holds it, says so at once to
     * {@code notices}. Reports wait too: a commit renames its files one by one, and recovery, which every
     * reader runs first, must not roll back a transaction that another process is applying (docs/architecture.md §4).
     */
    public static TargetLock acquire(Path targetDir, LockNotices notices) {
        Path lockFile = lockFileFor(targetDir);
        try {
            prepare(lockFile);
            Optional<FileMutex> free = FileMutex.acquire(lockFile, Duration.ZERO);
            if (free.isPresent()) {
                return new TargetLock(free.get());
            }
            String holder = FileMutex.holder(lockFile);
            notices.waiting("waiting for the artifact lock of target " + targetDir.toAbsolutePath().normalize()
                    + ", held by " + (holder.isEmpty() ? "another process" : holder));
            return new TargetLock(FileMutex.acquire(lockFile));
        } catch (UncheckedIOException e) {
            throw new MateyException("Cannot lock target " + targetDir + ". " + e.getMessage() + ": fix its "
                    + "permissions, or set another temporary directory with -Djava.io.tmpdir=...", e);
        }
    }

    /**
     * {@code <tmp>/matey-locks-<user>/<BLAKE2b-128 of the absolute target path>-tx.lock}; the file name is Python
     * matey's.
     */
    static Path lockFileFor(Path targetDir) {
        String key = targetDir.toAbsolutePath().normalize().toString();
        return lockDirectory().resolve(Digests.blake2b(128, key.getBytes(StandardCharsets.UTF_8)) + "-tx.lock");
    }

    static Path lockDirectory() {
        String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "matey-locks-" + (user.isEmpty() ? "user" : user));
    }

    /** The directory 0700 and owned by this user (else another user could hold or swap its files), the file 0600. */
    private static void prepare(Path lockFile) {
        userDirectory();
        if (!POSIX) {
            return;
        }
        try {
            Files.createFile(lockFile, permissions("rw-------"));
        } catch (FileAlreadyExistsException exists) {
            // created by an earlier run of this user
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the lock file " + lockFile + " (" + FileFailure.reason(e)
                    + ")", e);
        }
    }

    /**
     * Matey's directory of this user in the temp directory, created 0700 and checked to be the user's own: it holds
     * the lock files and replay's records of the roles it created (docs/architecture.md §6).
     */
    public static Path userDirectory() {
        Path dir = lockDirectory();
        try {
            Files.createDirectories(dir.getParent());
            if (!POSIX) {
                return Files.createDirectories(dir);
            }
            try {
                Files.createDirectory(dir, permissions("rwx------"));
            } catch (FileAlreadyExistsException exists) {
                UserPrincipal owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS);
                UserPrincipal self = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(System.getProperty("user.name"));
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !owner.equals(self)) {
                    throw new MateyException("Lock directory " + dir + " is not a directory owned by "
                            + self.getName() + " (owner: " + owner.getName() + "); remove it, or set another "
                            + "temporary directory with -Djava.io.tmpdir=...");
                }
                keepPrivate(dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the lock directory " + dir + " (" + FileFailure.reason(e)
                    + ")", e);
        }
    }

    /**
     * Tightens a directory of this user that others may read to 0700; refuses one that others could write to, as
     * its lock files and role records may then be theirs (replay drops the roles a record names).
     */
    private static void keepPrivate(Path dir) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new MateyException("Lock directory " + dir + " is writable by other users (mode "
                    + PosixFilePermissions.toString(mode) + "), so the files in it may be theirs: remove it (rm -r "
                    + dir + ") and re-run; Matey creates it again, 0700.");
        }
        if (!mode.equals(PosixFilePermissions.fromString("rwx------"))) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static FileAttribute<?> permissions(String text) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(text));
    }

    @Override
    public void close() {
        mutex.close();
    }
}
