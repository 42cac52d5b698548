package io.matey.workspace;

import io.matey.error.FileFailure;
import io.matey.error.InvalidUtf8;
import io.matey.error.MateyException;
import io.matey.error.Suggestions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import io.matey.toml.TomlMap;
import io.matey.toml.TomlSyntaxException;
import io.matey.toml.TomlText;

/** Reads TOML files with messages that name the file, line and column of a problem. */
final class TomlFiles {

    private TomlFiles() {
    }

    static TomlMap read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MateyException("Unable to read " + file + ": " + FileFailure.detail(file, e));
        }
        InvalidUtf8 bad = InvalidUtf8.find(bytes);
        if (bad != null) {
            throw new MateyException(bad.message(file));
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            return TomlText.parse(text);
        } catch (TomlSyntaxException error) {
            throw new MateyException(file + ":" + error.line() + ":" + error.column() + ": Unable to parse "
                    + file.getFileName() + ": " + error.getMessage() + ". Fix the TOML syntax.");
        }
    }

    /**
     * Rejects keys outside {@code allowed}, naming them in the order they sort, at the line of the first in the
     * file, with the allowed key it is likely a typo of.
     */
    static void rejectUnknownKeys(TomlMap table, Set<String> allowed, Path file, String what) {
        Set<String> unknown = new TreeSet<>(table.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            String first = table.keySet().stream().filter(unknown::contains).findFirst().orElseThrow();
            throw new MateyException(at(file, table.line(first)) + "unsupported " + what + " keys: "
                    + unknown.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "))
                    + ". Allowed keys: " + String.join(", ", new TreeSet<>(allowed)) + "."
                    + Suggestions.didYouMean(first, allowed));
        }
    }

    /** {@code file:line: }, or {@code file: } when the line is unknown: the start of a message about a key. */
    static String at(Path file, int line) {
        return file + (line > 0 ? ":" + line : "") + ": ";
    }
}
