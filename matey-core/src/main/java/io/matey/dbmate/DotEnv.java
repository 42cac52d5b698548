package io.matey.dbmate;

import io.matey.error.MateyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment dbmate sees: the process environment plus {@code .env}-style files, read in order; a variable
 * already set wins over a file, and a missing file is skipped (dbmate's own rules, through godotenv).
 */
final class DotEnv {

    private DotEnv() {
    }

    static Map<String, String> merge(Map<String, String> environment, List<Path> files) {
        Map<String, String> merged = new HashMap<>(environment);
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                continue;
            } catch (IOException e) {
                throw new MateyException("loading env file " + file + ": " + e.getMessage());
            }
            for (int i = 0; i < lines.size(); i++) {
                parse(file, i + 1, lines.get(i)).ifPresent(kv -> merged.putIfAbsent(kv[0], kv[1]));
            }
        }
        return merged;
    }

    /** {@code KEY=value}, {@code export KEY=value}, quoted values, {@code #} comments; blank lines are nothing. */
    private static Optional<String[]> parse(Path file, int number, String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return Optional.empty();
        }
        if (line.startsWith("export ")) {
            line = line.substring("export ".length()).strip();
        }
        int eq = line.indexOf('=');
        if (eq <= 0) {
            throw new MateyException(file + ":" + number + ": expected KEY=value.");
        }
        String key = line.substring(0, eq).strip();
        String value = line.substring(eq + 1).strip();
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            char quote = value.charAt(0);
            int close = value.indexOf(quote, 1);
            if (close < 0) {
                throw new MateyException(file + ":" + number + ": unterminated quoted value for " + key + ".");
            }
            value = value.substring(1, close);
            if (quote == '"') {
                value = value.replace("\\n", "\n").replace("\\\"", "\"");
            }
        } else {
            int comment = value.indexOf(" #");
            if (comment >= 0) {
                value = value.substring(0, comment).strip();
            }
        }
        return Optional.of(new String[] {key, value});
    }
}
