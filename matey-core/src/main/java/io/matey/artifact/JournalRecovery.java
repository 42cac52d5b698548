package io.matey.artifact;

import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Brings a target back to a consistent file set after an interrupted write: an {@code applying} transaction is
 * rolled back from its backups, any other is discarded. Nothing is touched if any journal entry is invalid.
 */
final class JournalRecovery {

    private record Found(JournalTransaction transaction, Optional<JournalState> state, JournalManifest manifest) {
    }

    private final Path targetDir;
    private final Consumer<String> probe;

    JournalRecovery(Path targetDir, Consumer<String> probe) {
        this.targetDir = targetDir;
        this.probe = probe;
    }

    void run() throws IOException {
        Path mateyDir = targetDir.resolve(ArtifactJournal.RESERVED_DIR);
        Path root = mateyDir.resolve("tx");
        if (Files.isSymbolicLink(mateyDir) || Files.isSymbolicLink(root)) {
            throw invalid(List.of(root + ": symbolic link"));
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            deleteEmptyJournalDirs(targetDir);
            return;
        }
        List<String> problems = new ArrayList<>();
        List<Found> found = scan(root, problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        List<Found> applying = found.stream().filter(f -> f.state().equals(Optional.of(JournalState.APPLYING))).toList();
        if (applying.size() > 1) {
            throw new MateyException("Cannot recover: several interrupted transactions were applying and their order "
                    + "is unknown: " + applying.stream().map(f -> f.transaction().name()).toList());
        }
        for (Found transaction : applying) {
            rollBack(transaction);
        }
        for (Found transaction : found) {
            if (!applying.contains(transaction)) {
                transaction.transaction().remove();
            }
        }
        deleteEmptyJournalDirs(targetDir);
    }

    /** {@code .matey/} only exists while a write is in progress or was interrupted. */
    static void deleteEmptyJournalDirs(Path targetDir) throws IOException {
        Path mateyDir = targetDir.resolve(ArtifactJournal.RESERVED_DIR);
        deleteIfEmpty(mateyDir.resolve("tx"));
        deleteIfEmpty(mateyDir);
    }

    private List<Found> scan(Path root, List<String> problems) throws IOException {
        List<Found> found = new ArrayList<>();
        for (Path entry : sortedEntries(root)) {
            String name = entry.getFileName().toString();
            if (Files.isSymbolicLink(entry)) {
                problems.add(name + ": symbolic link");
            } else if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(name + ": not a directory");
            } else {
                JournalTransaction transaction = new JournalTransaction(entry);
                try {
                    Optional<JournalState> state = transaction.readState();
                    // The manifest is written before the state, so only a stateless transaction may lack one.
                    JournalManifest manifest = state.isPresent() ? checked(transaction.readManifest()) : null;
                    found.add(new Found(transaction, state, manifest));
                } catch (IOException e) {
                    problems.add(name + ": " + e.getMessage());
                }
            }
        }
        return found;
    }

    private static JournalManifest checked(JournalManifest manifest) throws IOException {
        for (String path : allPaths(manifest)) {
            if (ArtifactJournal.isReserved(path)) {
                throw new IOException("path in the reserved namespace: " + path);
            }
        }
        return manifest;
    }

    /** Idempotent, so a crash during rollback is repaired by the next recovery. */
    private void rollBack(Found found) throws IOException {
        JournalTransaction transaction = found.transaction();
        for (String path : allPaths(found.manifest())) {
            Path backup = transaction.backup(path);
            Path target = targetDir.resolve(path);
            if (Files.isRegularFile(backup, LinkOption.NOFOLLOW_LINKS)) {
                AtomicFiles.write(target, Files.readAllBytes(backup), transaction.dir());
            } else {
                AtomicFiles.delete(target); // no backup: the transaction created it
            }
            probe.accept("restore " + path);
        }
        transaction.remove();
    }

    private static TreeSet<String> allPaths(JournalManifest manifest) {
        TreeSet<String> paths = new TreeSet<>(CodePointOrder.INSTANCE);
        paths.addAll(manifest.writes());
        paths.addAll(manifest.deletes());
        return paths;
    }

    private static List<Path> sortedEntries(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        if (AtomicFiles.isEmptyDirectory(dir)) {
            Files.delete(dir);
        }
    }

    private static MateyException invalid(List<String> problems) {
        return new MateyException("Transaction recovery encountered invalid journal entries: "
                + String.join("; ", problems));
    }
}
