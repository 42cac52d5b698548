package io.matey.shell.session;

import io.matey.engine.MateyUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The session's history ({@code ~/.matey_history}): readable by its owner only, and every line masked before
 * it is kept, so a {@code --url} with a password never reaches the file (docs/architecture.md §8).
 */
final class MaskedHistory extends DefaultHistory {

    /** Every entry passes here, typed or loaded from the file. */
    @Override
    protected void internalAdd(Instant time, String line, boolean checkDuplicates) {
        super.internalAdd(time, MateyUrl.mask(line), checkDuplicates);
    }

    /** Creates the file as 0600, or narrows an existing one to 0600 and masks what older versions wrote in clear. */
    static Path prepare(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                return file;
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> masked = lines.stream().map(MateyUrl::mask).toList();
            if (!masked.equals(lines)) {
                Files.write(file, masked, StandardCharsets.UTF_8);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the history file " + file, e);
        }
    }
}
