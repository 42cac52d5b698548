package io.matey.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-user lock directory (README, Safety): one that other users can write to is refused, and a symbolic link
 * planted as a lock file is refused without writing to its target; both exit 2 and say what to do.
 */
class LockDirectoryCommandTest {

    @TempDir
    Path dir;

    @TempDir
    Path tmp;

    @Test
    void aLockDirectoryOpenToOthersAndALinkedLockFileAreRefused() throws Exception {
        Map<String, String> env = GitWorkspace.initSqlite(dir);
        List<String> jvm = List.of("-Djava.io.tmpdir=" + tmp);
        assertThat(MateyProcess.run(dir, env, jvm, "schema", "status").exitCode()).isZero();
        Path locks;
        try (Stream<Path> listed = Files.list(tmp)) {
            locks = listed.filter(p -> p.getFileName().toString().startsWith("matey-locks-")).findFirst().orElseThrow();
        }

        Files.setPosixFilePermissions(locks, PosixFilePermissions.fromString("rwxrwxrwx"));
        MateyProcess.Result open = MateyProcess.run(dir, env, jvm, "schema", "status");
        assertThat(open.exitCode()).isEqualTo(2);
        assertThat(open.stderr()).isEqualTo("error: Lock directory " + locks + " is writable by other users (mode "
                + "rwxrwxrwx), so the files in it may be theirs: remove it (rm -r " + locks + ") and re-run; Matey "
                + "creates it again, 0700.\n");

        Files.setPosixFilePermissions(locks, PosixFilePermissions.fromString("rwx------"));
        Path lockFile;
        try (Stream<Path> listed = Files.list(locks)) {
            lockFile = listed.filter(p -> p.toString().endsWith("-tx.lock")).findFirst().orElseThrow();
        }
        Files.delete(lockFile);
        Path victim = Files.writeString(tmp.resolve("victim"), "precious\n");
        Files.createSymbolicLink(lockFile, victim);
        MateyProcess.Result linked = MateyProcess.run(dir, env, jvm, "schema", "status");
        assertThat(linked.exitCode()).isEqualTo(2);
        assertThat(linked.stderr()).isEqualTo("error: Lock file " + lockFile + " is a symbolic link (to " + victim
                + "); Matey does not write through links: remove the link (rm " + lockFile + ") and re-run.\n");
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
    }

    /** A lock directory that cannot be created (a read-only file system; as root, permissions would not stop it). */
    @Test
    void aLockDirectoryThatCannotBeCreatedIsNamedOnce() throws Exception {
        Map<String, String> env = GitWorkspace.initSqlite(dir);
        MateyProcess.Result status = MateyProcess.run(dir, env, List.of("-Djava.io.tmpdir=/sys"), "schema", "status");
        assertThat(status.exitCode()).isEqualTo(2);
        String locks = "/sys/matey-locks-";
        assertThat(status.stderr()).startsWith("error: Cannot lock target " + dir + ". Cannot create the lock "
                + "directory " + locks).endsWith("): fix its permissions, or set another temporary directory with "
                + "-Djava.io.tmpdir=...\n");
        assertThat(status.stderr().split(locks, -1)).as("the path once: %s", status.stderr()).hasSize(2);
    }
}
