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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment dbmate sees: the process environment plus {@code .env}-style files, read in order; a variable
 * already set wins over a file, and a missing file is skipped. Lines follow godotenv, which dbmate uses:
 * {@code KEY=value} or {@code KEY: value}, optional {@code export}, {@code #} comments, and {@code $VAR} /
 * {@code ${VAR}} expanded in unquoted and double-quoted values (not single-quoted), from the file's earlier lines
 * first, then the environment. A quoted value must close on its own line (godotenv allows several).
 */
final class DotEnv {

    /** godotenv's expansion pattern: an optional escaping backslash, {@code $}, and an upper-case name. */
    private static final Pattern VARIABLE = Pattern.compile("(\\\\)?\\$(\\()?\\{?([A-Z0-9_]+)?}?");
    private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{N}_.]+");

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
            Map<String, String> own = new HashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                parse(file, i + 1, lines.get(i), own, merged).ifPresent(kv -> {
                    own.put(kv[0], kv[1]);
                    merged.putIfAbsent(kv[0], kv[1]);
                });
            }
        }
        return merged;
    }

    private static Optional<String[]> parse(Path file, int number, String raw, Map<String, String> own,
            Map<String, String> environment) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return Optional.empty();
        }
        if (line.startsWith("export ")) {
            line = line.substring("export ".length()).strip();
        }
        int separator = firstSeparator(line);
        if (separator <= 0) {
            throw new MateyException(file + ":" + number + ": expected KEY=value (or KEY: value).");
        }
        String key = line.substring(0, separator).strip();
        if (!KEY.matcher(key).matches()) {
            throw new MateyException(file + ":" + number + ": \"" + key + "\" is not a variable name (letters, "
                    + "digits, _ and . only).");
        }
        String value = line.substring(separator + 1).strip();
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            char quote = value.charAt(0);
            int close = closingQuote(value, quote);
            if (close < 0) {
                throw new MateyException(file + ":" + number + ": unterminated quoted value for " + key + ".");
            }
            value = value.substring(1, close);
            if (quote == '"') {
                value = expand(unescape(value), own, environment);
            }
        } else {
            value = expand(withoutComment(value), own, environment);
        }
        return Optional.of(new String[] {key, value});
    }

    private static int firstSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        return eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    }

    /** The closing quote, skipping one escaped by a backslash. */
    private static int closingQuote(String value, char quote) {
        for (int i = 1; i < value.length(); i++) {
            if (value.charAt(i) == quote && value.charAt(i - 1) != '\\') {
                return i;
            }
        }
        return -1;
    }

    /** godotenv cuts an unquoted value at its last {@code #} that follows whitespace. */
    private static String withoutComment(String value) {
        for (int i = value.length() - 1; i > 0; i--) {
            if (value.charAt(i) == '#' && Character.isWhitespace(value.charAt(i - 1))) {
                return value.substring(0, i).strip();
            }
        }
        return value;
    }

    /** Double-quoted escapes: {@code \n} and {@code \r}; a backslash before any other character but {@code $} goes. */
    private static String unescape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 == value.length()) {
                out.append(c);
                continue;
            }
            char next = value.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case '$' -> out.append("\\$");
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    /** {@code $VAR} and {@code ${VAR}}: the file's own earlier value, else the environment's, else empty. */
    private static String expand(String value, Map<String, String> own, Map<String, String> environment) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                replacement = m.group().substring(1);
            } else if (m.group(3) != null && m.group(2) == null) {
                replacement = own.getOrDefault(m.group(3), environment.getOrDefault(m.group(3), ""));
            } else {
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
