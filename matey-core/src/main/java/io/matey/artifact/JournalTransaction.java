package io.matey.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** One transaction directory {@code .matey/tx/<created_ns>-<uuid>/} and the files inside it. */
final class JournalTransaction {

    private final Path dir;

    JournalTransaction(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    String name() {
        return dir.getFileName().toString();
    }

    Path staged(String relativePath) {
        return dir.resolve("staged").resolve(relativePath);
    }

    Path backup(String relativePath) {
        return dir.resolve("backup").resolve(relativePath);
    }

    void writeManifest(JournalManifest manifest) throws IOException {
        AtomicFiles.write(dir.resolve("manifest.json"), manifest.toJson(), dir);
    }

    JournalManifest readManifest() throws IOException {
        try {
            return JournalManifest.parse(Files.readAllBytes(dir.resolve("manifest.json")));
        } catch (NoSuchFileException e) {
            throw new IOException("manifest.json is missing");
        } catch (JsonProcessingException e) {
            throw new IOException("manifest.json is not valid JSON: " + e.getOriginalMessage());
        }
    }

    void writeState(JournalState state) throws IOException {
        AtomicFiles.write(stateFile(), state.fileText().getBytes(StandardCharsets.UTF_8), dir);
    }

    /** Empty when no state was written yet: the transaction never reached {@code prepared}. */
    Optional<JournalState> readState() throws IOException {
        Path file = stateFile();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("state is not a regular file");
        }
        String content = Files.readString(file, StandardCharsets.UTF_8);
        return Optional.of(JournalState.fromFileText(content)
                .orElseThrow(() -> new IOException("invalid state '" + content.strip() + "'")));
    }

    /**
     * Deletes the state file first: a transaction without state is discarded by recovery, so a crash while the
     * rest is being deleted cannot make recovery misread a half-removed transaction.
     */
    void forget() throws IOException {
        AtomicFiles.delete(stateFile());
    }

    void deleteTree() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> deepestFirst = files.sorted(Comparator.reverseOrder()).toList();
            for (Path file : deepestFirst) {
                Files.delete(file);
            }
        }
        AtomicFiles.syncDirectory(dir.getParent());
    }

    void remove() throws IOException {
        forget();
        deleteTree();
    }

    private Path stateFile() {
        return dir.resolve("state");
    }
}
