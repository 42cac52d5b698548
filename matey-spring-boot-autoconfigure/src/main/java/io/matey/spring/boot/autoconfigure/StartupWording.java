package io.matey.spring.boot.autoconfigure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Core's messages open with the CLI command they come from ({@code db migrate refused: ...}); during start-up the
 * user ran no command, so that opening names Matey's start-up work instead, and the rest stays the core's
 * (docs/architecture.md §8).
 */
final class StartupWording {

    /** {@code db migrate}, {@code db drift}, ..., a step of it, then what became of it. */
    private static final Pattern COMMAND = Pattern.compile("^db (\\w+)((?: [\\w-]+)*) (failed|refused)(?=:| on )");

    private StartupWording() {
    }

    /** The message with its command opening, if any, as the start-up's work. */
    static String of(String message) {
        Matcher command = COMMAND.matcher(message);
        if (!command.find()) {
            return message;
        }
        String work = switch (command.group(1)) {
            case "migrate", "up" -> "Matey's start-up migration";
            case "adopt" -> "Matey's start-up adoption";
            default -> "Matey's start-up check";
        };
        String step = command.group(2).isEmpty() ? "" : " (" + command.group(2).strip() + ")";
        return work + step + " " + command.group(3) + message.substring(command.end());
    }
}
