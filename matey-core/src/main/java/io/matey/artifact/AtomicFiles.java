package io.matey.artifact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** File writes that a crash cannot leave half done: write a temporary file, flush it, rename it over. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code file}; the temporary file goes to {@code scratchDir}, which must be on the same file system. */
    static void write(Path file, byte[] bytes, Path scratchDir) throws IOException {
        Files.createDirectories(scratchDir);
        Path temp = scratchDir.resolve("tmp-" + UUID.randomUUID());
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        move(temp, file);
    }

    /** Renames {@code from} over {@code to}, creating parents, and makes the rename durable. */
    static void move(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(to.getParent());
    }

    /** Deletes a file if present and makes the removal durable. */
    static void delete(Path file) throws IOException {
        // exists() rather than deleteIfExists(): a path below a regular file is simply absent, not an error.
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(file);
            syncDirectory(file.getParent());
        }
    }

    /**
     * Writes and flushes a file whose directory entry only has to be durable once the current phase ends (staged
     * files and backups, which recovery ignores until the journal says {@code applying}).
     */
    static void writeFlushed(Path file, byte[] bytes, DirectorySyncs syncs) throws IOException {
        syncs.createDirectories(file.getParent());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        syncs.add(file.getParent());
    }

    /** Renames {@code from} over {@code to}; the rename becomes durable when {@code syncs} is flushed. */
    static void move(Path from, Path to, DirectorySyncs syncs) throws IOException {
        syncs.createDirectories(to.getParent());
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncs.add(to.getParent());
    }

    /** Deletes a file if present; the removal becomes durable when {@code syncs} is flushed. */
    /** True for a directory (not a link to one) with no entries. */
    static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    static void delete(Path file, DirectorySyncs syncs) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(file);
            syncs.add(file.getParent());
        }
    }

    /**
     * Directories whose entries changed during one phase of a commit, flushed together at its end: one sync per
     * directory instead of one per file, which is what made writing hundreds of checkpoints slow.
     */
    static final class DirectorySyncs {
        private final Set<Path> dirs = new LinkedHashSet<>();

        void add(Path dir) {
            dirs.add(dir);
        }

        /** Creates missing directories and remembers every directory that gained an entry. */
        void createDirectories(Path dir) throws IOException {
            Path missing = dir;
            while (missing != null && !Files.isDirectory(missing)) {
                add(missing.getParent());
                missing = missing.getParent();
            }
            Files.createDirectories(dir);
            if (missing != dir) {
                add(dir);
            }
        }

        void flush() {
            dirs.forEach(AtomicFiles::syncDirectory);
            dirs.clear();
        }
    }

    /** A rename is only durable once its directory is flushed. */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; there the rename is as durable as Java allows.
        }
    }
}
